/**
 * Collects the items of nested lists on one shared array and hands each list out at its exact size.
 * An array grown by push from empty keeps room for 17 elements, so every short list of a parsed document
 * (most have one to three items) would hold about 150 bytes for its life; a copy of the right size does not.
 */
export class ItemStack<T> {
  private readonly items: T[] = [];

  /** Where the list about to be read begins. */
  mark(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The items pushed since `mark`, as an array of their own; they leave the stack. */
  take(mark: number): T[] {
    const out = this.items.slice(mark);
    this.items.length = mark;
    return out;
  }

  /** Drops what a parse cut short by an error left behind. */
  clear(): void {
    // Chevrotain resets the parser for every input and the stack is nearly always empty by then; writing
    // `length` is a call into the runtime even when it changes nothing.
    if (this.items.length !== 0) this.items.length = 0;
  }
}
