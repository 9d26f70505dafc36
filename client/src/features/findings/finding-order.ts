/**
 * The list with the item at `index` moved by `offset` places (−1 up, +1 down). Moving past either
 * end leaves the list as it was, so a button at the edge can never scramble the order.
 */
export function moveItem<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) {
    return [...items];
  }
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  moved.splice(target, 0, item);
  return moved;
}
