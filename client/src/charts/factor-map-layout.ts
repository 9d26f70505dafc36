import { linkHorizontal } from 'd3-shape';

/** A box of the map: it sits in one column and may belong to a group kept together under a heading. */
export interface LayeredNode {
  id: string;
  column: number;
  height: number;
  group?: string;
}

/** A link from a node to one in a column further right; links across columns pass through gaps kept for them. */
export interface LayeredEdge {
  source: string;
  target: string;
}

export interface LayeredLayoutOptions {
  /** Width of the nodes of each column, left to right; the columns spread over `width`. */
  columnWidths: number[];
  width: number;
  /** Space above the first row, for the column headings. */
  top: number;
  nodeGap: number;
  /** Space between a group and what is above it, the group's heading included. */
  groupGap: number;
  groupHeadingHeight: number;
  /** Height of the gap a link keeps in a column it crosses. */
  passageHeight: number;
  /** Columns whose order is meaningful in itself and is kept as given. */
  fixedColumns?: number[];
  /** Groups kept in this order, top to bottom; other entries still move between them. */
  groupOrder?: string[];
  sweeps?: number;
}

export interface PlacedNode extends LayeredNode {
  x: number;
  y: number;
  width: number;
}

export interface PlacedGroup {
  key: string;
  column: number;
  x: number;
  /** Top of the heading. */
  y: number;
  width: number;
  /** From the heading's top to the last member's bottom. */
  height: number;
}

export interface PlacedEdge extends LayeredEdge {
  id: string;
  /** SVG path: horizontal links between columns, straight through the columns it crosses. */
  path: string;
}

export interface LayeredLayout {
  columns: { x: number; width: number }[];
  nodes: PlacedNode[];
  groups: PlacedGroup[];
  edges: PlacedEdge[];
  width: number;
  height: number;
  /** Crossings of links between neighbouring columns in the chosen order. */
  crossings: number;
}

/** One entry of a column: a node, or the passage of a link crossing it. */
interface Item {
  id: string;
  column: number;
  height: number;
  group?: string;
}
/** What moves as one when ordering: a group of nodes, or a single node or passage. */
interface Block {
  key: string;
  group?: string;
  items: Item[];
}
interface Segment {
  edge: string;
  from: string;
  to: string;
  column: number;
}

export const edgeId = (edge: LayeredEdge) => `${edge.source}->${edge.target}`;
const passageId = (edge: LayeredEdge, column: number) => `${edgeId(edge)}@${column}`;

/** The ids of the column entries a link passes through, source first, target last. */
function chainOf(edge: LayeredEdge, byId: Map<string, LayeredNode>): string[] {
  const from = byId.get(edge.source)!.column;
  const to = byId.get(edge.target)!.column;
  const chain = [edge.source];
  for (let column = from + 1; column < to; column += 1) chain.push(passageId(edge, column));
  chain.push(edge.target);
  return chain;
}

/** Number of pairs of segments between two neighbouring columns that cross. */
export function countCrossings(
  segments: { from: string; to: string }[],
  leftOrder: string[],
  rightOrder: string[],
): number {
  const left = new Map(leftOrder.map((id, index) => [id, index]));
  const right = new Map(rightOrder.map((id, index) => [id, index]));
  let crossings = 0;
  for (let i = 0; i < segments.length; i += 1) {
    for (let j = i + 1; j < segments.length; j += 1) {
      const a = segments[i];
      const b = segments[j];
      const dl = left.get(a.from)! - left.get(b.from)!;
      const dr = right.get(a.to)! - right.get(b.to)!;
      if (dl * dr < 0) crossings += 1;
    }
  }
  return crossings;
}

const flatten = (blocks: Block[]) => blocks.flatMap((block) => block.items);
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Lays out a graph whose nodes sit in columns, left to right: orders each column to reduce
 * crossings (barycentre sweeps, keeping groups together), stacks the nodes, then moves them
 * towards the nodes they link to without overlapping. Pure: the same input gives the same layout.
 */
export function layoutLayeredGraph(
  nodes: LayeredNode[],
  edges: LayeredEdge[],
  options: LayeredLayoutOptions,
): LayeredLayout {
  const columnCount = options.columnWidths.length;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const usable = edges.filter((edge) => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    return source && target && source.column < target.column;
  });

  // Columns of blocks, in the order given; a link crossing a column keeps a passage there.
  const columns: Block[][] = Array.from({ length: columnCount }, () => []);
  for (const node of nodes) {
    const blocks = columns[node.column];
    const item: Item = { id: node.id, column: node.column, height: node.height, group: node.group };
    const existing = node.group ? blocks.find((block) => block.group === node.group) : undefined;
    if (existing) existing.items.push(item);
    else
      blocks.push({
        key: node.group ? `group:${node.group}` : node.id,
        group: node.group,
        items: [item],
      });
  }
  const segments: Segment[] = [];
  for (const edge of usable) {
    const chain = chainOf(edge, byId);
    chain.slice(1, -1).forEach((id, index) => {
      const column = byId.get(edge.source)!.column + 1 + index;
      columns[column].push({ key: id, items: [{ id, column, height: options.passageHeight }] });
    });
    for (let i = 0; i + 1 < chain.length; i += 1) {
      const column = byId.get(edge.source)!.column + i;
      segments.push({ edge: edgeId(edge), from: chain[i], to: chain[i + 1], column });
    }
  }

  const ids = (column: number) => flatten(columns[column]).map((item) => item.id);
  const totalCrossings = () => {
    let total = 0;
    for (let c = 0; c + 1 < columnCount; c += 1) {
      total += countCrossings(
        segments.filter((s) => s.column === c),
        ids(c),
        ids(c + 1),
      );
    }
    return total;
  };
  const fixed = new Set(options.fixedColumns ?? []);

  /** Reorders a column by the mean position of each entry's neighbours in the reference column. */
  const reorder = (column: number, reference: number) => {
    if (fixed.has(column)) return;
    const referenceIds = ids(reference);
    const position = new Map(referenceIds.map((id, i) => [id, (i + 0.5) / referenceIds.length]));
    const own = ids(column);
    const current = new Map(own.map((id, i) => [id, (i + 0.5) / own.length]));
    const neighbours = (id: string) =>
      segments
        .filter((s) =>
          reference < column
            ? s.to === id && s.column === reference
            : s.from === id && s.column === column,
        )
        .map((s) => position.get(reference < column ? s.from : s.to)!);
    const barycentre = new Map(
      own.map((id) => {
        const found = neighbours(id);
        return [id, found.length ? mean(found) : current.get(id)!];
      }),
    );
    const byBarycentre = <T>(list: T[], key: (value: T) => number) =>
      list
        .map((value, index) => ({ value, index, key: key(value) }))
        .sort((a, b) => a.key - b.key || a.index - b.index)
        .map((entry) => entry.value);
    for (const block of columns[column]) {
      block.items = byBarycentre(block.items, (item) => barycentre.get(item.id)!);
    }
    const sorted = byBarycentre(columns[column], (block) =>
      mean(block.items.map((item) => barycentre.get(item.id)!)),
    );
    columns[column] = keepGroupOrder(sorted);
  };
  const rank = new Map((options.groupOrder ?? []).map((group, i) => [group, i]));
  const ranked = (block: Block) => block.group !== undefined && rank.has(block.group);
  /** The groups' places in the sorted column, refilled with the groups in their set order. */
  const keepGroupOrder = (blocks: Block[]) => {
    const groupsInOrder = blocks
      .filter(ranked)
      .sort((a, b) => rank.get(a.group!)! - rank.get(b.group!)!);
    let next = 0;
    return blocks.map((block) => (ranked(block) ? groupsInOrder[next++] : block));
  };

  const snapshot = () =>
    columns.map((blocks) => blocks.map((b) => ({ ...b, items: [...b.items] })));
  let best = snapshot();
  let bestCrossings = totalCrossings();
  for (let sweep = 0; sweep < (options.sweeps ?? 8) && bestCrossings > 0; sweep += 1) {
    for (let c = 1; c < columnCount; c += 1) reorder(c, c - 1);
    for (let c = columnCount - 2; c >= 0; c -= 1) reorder(c, c + 1);
    const crossings = totalCrossings();
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = snapshot();
    }
  }
  columns.splice(0, columnCount, ...best);

  // Horizontal: the columns spread over the width with equal gaps between them.
  const spare = options.width - options.columnWidths.reduce((sum, w) => sum + w, 0);
  const gap = columnCount > 1 ? spare / (columnCount - 1) : 0;
  const columnBoxes = options.columnWidths.map((width, c) => ({
    x: options.columnWidths.slice(0, c).reduce((sum, w) => sum + w, 0) + gap * c,
    width,
  }));

  // Vertical: each block's height, then stacked; the tallest column sets the map's height.
  const blockHeight = (block: Block) =>
    (block.group ? options.groupHeadingHeight : 0) +
    block.items.reduce((sum, item) => sum + item.height, 0) +
    options.nodeGap * (block.items.length - 1);
  const blockSpacing = (block: Block) => (block.group ? options.groupGap : options.nodeGap);
  const columnHeight = (blocks: Block[]) =>
    blocks.reduce((sum, block, i) => sum + blockHeight(block) + (i ? blockSpacing(block) : 0), 0);
  const heights = columns.map(columnHeight);
  const tallest = heights.indexOf(Math.max(...heights));
  const bottom = options.top + heights[tallest];
  const blockTop: Map<Block, number>[] = columns.map((blocks) => {
    const tops = new Map<Block, number>();
    let y = options.top;
    blocks.forEach((block, i) => {
      if (i) y += blockSpacing(block);
      tops.set(block, y);
      y += blockHeight(block);
    });
    return tops;
  });
  const itemCentre = new Map<string, number>();
  const placeItems = (column: number) => {
    for (const block of columns[column]) {
      let y = blockTop[column].get(block)! + (block.group ? options.groupHeadingHeight : 0);
      for (const item of block.items) {
        itemCentre.set(item.id, y + item.height / 2);
        y += item.height + options.nodeGap;
      }
    }
  };
  columns.forEach((_, c) => placeItems(c));

  // Move the shorter columns' blocks towards what they link to, keeping order and gaps.
  const linked = (id: string) =>
    segments.flatMap((s) => (s.from === id ? [s.to] : s.to === id ? [s.from] : []));
  for (let round = 0; round < 4; round += 1) {
    for (let c = 0; c < columnCount; c += 1) {
      if (c === tallest) continue;
      const blocks = columns[c];
      const wanted = blocks.map((block) => {
        const top = blockTop[c].get(block)!;
        const targets = block.items
          .flatMap((item) => linked(item.id))
          .map((id) => itemCentre.get(id)!);
        if (!targets.length) return top;
        const ownCentres = block.items.map((item) => itemCentre.get(item.id)! - top);
        return mean(targets) - mean(ownCentres);
      });
      const tops = wanted.map((y) => Math.max(options.top, y));
      for (let i = 1; i < blocks.length; i += 1) {
        const previousEnd = tops[i - 1] + blockHeight(blocks[i - 1]) + blockSpacing(blocks[i]);
        tops[i] = Math.max(tops[i], previousEnd);
      }
      for (let i = blocks.length - 1; i >= 0; i -= 1) {
        const limit = i === blocks.length - 1 ? bottom : tops[i + 1] - blockSpacing(blocks[i + 1]);
        tops[i] = Math.max(options.top, Math.min(tops[i], limit - blockHeight(blocks[i])));
      }
      blocks.forEach((block, i) => blockTop[c].set(block, tops[i]));
      placeItems(c);
    }
  }

  const placed: PlacedNode[] = [];
  const groups: PlacedGroup[] = [];
  columns.forEach((blocks, c) =>
    blocks.forEach((block) => {
      const top = blockTop[c].get(block)!;
      if (block.group) {
        groups.push({
          key: block.group,
          column: c,
          x: columnBoxes[c].x,
          y: top,
          width: columnBoxes[c].width,
          height: blockHeight(block),
        });
      }
      for (const item of block.items) {
        const node = byId.get(item.id);
        if (!node) continue;
        placed.push({
          ...node,
          x: columnBoxes[c].x,
          y: itemCentre.get(item.id)! - item.height / 2,
          width: columnBoxes[c].width,
        });
      }
    }),
  );

  return {
    columns: columnBoxes,
    nodes: placed,
    groups,
    edges: routeEdges(usable, segments, byId, columnBoxes, itemCentre, options),
    width: options.width,
    height: bottom,
    crossings: bestCrossings,
  };
}

const link = linkHorizontal<
  { source: [number, number]; target: [number, number] },
  [number, number]
>();

/**
 * Where each link leaves and enters its boxes: the links on one side of a box are spread over
 * its middle, in the order of the other ends, so that they fan out rather than meet in a point.
 */
function routeEdges(
  edges: LayeredEdge[],
  segments: Segment[],
  byId: Map<string, LayeredNode>,
  columns: { x: number; width: number }[],
  centre: Map<string, number>,
  options: LayeredLayoutOptions,
): PlacedEdge[] {
  const heightOf = (id: string) => byId.get(id)?.height ?? options.passageHeight;
  const port = new Map<string, number>();
  const spread = (id: string, side: 'in' | 'out') => {
    const attached = segments
      .filter((s) => (side === 'out' ? s.from === id : s.to === id))
      .sort((a, b) => {
        const other = (s: Segment) => centre.get(side === 'out' ? s.to : s.from)!;
        return other(a) - other(b) || a.edge.localeCompare(b.edge);
      });
    const span = byId.has(id) ? heightOf(id) * 0.6 : 0;
    attached.forEach((s, i) => {
      const offset = attached.length > 1 ? (i / (attached.length - 1) - 0.5) * span : 0;
      port.set(`${s.edge}|${side}|${id}`, centre.get(id)! + offset);
    });
  };
  for (const id of new Set(segments.flatMap((s) => [s.from, s.to]))) {
    spread(id, 'out');
    spread(id, 'in');
  }

  return edges.map((edge) => {
    const id = edgeId(edge);
    const parts = segments
      .filter((s) => s.edge === id)
      .map((s) => {
        const from = columns[s.column];
        const to = columns[s.column + 1];
        const start: [number, number] = [from.x + from.width, port.get(`${id}|out|${s.from}`)!];
        const end: [number, number] = [to.x, port.get(`${id}|in|${s.to}`)!];
        const curve = link({ source: start, target: end })!;
        // Through a column the link is crossing, a straight run to the column's far side.
        const through = byId.has(s.to) ? '' : `L${to.x + to.width},${end[1]}`;
        return curve + through;
      });
    return { ...edge, id, path: parts.join('') };
  });
}

/** Everything on a path through a node: what it rests on, what rests on it, and the links between. */
export function connectedTo(
  edges: LayeredEdge[],
  id: string,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([id]);
  const found = new Set<string>();
  const walk = (from: string, forward: boolean) => {
    for (const edge of edges) {
      const [near, far] = forward ? [edge.source, edge.target] : [edge.target, edge.source];
      if (near !== from || found.has(edgeId(edge))) continue;
      found.add(edgeId(edge));
      nodes.add(far);
      walk(far, forward);
    }
  };
  walk(id, true);
  walk(id, false);
  return { nodes, edges: found };
}
