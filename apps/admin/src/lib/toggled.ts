/** `list` with `item` added (when `isIncluded`) or removed: the state update of one checkbox in a group. */
export function toggled<T>(list: readonly T[], item: T, isIncluded: boolean): T[] {
  const without = list.filter((held) => held !== item);
  return isIncluded ? [...without, item] : without;
}
