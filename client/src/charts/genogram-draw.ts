import { Selection } from 'd3-selection';
import {
  GenogramLayout,
  GenogramLayoutOptions,
  GenogramTie,
  PlacedPerson,
} from './genogram-layout';

/** A small badge on a person: one agency (or any other source) that has been in touch with them. */
export interface GenogramMarker {
  key: string;
  initials: string;
  name: string;
  colour: string;
  ink: string;
}

export interface GenogramPerson {
  id: string;
  pseudonym: string;
  relationship: string | null;
  household: string | null;
  /** The markers shown on them, each with a word on how much: "12 events". */
  markings: { key: string; detail: string }[];
  /** Who they are and who saw them, in words: said on focus and shown on hover. */
  description: string;
}

export const MARKERS_PER_ROW = 4;
export const MARKER_ROW = 21;
export const MARKERS_TOP = 64;
const MARKER_HEIGHT = 17;
const INSET = 10;
const SIBLING_DROP = 7;

export type Group = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Splits words into at most `lines` lines that fit `width`, the last cut short with an ellipsis (the whole
 * text is in the person's label and tooltip). Returns how many lines it took.
 */
function wrap(
  text: Selection<SVGTextElement, unknown, null, undefined>,
  words: string,
  width: number,
  lines: number,
  lineHeight: number,
) {
  const node = text.node();
  const fits = (candidate: string, tspan: SVGTSpanElement) => {
    tspan.textContent = candidate;
    return typeof tspan.getComputedTextLength === 'function' && tspan.getComputedTextLength() > 0
      ? tspan.getComputedTextLength() <= width
      : candidate.length * 6.4 <= width;
  };
  const x = text.attr('x');
  const remaining = words.split(/\s+/).filter(Boolean);
  let line = 0;
  for (; line < lines && remaining.length > 0 && node; line += 1) {
    const tspan = text
      .append('tspan')
      .attr('x', x)
      .attr('dy', line === 0 ? 0 : lineHeight)
      .node()!;
    let current = remaining.shift()!;
    while (remaining.length > 0 && fits(`${current} ${remaining[0]}`, tspan)) {
      current = `${current} ${remaining.shift()}`;
    }
    if (line === lines - 1 && remaining.length > 0) {
      while (current.length > 1 && !fits(`${current}…`, tspan))
        current = current.slice(0, -1).trimEnd();
      current = `${current}…`;
    } else if (!fits(current, tspan)) {
      while (current.length > 1 && !fits(`${current}…`, tspan)) current = current.slice(0, -1);
      current = `${current}…`;
    }
    tspan.textContent = current;
  }
  return line;
}

export function drawHouseholds(
  root: Group,
  layout: GenogramLayout,
  options: GenogramLayoutOptions,
) {
  for (const household of layout.households) {
    if (household.label === null) continue;
    const group = root.append('g').attr('class', 'genogram__household');
    group.append('title').text(household.label);
    group
      .append('rect')
      .attr('x', household.x)
      .attr('y', household.y)
      .attr('width', household.width)
      .attr('height', household.height)
      .attr('rx', 12);
    const label = group
      .append('text')
      .attr('class', 'genogram__household-label')
      .attr('x', household.x + options.householdPadding)
      .attr('y', household.y + 15);
    wrap(label, household.label, household.width - 2 * options.householdPadding, 2, 14);
  }
}

export function drawTies(
  root: Group,
  layout: GenogramLayout,
  ties: GenogramTie[],
  options: GenogramLayoutOptions,
) {
  const { nodeWidth, nodeHeight, householdPadding: pad, householdLabelHeight } = options;
  const at = new Map(layout.people.map((person) => [person.id, person]));
  const centre = (person: PlacedPerson) => person.x + nodeWidth / 2;
  const known = ties.filter(
    (tie) => at.has(tie.fromId) && at.has(tie.toId) && tie.fromId !== tie.toId,
  );
  const lines = root.append('g').attr('class', 'genogram__ties').attr('aria-hidden', 'true');

  // Children who share the same parents hang from one bar, as a genogram draws a sibship.
  const parentsOf = new Map<string, string[]>();
  for (const tie of known.filter((t) => t.kind === 'PARENT_OF')) {
    parentsOf.set(tie.toId, [...(parentsOf.get(tie.toId) ?? []), tie.fromId].sort());
  }
  const families = new Map<string, { parents: string[]; children: string[] }>();
  for (const [child, parents] of parentsOf) {
    const key = `${parents.join('+')}@${at.get(child)!.generation}`;
    const family = families.get(key) ?? { parents, children: [] };
    family.children.push(child);
    families.set(key, family);
  }
  const perRow = new Map<number, number>();
  for (const family of families.values()) {
    const childTop = Math.min(...family.children.map((id) => at.get(id)!.y));
    const row = at.get(family.children[0])!.generation;
    const index = perRow.get(row) ?? 0;
    perRow.set(row, index + 1);
    const bar = childTop - householdLabelHeight - pad - 14 - index * 7;
    const xs = [...family.parents, ...family.children].map((id) => centre(at.get(id)!));
    const path = [
      ...family.parents.map((id) => `M${centre(at.get(id)!)},${at.get(id)!.y + nodeHeight}V${bar}`),
      `M${Math.min(...xs)},${bar}H${Math.max(...xs)}`,
      ...family.children.map((id) => `M${centre(at.get(id)!)},${bar}V${at.get(id)!.y}`),
    ].join('');
    lines.append('path').attr('class', 'genogram__parent').attr('d', path);
  }

  for (const tie of known.filter((t) => t.kind === 'PARTNER_OF')) {
    const [left, right] = [at.get(tie.fromId)!, at.get(tie.toId)!].sort((a, b) => a.x - b.x);
    const y = (person: PlacedPerson) => person.y + 30;
    lines
      .append('path')
      .attr('class', 'genogram__partner')
      .attr('d', `M${left.x + nodeWidth},${y(left)}L${right.x},${y(right)}`);
  }

  for (const group of siblingGroups(known)) {
    const members = group.map((id) => at.get(id)!).sort((a, b) => a.x - b.x);
    const bottom = Math.max(...members.map((member) => member.y + nodeHeight)) + SIBLING_DROP;
    const path = [
      `M${centre(members[0])},${bottom}H${centre(members[members.length - 1])}`,
      ...members.map((member) => `M${centre(member)},${member.y + nodeHeight}V${bottom}`),
    ].join('');
    lines.append('path').attr('class', 'genogram__sibling').attr('d', path);
    lines
      .append('text')
      .attr('class', 'genogram__tie-label')
      .attr('x', (centre(members[0]) + centre(members[members.length - 1])) / 2)
      .attr('y', bottom + 3.5)
      .attr('text-anchor', 'middle')
      .text('siblings');
  }

  for (const tie of known.filter((t) => t.kind === 'LIVES_WITH')) {
    lines
      .append('path')
      .attr('class', 'genogram__lives-with')
      .attr('d', livesWithPath(at.get(tie.fromId)!, at.get(tie.toId)!, options));
  }
}

/** Siblings connected through SIBLING_OF on one row, each group bracketed once. */
function siblingGroups(ties: GenogramTie[]): string[][] {
  const groupOf = new Map<string, Set<string>>();
  for (const tie of ties.filter((t) => t.kind === 'SIBLING_OF')) {
    const a = groupOf.get(tie.fromId) ?? new Set([tie.fromId]);
    const b = groupOf.get(tie.toId) ?? new Set([tie.toId]);
    const merged = a === b ? a : new Set([...a, ...b]);
    for (const id of merged) groupOf.set(id, merged);
  }
  return [...new Set(groupOf.values())].map((group) => [...group]);
}

/**
 * Living together: a dashed curve that leaves the upper person's side and reaches the lower person's top off
 * centre, clear of the line from parent to child.
 */
function livesWithPath(a: PlacedPerson, b: PlacedPerson, options: GenogramLayoutOptions): string {
  const { nodeWidth, nodeHeight } = options;
  // On one row the arch goes underneath: the household label is above, and the line to any children
  // leaves from the middle, not the quarters.
  if (a.y === b.y) {
    const [left, right] = [a, b].sort((p, q) => p.x - q.x);
    const from = left.x + nodeWidth * 0.75;
    const to = right.x + nodeWidth * 0.25;
    const bottom = left.y + nodeHeight;
    return `M${from},${bottom}C${from},${bottom + 26} ${to},${bottom + 26} ${to},${bottom}`;
  }
  const [upper, lower] = [a, b].sort((p, q) => p.y - q.y);
  if (upper.x === lower.x) {
    const x = upper.x + nodeWidth * 0.75;
    return `M${x},${upper.y + nodeHeight}V${lower.y}`;
  }
  const towardsRight = lower.x > upper.x;
  const sideX = towardsRight ? upper.x + nodeWidth : upper.x;
  const sideY = upper.y + nodeHeight * 0.7;
  const endX = lower.x + nodeWidth * (towardsRight ? 0.25 : 0.75);
  return `M${sideX},${sideY}C${endX},${sideY} ${endX},${lower.y - 40} ${endX},${lower.y}`;
}

export function drawPeople(
  root: Group,
  layout: GenogramLayout,
  byId: Map<string, GenogramPerson>,
  markers: GenogramMarker[],
  options: GenogramLayoutOptions,
  tip: { show: (element: SVGGElement, id: string) => void; hide: () => void },
) {
  const { nodeWidth, nodeHeight } = options;
  const slotWidth = (nodeWidth - 2 * INSET) / MARKERS_PER_ROW;
  const reading = [...layout.people].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const placed of reading) {
    const person = byId.get(placed.id);
    if (!person) continue;
    const label = [
      person.pseudonym,
      person.relationship,
      person.household ? `Household: ${person.household}` : null,
      person.description,
    ]
      .filter(Boolean)
      .join('. ');
    const node = root
      .append('g')
      .attr('class', 'genogram__person')
      .attr('transform', `translate(${placed.x},${placed.y})`)
      .attr('tabindex', 0)
      .attr('role', 'img')
      .attr('aria-label', label)
      .attr('data-person-id', person.id)
      .on('focus mouseenter', function () {
        tip.show(this as SVGGElement, person.id);
      })
      .on('blur mouseleave', () => tip.hide());
    node.append('rect').attr('width', nodeWidth).attr('height', nodeHeight).attr('rx', 10);
    const pseudonym = node
      .append('text')
      .attr('class', 'genogram__pseudonym')
      .attr('x', INSET)
      .attr('y', 22);
    // A long pseudonym may take a second line, which the relationship then gives up.
    const pseudonymLines = wrap(pseudonym, person.pseudonym, nodeWidth - 2 * INSET, 2, 16);
    if (person.relationship) {
      const relationship = node
        .append('text')
        .attr('class', 'genogram__relationship')
        .attr('x', INSET)
        .attr('y', 40 + (pseudonymLines - 1) * 16);
      wrap(relationship, person.relationship, nodeWidth - 2 * INSET, 3 - pseudonymLines, 14);
    }
    const shown = markers.filter((marker) =>
      person.markings.some((marking) => marking.key === marker.key),
    );
    shown.forEach((marker, slot) => {
      const x = INSET + (slot % MARKERS_PER_ROW) * slotWidth;
      const y = MARKERS_TOP + Math.floor(slot / MARKERS_PER_ROW) * MARKER_ROW;
      const badge = node.append('g').attr('class', 'genogram__marker');
      badge
        .append('rect')
        .attr('x', x)
        .attr('y', y)
        .attr('width', slotWidth - 3)
        .attr('height', MARKER_HEIGHT)
        .attr('rx', 4)
        .attr('fill', marker.colour);
      badge
        .append('text')
        .attr('x', x + (slotWidth - 3) / 2)
        .attr('y', y + 12.5)
        .attr('text-anchor', 'middle')
        .attr('fill', marker.ink)
        .text(marker.initials);
    });
  }
}
