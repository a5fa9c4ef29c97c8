/**
 * The map under `key` in a map of maps, added empty if absent. The batch pricers key their caches by several fields
 * through nested maps rather than a text key joined per line: building and hashing that text was a third of the
 * inpatient batch's time (issue 14 bench).
 * @example innerMap(byDrg, "470").get("2025-03-01")
 */
export function innerMap<K, J, V>(map: Map<K, Map<J, V>>, key: K): Map<J, V> {
  let found = map.get(key);
  if (found === undefined) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}
