import {
  DEFAULT_GENOGRAM_OPTIONS,
  GenogramLayout,
  GenogramTie,
  genogramGenerations,
  layoutGenogram,
} from './genogram-layout';

const parent = (fromId: string, toId: string): GenogramTie => ({ fromId, toId, kind: 'PARENT_OF' });
const partner = (fromId: string, toId: string): GenogramTie => ({
  fromId,
  toId,
  kind: 'PARTNER_OF',
});
const sibling = (fromId: string, toId: string): GenogramTie => ({
  fromId,
  toId,
  kind: 'SIBLING_OF',
});
const livesWith = (fromId: string, toId: string): GenogramTie => ({
  fromId,
  toId,
  kind: 'LIVES_WITH',
});

/** The demo review's family, as its register records it. */
const family = [
  { id: 'child', household: 'Household 1' },
  { id: 'sibling1', household: 'Household 1' },
  { id: 'sibling2', household: 'Household 1' },
  { id: 'mother', household: 'Household 1' },
  { id: 'father', household: 'Father’s address' },
  { id: 'partner', household: 'Household 1 (from around April 2022)' },
  { id: 'grandmother', household: 'Grandmother’s address' },
];
const ties: GenogramTie[] = [
  parent('mother', 'sibling1'),
  parent('mother', 'sibling2'),
  parent('mother', 'child'),
  parent('father', 'sibling1'),
  parent('father', 'child'),
  parent('grandmother', 'mother'),
  parent('father', 'sibling2'),
  partner('partner', 'mother'),
  sibling('sibling1', 'sibling2'),
  sibling('child', 'sibling1'),
  sibling('child', 'sibling2'),
  livesWith('sibling1', 'mother'),
  livesWith('partner', 'mother'),
  livesWith('sibling2', 'mother'),
  livesWith('child', 'mother'),
];

function rowOrder(layout: GenogramLayout, generation: number): string[] {
  return layout.people
    .filter((person) => person.generation === generation)
    .sort((a, b) => a.x - b.x)
    .map((person) => person.id);
}

function placed(layout: GenogramLayout, id: string) {
  const person = layout.people.find((p) => p.id === id);
  if (!person) throw new Error(`${id} not placed`);
  return person;
}

describe('genogramGenerations', () => {
  it('puts parents a row above their children, partners and siblings on one row', () => {
    const rows = genogramGenerations(family, ties);
    expect(Object.fromEntries(rows)).toEqual({
      grandmother: 0,
      mother: 1,
      father: 1,
      partner: 1,
      child: 2,
      sibling1: 2,
      sibling2: 2,
    });
  });

  it('brings a parent with no parents recorded down to just above their children', () => {
    const rows = genogramGenerations(
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      [parent('a', 'b'), parent('b', 'c'), parent('d', 'c')],
    );
    expect(rows.get('d')).toBe(1);
    expect(rows.get('c')).toBe(2);
  });

  it('puts someone who only lives with the family on the row of the person they live with', () => {
    const rows = genogramGenerations(
      [{ id: 'lodger' }, { id: 'mother' }, { id: 'child' }],
      [livesWith('lodger', 'mother'), parent('mother', 'child'), livesWith('child', 'mother')],
    );
    expect(Object.fromEntries(rows)).toEqual({ lodger: 0, mother: 0, child: 1 });
    const below = genogramGenerations(
      [{ id: 'grandmother' }, { id: 'mother' }, { id: 'lodger' }],
      [parent('grandmother', 'mother'), livesWith('mother', 'lodger')],
    );
    expect(below.get('lodger')).toBe(1);
  });

  it('closes up rows nobody uses and ends on a loop of parents', () => {
    expect(Object.fromEntries(genogramGenerations([{ id: 'a' }], []))).toEqual({ a: 0 });
    const looped = genogramGenerations(
      [{ id: 'a' }, { id: 'b' }],
      [parent('a', 'b'), parent('b', 'a')],
    );
    expect([...looped.values()].every((row) => row >= 0 && row <= 1)).toBe(true);
  });
});

describe('layoutGenogram', () => {
  const layout = layoutGenogram(family, ties);
  const { nodeHeight } = DEFAULT_GENOGRAM_OPTIONS;

  it('draws each generation as a row, parents above their children', () => {
    for (const tie of ties.filter((t) => t.kind === 'PARENT_OF')) {
      expect(placed(layout, tie.fromId).y + nodeHeight).toBeLessThan(placed(layout, tie.toId).y);
    }
    expect(new Set(['child', 'sibling1', 'sibling2'].map((id) => placed(layout, id).y)).size).toBe(
      1,
    );
  });

  it('sets partners side by side with nobody between them', () => {
    const row = rowOrder(layout, 1);
    expect(Math.abs(row.indexOf('mother') - row.indexOf('partner'))).toBe(1);
  });

  it('keeps the siblings together on their row', () => {
    const row = rowOrder(layout, 2);
    expect(row).toHaveLength(3);
    expect(new Set(row)).toEqual(new Set(['child', 'sibling1', 'sibling2']));
  });

  it('boxes each household around its members, and no two boxes overlap', () => {
    const household1 = layout.households.find((box) => box.label === 'Household 1');
    expect(household1?.memberIds).toEqual(['child', 'sibling1', 'sibling2', 'mother']);
    for (const id of household1?.memberIds ?? []) {
      const person = placed(layout, id);
      expect(person.x).toBeGreaterThanOrEqual(household1!.x);
      expect(person.x + DEFAULT_GENOGRAM_OPTIONS.nodeWidth).toBeLessThanOrEqual(
        household1!.x + household1!.width,
      );
      expect(person.y).toBeGreaterThan(household1!.y);
      expect(person.y + nodeHeight).toBeLessThanOrEqual(household1!.y + household1!.height);
    }
    for (const a of layout.households) {
      for (const b of layout.households) {
        if (a === b) continue;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('leaves someone with no household unboxed, and nobody on top of anybody', () => {
    const alone = layoutGenogram(
      [
        { id: 'a', household: ' ' },
        { id: 'b', household: 'Flat 2' },
      ],
      [],
    );
    expect(alone.households.map((box) => box.label)).toEqual([null, 'Flat 2']);
    const [a, b] = alone.people;
    expect(a.x === b.x && a.y === b.y).toBe(false);
  });

  it('fits the demo family within the page at 1280 pixels', () => {
    expect(layout.width).toBeLessThanOrEqual(1100);
  });

  it('lays out nothing for an empty register', () => {
    expect(layoutGenogram([], [])).toEqual({ people: [], households: [], width: 0, height: 0 });
  });
});

describe('layoutGenogram, a parent with children by two partners', () => {
  const { nodeWidth, nodeHeight } = DEFAULT_GENOGRAM_OPTIONS;
  // The register lists the second couple's child first and the partners after the parent, so that nothing
  // lines up by chance.
  const people = [
    { id: 'b1', household: 'Household 1' },
    { id: 'a1', household: 'Household 1' },
    { id: 'parent', household: 'Household 1' },
    { id: 'a2', household: 'Household 1' },
    { id: 'partnerA', household: 'Household 1' },
    { id: 'partnerB', household: 'Partner B’s flat' },
    { id: 'b2', household: 'Household 1' },
  ];
  const twoPartners: GenogramTie[] = [
    partner('parent', 'partnerA'),
    partner('parent', 'partnerB'),
    parent('parent', 'b1'),
    parent('partnerB', 'b1'),
    parent('parent', 'b2'),
    parent('partnerB', 'b2'),
    parent('parent', 'a1'),
    parent('partnerA', 'a1'),
    parent('parent', 'a2'),
    parent('partnerA', 'a2'),
  ];
  const layout = layoutGenogram(people, twoPartners);
  const centre = (id: string) => placed(layout, id).x + nodeWidth / 2;

  it('sets the parent in the middle, a partner each side', () => {
    const row = rowOrder(layout, 0);
    expect(row).toHaveLength(3);
    expect(row[1]).toBe('parent');
    expect(new Set([row[0], row[2]])).toEqual(new Set(['partnerA', 'partnerB']));
  });

  it('puts each couple’s children under its own partnership line', () => {
    const children = rowOrder(layout, 1);
    const aSide = centre('partnerA') < centre('parent') ? 'left' : 'right';
    const [first, second] =
      aSide === 'left'
        ? [
            ['a1', 'a2'],
            ['b1', 'b2'],
          ]
        : [
            ['b1', 'b2'],
            ['a1', 'a2'],
          ];
    expect(new Set(children.slice(0, 2))).toEqual(new Set(first));
    expect(new Set(children.slice(2))).toEqual(new Set(second));
    // Each sibship is nearer the middle of its own parents' line than the other couple's.
    for (const [kids, own, other] of [
      [['a1', 'a2'], 'partnerA', 'partnerB'],
      [['b1', 'b2'], 'partnerB', 'partnerA'],
    ] as const) {
      const middle = kids.map(centre).reduce((a, b) => a + b, 0) / kids.length;
      const ownLine = (centre(own) + centre('parent')) / 2;
      const otherLine = (centre(other) + centre('parent')) / 2;
      expect(Math.abs(middle - ownLine)).toBeLessThan(Math.abs(middle - otherLine));
    }
  });

  it('overlaps nobody, and each household boundary contains its members', () => {
    for (const a of layout.people) {
      for (const b of layout.people) {
        if (a === b) continue;
        const apart =
          a.x + nodeWidth <= b.x ||
          b.x + nodeWidth <= a.x ||
          a.y + nodeHeight <= b.y ||
          b.y + nodeHeight <= a.y;
        expect(apart).toBe(true);
      }
    }
    for (const box of layout.households) {
      for (const id of box.memberIds) {
        const person = placed(layout, id);
        expect(person.x).toBeGreaterThanOrEqual(box.x);
        expect(person.x + nodeWidth).toBeLessThanOrEqual(box.x + box.width);
        expect(person.y).toBeGreaterThan(box.y);
        expect(person.y + nodeHeight).toBeLessThanOrEqual(box.y + box.height);
      }
    }
    expect(layout.households.find((box) => box.label === 'Partner B’s flat')?.memberIds).toEqual([
      'partnerB',
    ]);
  });
});
