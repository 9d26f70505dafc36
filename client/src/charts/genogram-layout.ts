/**
 * Where each person of a family network sits: generations in rows (parents above children, partners and
 * siblings on one row), households as boxes around their members, and the order along each row chosen so that
 * partners sit side by side and parents stay near their children. Pure, so it can be tested without a browser.
 */

export type GenogramTieKind = 'PARENT_OF' | 'PARTNER_OF' | 'SIBLING_OF' | 'LIVES_WITH';

export interface GenogramPersonInput {
  id: string;
  household?: string | null;
}

/** "from" is PARENT_OF "to"; the other kinds read both ways. */
export interface GenogramTie {
  fromId: string;
  toId: string;
  kind: GenogramTieKind;
  /** For partners: no longer together. */
  separated?: boolean;
}

export interface GenogramLayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Between two people of one household on a row. */
  columnGap: number;
  /** Between two rows of people: room for the household labels and the lines from parents to children. */
  rowGap: number;
  /** Between two household boxes side by side. */
  householdGap: number;
  householdPadding: number;
  householdLabelHeight: number;
  /** Extra room at the foot of a household box, for the bracket that joins siblings. */
  householdFooter: number;
}

export interface PlacedPerson {
  id: string;
  generation: number;
  /** Top-left corner. */
  x: number;
  y: number;
  householdKey: string;
}

export interface PlacedHousehold {
  key: string;
  /** The household as the register words it; null for someone with no household recorded (drawn unboxed). */
  label: string | null;
  memberIds: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GenogramLayout {
  people: PlacedPerson[];
  households: PlacedHousehold[];
  width: number;
  height: number;
}

export const DEFAULT_GENOGRAM_OPTIONS: GenogramLayoutOptions = {
  nodeWidth: 176,
  nodeHeight: 80,
  columnGap: 18,
  rowGap: 104,
  householdGap: 22,
  householdPadding: 14,
  householdLabelHeight: 34,
  householdFooter: 16,
};

/** How much a long tie of each kind costs: partners most of all, so they end up side by side. */
const TIE_WEIGHT: Record<GenogramTieKind, number> = {
  PARTNER_OF: 6,
  PARENT_OF: 1,
  SIBLING_OF: 1,
  LIVES_WITH: 0.5,
};

/** Every ordering of the households is tried up to this many; past it, the register's order is refined. */
const EXHAUSTIVE_ORDER_LIMIT = 6;

/**
 * Generation of each person, 0 at the top: a child is at least one row below each parent; partners and
 * siblings share a row; someone with no parent recorded sits just above their own children rather than at
 * the top; someone who only lives with a family member shares their row. Rows nobody uses are closed up.
 * Contradictory ties (a loop of parents) cannot push anyone below the number of people, so it always ends.
 */
export function genogramGenerations(
  people: GenogramPersonInput[],
  ties: GenogramTie[],
): Map<string, number> {
  const known = new Set(people.map((person) => person.id));
  const valid = ties.filter((t) => known.has(t.fromId) && known.has(t.toId) && t.fromId !== t.toId);
  const parenthood = valid.filter((t) => t.kind === 'PARENT_OF');
  const sameRow = valid.filter((t) => t.kind === 'PARTNER_OF' || t.kind === 'SIBLING_OF');
  const hasParent = new Set(parenthood.map((t) => t.toId));
  const deepest = Math.max(people.length - 1, 0);
  const generation = new Map(people.map((person) => [person.id, 0]));
  const at = (id: string) => generation.get(id) ?? 0;
  const raise = (id: string, to: number) => {
    const bounded = Math.min(to, deepest);
    if (bounded <= at(id)) return false;
    generation.set(id, bounded);
    return true;
  };

  for (;;) {
    let changed = false;
    for (const tie of parenthood) changed = raise(tie.toId, at(tie.fromId) + 1) || changed;
    for (const tie of sameRow) {
      const row = Math.max(at(tie.fromId), at(tie.toId));
      changed = raise(tie.fromId, row) || changed;
      changed = raise(tie.toId, row) || changed;
    }
    if (changed) continue;
    for (const person of people) {
      if (hasParent.has(person.id)) continue;
      const children = parenthood.filter((t) => t.fromId === person.id).map((t) => at(t.toId));
      if (children.length > 0) changed = raise(person.id, Math.min(...children) - 1) || changed;
    }
    if (!changed) break;
  }

  // Someone tied to the family only by living with them (a lodger, a friend) sits on their row.
  const inFamily = new Set([...parenthood, ...sameRow].flatMap((t) => [t.fromId, t.toId]));
  for (const tie of valid.filter((t) => t.kind === 'LIVES_WITH')) {
    const [outsider, member] = inFamily.has(tie.fromId)
      ? [tie.toId, tie.fromId]
      : [tie.fromId, tie.toId];
    if (!inFamily.has(outsider) && inFamily.has(member)) generation.set(outsider, at(member));
  }

  const used = [...new Set(generation.values())].sort((a, b) => a - b);
  return new Map([...generation].map(([id, row]) => [id, used.indexOf(row)]));
}

interface HouseholdGroup {
  key: string;
  label: string | null;
  memberIds: string[];
  /** Members per row, in the order they stand. */
  rows: Map<number, string[]>;
  firstRow: number;
  lastRow: number;
  /** Slots wide: its fullest row. */
  width: number;
}

function householdGroups(
  people: GenogramPersonInput[],
  generation: Map<string, number>,
  ties: GenogramTie[],
): HouseholdGroup[] {
  const groups = new Map<string, HouseholdGroup>();
  for (const person of people) {
    const label = person.household?.trim() || null;
    const key = label === null ? `person:${person.id}` : `household:${label}`;
    const group: HouseholdGroup = groups.get(key) ?? {
      key,
      label,
      memberIds: [],
      rows: new Map(),
      firstRow: Infinity,
      lastRow: -Infinity,
      width: 0,
    };
    groups.set(key, group);
    const row = generation.get(person.id) ?? 0;
    group.memberIds.push(person.id);
    group.rows.set(row, [...(group.rows.get(row) ?? []), person.id]);
    group.firstRow = Math.min(group.firstRow, row);
    group.lastRow = Math.max(group.lastRow, row);
  }
  for (const group of groups.values()) {
    for (const [row, members] of group.rows) group.rows.set(row, partnersTogether(members, ties));
    group.width = Math.max(...[...group.rows.values()].map((members) => members.length));
  }
  return [...groups.values()];
}

/**
 * Register order, except that partners on the same row stand side by side: someone with two or more partners
 * stands in the middle, a partner each side, so that each couple's children can hang from their own line.
 */
function partnersTogether(members: string[], ties: GenogramTie[]): string[] {
  const partnersOf = (id: string) =>
    ties
      .filter((tie) => tie.kind === 'PARTNER_OF')
      .map((tie) => (tie.fromId === id ? tie.toId : tie.toId === id ? tie.fromId : null))
      .filter((other): other is string => !!other && other !== id && members.includes(other));
  const ordered: string[] = [];
  const visit = (id: string) => {
    if (ordered.includes(id)) return;
    const partners = [...new Set(partnersOf(id))].filter((other) => !ordered.includes(other));
    if (partners.length >= 2) {
      const left = partners.slice(0, Math.floor(partners.length / 2));
      const right = partners.slice(left.length);
      for (const other of left) if (!ordered.includes(other)) ordered.push(other);
      ordered.push(id);
      for (const other of right) visit(other);
      return;
    }
    ordered.push(id);
    partners.forEach(visit);
  };
  members.forEach(visit);
  return ordered;
}

/**
 * Children stand in the order of their parents: each sibship under its own parents, a parent's children by
 * one partner apart from those by another. Someone with no parent placed keeps their place.
 */
function orderByParents(
  groups: HouseholdGroup[],
  layout: GenogramLayout,
  ties: GenogramTie[],
): boolean {
  const x = new Map(layout.people.map((person) => [person.id, person.x]));
  let changed = false;
  for (const group of groups) {
    for (const [row, members] of group.rows) {
      // A row with a couple on it keeps the couple's order (one partner each side of a shared partner).
      const coupled = ties.some(
        (tie) =>
          tie.kind === 'PARTNER_OF' && members.includes(tie.fromId) && members.includes(tie.toId),
      );
      if (coupled) continue;
      const key = (id: string) => {
        const parents = ties
          .filter((tie) => tie.kind === 'PARENT_OF' && tie.toId === id && x.has(tie.fromId))
          .map((tie) => x.get(tie.fromId)!);
        return parents.length > 0
          ? parents.reduce((a, b) => a + b, 0) / parents.length
          : (x.get(id) ?? 0);
      };
      const sorted = members
        .map((id, index) => ({ id, index, at: key(id) }))
        .sort((a, b) => a.at - b.at || a.index - b.index)
        .map((entry) => entry.id);
      if (sorted.some((id, index) => id !== members[index])) {
        group.rows.set(row, sorted);
        changed = true;
      }
    }
  }
  return changed;
}

interface Arrangement {
  order: HouseholdGroup[];
  /** Per household, slots from the left of its column. */
  groupOffset: Map<string, number>;
  /** Per household and row, slots from the left of the household. */
  rowOffset: Map<string, number>;
}

interface Column {
  groups: HouseholdGroup[];
  width: number;
}

/** Households go left to right; one whose rows are all free of the column before it stacks into it. */
function columnsOf(order: HouseholdGroup[]): Column[] {
  const columns: Column[] = [];
  for (const group of order) {
    const last = columns[columns.length - 1];
    const fits =
      last &&
      last.groups.every(
        (other) => group.lastRow < other.firstRow || group.firstRow > other.lastRow,
      );
    if (fits) {
      last.groups.push(group);
      last.width = Math.max(last.width, group.width);
    } else columns.push({ groups: [group], width: group.width });
  }
  return columns;
}

function rowKey(group: HouseholdGroup, row: number) {
  return `${group.key}@${row}`;
}

function place(arrangement: Arrangement, options: GenogramLayoutOptions): GenogramLayout {
  const { nodeWidth, nodeHeight, columnGap, rowGap, householdGap, householdPadding: pad } = options;
  const slot = nodeWidth + columnGap;
  const rowTop = (row: number) => options.householdLabelHeight + pad + row * (nodeHeight + rowGap);
  const people: PlacedPerson[] = [];
  const households: PlacedHousehold[] = [];
  let left = 0;
  for (const column of columnsOf(arrangement.order)) {
    for (const group of column.groups) {
      const groupLeft = left + (arrangement.groupOffset.get(group.key) ?? 0) * slot;
      for (const [row, members] of group.rows) {
        const rowLeft = groupLeft + (arrangement.rowOffset.get(rowKey(group, row)) ?? 0) * slot;
        members.forEach((id, index) =>
          people.push({
            id,
            generation: row,
            x: rowLeft + pad + index * slot,
            y: rowTop(row),
            householdKey: group.key,
          }),
        );
      }
      households.push({
        key: group.key,
        label: group.label,
        memberIds: group.memberIds,
        x: groupLeft,
        y: rowTop(group.firstRow) - options.householdLabelHeight - pad,
        width: group.width * slot - columnGap + 2 * pad,
        height:
          (group.lastRow - group.firstRow) * (nodeHeight + rowGap) +
          nodeHeight +
          options.householdLabelHeight +
          options.householdFooter +
          2 * pad,
      });
    }
    left += column.width * slot - columnGap + 2 * pad + householdGap;
  }
  const bottom = Math.max(0, ...households.map((box) => box.y + box.height));
  return { people, households, width: Math.max(0, left - householdGap), height: bottom };
}

function cost(layout: GenogramLayout, ties: GenogramTie[]): number {
  const x = new Map(layout.people.map((person) => [person.id, person.x]));
  let total = layout.width / 4;
  const parents = new Map<string, number[]>();
  for (const tie of ties) {
    const from = x.get(tie.fromId);
    const to = x.get(tie.toId);
    if (from === undefined || to === undefined) continue;
    if (tie.kind === 'PARENT_OF') parents.set(tie.toId, [...(parents.get(tie.toId) ?? []), from]);
    else total += TIE_WEIGHT[tie.kind] * Math.abs(from - to);
  }
  // A child hangs from the middle of their parents' partnership line: the further off, the longer the bar.
  for (const [child, xs] of parents) {
    const middle = xs.reduce((a, b) => a + b, 0) / xs.length;
    total += TIE_WEIGHT.PARENT_OF * xs.length * 1.5 * Math.abs(x.get(child)! - middle);
  }
  return total;
}

/** Slides each household within its column and each row within its household, half a slot at a time. */
function settle(
  order: HouseholdGroup[],
  ties: GenogramTie[],
  options: GenogramLayoutOptions,
): { arrangement: Arrangement; cost: number } {
  const arrangement: Arrangement = { order, groupOffset: new Map(), rowOffset: new Map() };
  const choices: { map: Map<string, number>; key: string; room: number }[] = [];
  for (const column of columnsOf(order)) {
    for (const group of column.groups) {
      arrangement.groupOffset.set(group.key, (column.width - group.width) / 2);
      choices.push({
        map: arrangement.groupOffset,
        key: group.key,
        room: column.width - group.width,
      });
      for (const [row, members] of group.rows) {
        arrangement.rowOffset.set(rowKey(group, row), (group.width - members.length) / 2);
        choices.push({
          map: arrangement.rowOffset,
          key: rowKey(group, row),
          room: group.width - members.length,
        });
      }
    }
  }
  let best = cost(place(arrangement, options), ties);
  for (let pass = 0; pass < 3; pass += 1) {
    for (const choice of choices) {
      for (let offset = 0; offset <= choice.room; offset += 0.5) {
        const previous = choice.map.get(choice.key) ?? 0;
        choice.map.set(choice.key, offset);
        const tried = cost(place(arrangement, options), ties);
        if (tried < best - 1e-9) best = tried;
        else choice.map.set(choice.key, previous);
      }
    }
  }
  return { arrangement, cost: best };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

/** Where everyone and every household box goes. */
export function layoutGenogram(
  people: GenogramPersonInput[],
  ties: GenogramTie[],
  options: GenogramLayoutOptions = DEFAULT_GENOGRAM_OPTIONS,
): GenogramLayout {
  if (people.length === 0) return { people: [], households: [], width: 0, height: 0 };
  const generation = genogramGenerations(people, ties);
  const groups = householdGroups(people, generation, ties);
  const orders =
    groups.length <= EXHAUSTIVE_ORDER_LIMIT
      ? permutations(groups)
      : neighbourlyOrders(groups, ties);
  let best: { arrangement: Arrangement; cost: number } | null = null;
  for (const order of orders) {
    const tried = settle(order, ties, options);
    if (!best || tried.cost < best.cost - 1e-9) best = tried;
  }
  for (let pass = 0; pass < 3; pass += 1) {
    if (!orderByParents(groups, place(best!.arrangement, options), ties)) break;
    best = settle(best!.arrangement.order, ties, options);
  }
  return place(best!.arrangement, options);
}

/**
 * For many households: the register's order, then each household moved towards the average place of the
 * households it has ties with, a few times over.
 */
function neighbourlyOrders(groups: HouseholdGroup[], ties: GenogramTie[]): HouseholdGroup[][] {
  const groupOf = new Map(groups.flatMap((group) => group.memberIds.map((id) => [id, group.key])));
  const orders = [groups];
  let order = groups;
  for (let sweep = 0; sweep < 4; sweep += 1) {
    const place = new Map(order.map((group, index) => [group.key, index]));
    const centre = (group: HouseholdGroup) => {
      const linked = ties
        .map((tie) => [groupOf.get(tie.fromId), groupOf.get(tie.toId)])
        .filter(([from, to]) => from !== to && (from === group.key || to === group.key))
        .map(([from, to]) => place.get((from === group.key ? to : from) ?? '') ?? 0);
      const own = place.get(group.key) ?? 0;
      return linked.length ? linked.reduce((a, b) => a + b, own) / (linked.length + 1) : own;
    };
    order = [...order].sort((a, b) => centre(a) - centre(b));
    orders.push(order);
  }
  return orders;
}
