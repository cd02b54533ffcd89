/** How much of the text found a message quotes; the code frame shows the rest of the spot. */
const MAX_FOUND = 60;

/**
 * The text found, cut to MAX_FOUND characters: a machine-written line can hold one word of megabytes, and
 * a message quoting all of it buries the file:line:col that says where to look.
 */
export function clip(found: string): { text: string; clipped: boolean } {
  return found.length > MAX_FOUND ? { text: `${found.slice(0, MAX_FOUND)}…`, clipped: true } : { text: found, clipped: false };
}
