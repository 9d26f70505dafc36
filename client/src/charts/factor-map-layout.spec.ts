import {
  connectedTo,
  countCrossings,
  LayeredEdge,
  LayeredLayoutOptions,
  LayeredNode,
  layoutLayeredGraph,
  PlacedNode,
} from './factor-map-layout';
import { wrapText } from './factor-map-text';

const options: LayeredLayoutOptions = {
  columnWidths: [200, 240, 220],
  width: 1000,
  top: 40,
  nodeGap: 10,
  groupGap: 20,
  groupHeadingHeight: 18,
  passageHeight: 6,
};

const node = (id: string, column: number, height = 50, group?: string): LayeredNode => ({
  id,
  column,
  height,
  group,
});

/** Boxes of one column, top to bottom. */
const columnOf = (nodes: PlacedNode[], column: number) =>
  nodes.filter((n) => n.column === column).sort((a, b) => a.y - b.y);

describe('layoutLayeredGraph', () => {
  it('places the columns left to right across the width, each box as wide as its column', () => {
    const layout = layoutLayeredGraph(
      [node('e1', 0), node('f1', 1), node('g1', 2)],
      [
        { source: 'e1', target: 'f1' },
        { source: 'f1', target: 'g1' },
      ],
      options,
    );
    expect(layout.columns).toEqual([
      { x: 0, width: 200 },
      { x: 370, width: 240 },
      { x: 780, width: 220 },
    ]);
    const byId = Object.fromEntries(layout.nodes.map((n) => [n.id, n]));
    expect(byId.e1).toMatchObject({ x: 0, width: 200 });
    expect(byId.f1).toMatchObject({ x: 370, width: 240 });
    expect(byId.g1).toMatchObject({ x: 780, width: 220 });
    expect(byId.g1.x + byId.g1.width).toBe(1000);
  });

  it('orders a column so that links do not cross when they need not', () => {
    // Given in an order that crosses every link: e1–f2, e2–f1, and findings the other way round.
    const nodes = [
      node('e1', 0),
      node('e2', 0),
      node('f1', 1),
      node('f2', 1),
      node('g1', 2),
      node('g2', 2),
    ];
    const edges: LayeredEdge[] = [
      { source: 'e1', target: 'f2' },
      { source: 'e2', target: 'f1' },
      { source: 'f2', target: 'g2' },
      { source: 'f1', target: 'g1' },
    ];
    const layout = layoutLayeredGraph(nodes, edges, { ...options, fixedColumns: [0] });
    expect(layout.crossings).toBe(0);
    expect(columnOf(layout.nodes, 0).map((n) => n.id)).toEqual(['e1', 'e2']);
    expect(columnOf(layout.nodes, 1).map((n) => n.id)).toEqual(['f2', 'f1']);
    expect(columnOf(layout.nodes, 2).map((n) => n.id)).toEqual(['g2', 'g1']);
  });

  it('keeps the members of a group together, under their heading', () => {
    const nodes = [
      node('e1', 0),
      node('e2', 0),
      node('e3', 0),
      node('a1', 1, 40, 'A'),
      node('b1', 1, 40, 'B'),
      node('a2', 1, 40, 'A'),
    ];
    const edges: LayeredEdge[] = [
      { source: 'e1', target: 'a1' },
      { source: 'e2', target: 'b1' },
      { source: 'e3', target: 'a2' },
    ];
    const layout = layoutLayeredGraph(nodes, edges, { ...options, fixedColumns: [0] });
    const order = columnOf(layout.nodes, 1).map((n) => n.group);
    expect(order.indexOf('B') === 0 || order.indexOf('B') === 2).toBe(true);
    for (const group of layout.groups) {
      const members = layout.nodes.filter((n) => n.group === group.key);
      expect(Math.min(...members.map((m) => m.y))).toBe(group.y + options.groupHeadingHeight);
      expect(Math.max(...members.map((m) => m.y + m.height))).toBe(group.y + group.height);
    }
  });

  it('never lets boxes, group headings or the gaps kept for long links overlap', () => {
    const nodes: LayeredNode[] = [];
    const edges: LayeredEdge[] = [];
    for (let e = 0; e < 5; e += 1) nodes.push(node(`e${e}`, 0, 60 + e * 7));
    for (let f = 0; f < 14; f += 1) {
      nodes.push(node(`f${f}`, 1, 64, `level${f % 5}`));
      edges.push({ source: `e${(f * 3) % 5}`, target: `f${f}` });
    }
    for (let g = 0; g < 4; g += 1) {
      nodes.push(node(`g${g}`, 2, 90));
      edges.push(
        { source: `f${g * 3}`, target: `g${g}` },
        { source: `f${13 - g}`, target: `g${g}` },
      );
      edges.push({ source: `e${g}`, target: `g${g}` });
    }
    const layout = layoutLayeredGraph(nodes, edges, options);

    expect(layout.nodes).toHaveLength(nodes.length);
    for (let column = 0; column < 3; column += 1) {
      const boxes = [
        ...columnOf(layout.nodes, column).map((n) => ({ top: n.y, bottom: n.y + n.height })),
        ...layout.groups
          .filter((g) => g.column === column)
          .map((g) => ({ top: g.y, bottom: g.y + options.groupHeadingHeight })),
      ].sort((a, b) => a.top - b.top);
      for (let i = 1; i < boxes.length; i += 1) {
        expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
      }
      for (const box of boxes) {
        expect(box.top).toBeGreaterThanOrEqual(options.top);
        expect(box.bottom).toBeLessThanOrEqual(layout.height);
      }
    }
    // The three links from an episode straight to a finding pass the middle column between boxes.
    const middle = columnOf(layout.nodes, 1);
    for (const edge of layout.edges.filter(
      (e) => e.source.startsWith('e') && e.target.startsWith('g'),
    )) {
      const through = Number(/L[\d.]+,([\d.]+)/.exec(edge.path)![1]);
      for (const box of middle) {
        expect(through < box.y || through > box.y + box.height).toBe(true);
      }
    }
  });

  it('draws each link as horizontal curves from the right edge of one box to the left edge of the next', () => {
    const layout = layoutLayeredGraph(
      [node('e1', 0), node('f1', 1), node('g1', 2)],
      [
        { source: 'e1', target: 'f1' },
        { source: 'e1', target: 'g1' },
      ],
      options,
    );
    const direct = layout.edges.find((e) => e.id === 'e1->f1')!;
    expect(direct.path).toMatch(/^M200,[\d.]+C[\d.,]+,370,[\d.]+$/);
    const long = layout.edges.find((e) => e.id === 'e1->g1')!;
    expect(long.path).toMatch(/^M200,[\d.]+C.+,370,[\d.]+L610,[\d.]+M610,[\d.]+C.+,780,[\d.]+$/);
  });

  it('reduces crossings against the order given', () => {
    const nodes = ['a', 'b', 'c', 'd'].flatMap((k) => [node(`l${k}`, 0), node(`r${k}`, 1)]);
    const edges: LayeredEdge[] = [
      { source: 'la', target: 'rd' },
      { source: 'lb', target: 'rc' },
      { source: 'lc', target: 'rb' },
      { source: 'ld', target: 'ra' },
    ];
    expect(
      countCrossings(
        edges.map((e) => ({ from: e.source, to: e.target })),
        ['la', 'lb', 'lc', 'ld'],
        ['ra', 'rb', 'rc', 'rd'],
      ),
    ).toBe(6);
    const layout = layoutLayeredGraph(nodes, edges, { ...options, columnWidths: [200, 200] });
    expect(layout.crossings).toBe(0);
  });
});

describe('layoutLayeredGraph with a set order of groups', () => {
  it('keeps the groups in that order even where another order would cross less', () => {
    const nodes = [
      node('e1', 0),
      node('e2', 0),
      node('a1', 1, 40, 'A'),
      node('b1', 1, 40, 'B'),
      node('g1', 2),
    ];
    const edges: LayeredEdge[] = [
      { source: 'e1', target: 'b1' },
      { source: 'e2', target: 'a1' },
      { source: 'e1', target: 'g1' },
    ];
    const free = layoutLayeredGraph(nodes, edges, { ...options, fixedColumns: [0] });
    expect(columnOf(free.nodes, 1).map((n) => n.id)).toEqual(['b1', 'a1']);
    const set = layoutLayeredGraph(nodes, edges, {
      ...options,
      fixedColumns: [0],
      groupOrder: ['A', 'B'],
    });
    expect(columnOf(set.nodes, 1).map((n) => n.id)).toEqual(['a1', 'b1']);
    expect(set.groups.map((g) => g.key)).toEqual(['A', 'B']);
  });
});

describe('connectedTo', () => {
  const edges: LayeredEdge[] = [
    { source: 'e1', target: 'f1' },
    { source: 'e1', target: 'f2' },
    { source: 'e2', target: 'f3' },
    { source: 'f1', target: 'g1' },
    { source: 'f2', target: 'g2' },
    { source: 'e2', target: 'g1' },
  ];

  it('follows a factor back to its episode and on to the findings it supports, not to its siblings', () => {
    const { nodes, edges: found } = connectedTo(edges, 'f1');
    expect([...nodes].sort()).toEqual(['e1', 'f1', 'g1']);
    expect([...found].sort()).toEqual(['e1->f1', 'f1->g1']);
  });

  it('follows a finding back to all its evidence', () => {
    expect([...connectedTo(edges, 'g1').nodes].sort()).toEqual(['e1', 'e2', 'f1', 'g1']);
  });
});

describe('wrapText', () => {
  it('breaks at word boundaries within the width', () => {
    expect(wrapText('Front-door decisions about babies made without', 20, 3)).toEqual([
      'Front-door decisions',
      'about babies made',
      'without',
    ]);
  });

  it('ends with an ellipsis when the text is longer than the lines allow', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 10, 2);
    expect(lines).toEqual(['one two', 'three…']);
    expect(lines.every((line) => line.length <= 10)).toBe(true);
  });
});
