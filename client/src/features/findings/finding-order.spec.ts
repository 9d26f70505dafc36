import { moveItem } from './finding-order';

describe('moveItem', () => {
  it('moves an item up and down by one place', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the order alone at either end', () => {
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('returns a new list, never the one it was given', () => {
    const items = ['a', 'b'];
    const moved = moveItem(items, 0, 1);
    expect(moved).toEqual(['b', 'a']);
    expect(items).toEqual(['a', 'b']);
  });
});
