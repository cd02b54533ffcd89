/**
 * Adds `value` to the group of `key`, creating the group on first use. Groups grow in place: rebuilding
 * the array on every add (`[...(map.get(k) ?? []), v]`) is quadratic, and on a host where thousands of
 * guests share one missing bridge or one MAC that alone took seconds.
 */
export function addToGroup<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}
