import { Selection } from 'd3-selection';
import {
  ContactKind,
  CONTACT_KINDS,
  contactText,
  currentStay,
  GenogramPerson,
  partialDate,
  sexWord,
  spanText,
} from './genogram-model';
import {
  GenogramLayout,
  GenogramLayoutOptions,
  GenogramTie,
  PlacedPerson,
} from './genogram-layout';

/** An agency that has been in touch with people: named in a person's tip with how much. */
export interface GenogramMarker {
  key: string;
  initials: string;
  name: string;
  colour: string;
  ink: string;
}

/** The symbol: a 40-pixel square, circle or diamond at the node's top left, the words to its right. */
export const SYMBOL = 40;
const SYMBOL_X = 4;
const SYMBOL_Y = 4;
/** The subject child's second outline, this far outside the symbol. */
const DOUBLE = 4;
const TEXT_X = SYMBOL_X + SYMBOL + 12;
const BADGE_WIDTH = 26;
const BADGE_HEIGHT = 16;
const BADGE_STEP = 28;
const SIBLING_DROP = 7;
/** Below a couple's nodes, where their partnership line runs; couples whose lines would meet step down. */
const PARTNER_DROP = 8;
const PARTNER_STEP = 8;

/** Centre of the symbol, along the row. */
export function symbolCentre(person: PlacedPerson) {
  return person.x + SYMBOL_X + SYMBOL / 2;
}

/** One piece of a contact badge's mark, centred on 0,0: shared by the drawing and the legend. */
export interface MarkShape {
  tag: 'circle' | 'path' | 'text';
  attrs: Record<string, string | number>;
  text?: string;
}

/** Seen: a filled dot; seen alone: a ring round a dot; spoken to: half a dot; only mentioned: an open dashed ring. */
export function contactMarkShapes(kind: ContactKind): MarkShape[] {
  switch (kind) {
    case 'seen':
      return [{ tag: 'circle', attrs: { r: 3.6, class: 'genogram__mark-fill' } }];
    case 'seenAlone':
      return [
        { tag: 'circle', attrs: { r: 4.2, class: 'genogram__mark-ring' } },
        { tag: 'circle', attrs: { r: 1.8, class: 'genogram__mark-fill' } },
      ];
    case 'spokenTo':
      return [
        { tag: 'circle', attrs: { r: 3.8, class: 'genogram__mark-ring' } },
        { tag: 'path', attrs: { d: 'M0,-3.8A3.8,3.8 0 0 0 0,3.8Z', class: 'genogram__mark-fill' } },
      ];
    case 'mentioned':
      return [
        { tag: 'circle', attrs: { r: 3.8, class: 'genogram__mark-ring genogram__mark-dashed' } },
      ];
  }
}

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
  datesOf: (household: string) => string,
) {
  for (const household of layout.households) {
    if (household.label === null) continue;
    const dates = datesOf(household.label);
    const group = root
      .append('g')
      .attr('class', 'genogram__household')
      .attr('data-household', household.label);
    group.append('title').text(dates ? `${household.label}, ${dates}` : household.label);
    group
      .append('rect')
      .attr('class', 'genogram__household-boundary')
      .attr('stroke-dasharray', '7 4')
      .attr('x', household.x)
      .attr('y', household.y)
      .attr('width', household.width)
      .attr('height', household.height)
      .attr('rx', 12);
    const width = household.width - 2 * options.householdPadding;
    const label = group
      .append('text')
      .attr('class', 'genogram__household-label')
      .attr('x', household.x + options.householdPadding)
      .attr('y', household.y + 15);
    wrap(label, household.label, width, dates ? 1 : 2, 14);
    if (dates) {
      const span = group
        .append('text')
        .attr('class', 'genogram__household-dates')
        .attr('x', household.x + options.householdPadding)
        .attr('y', household.y + 29);
      wrap(span, dates, width, 1, 14);
    }
  }
}

interface Couple {
  left: PlacedPerson;
  right: PlacedPerson;
  /** A partnership is in the register; otherwise they are only recorded as parents of the same child. */
  recorded: boolean;
  separated: boolean;
  y: number;
}

/**
 * Standard genogram lines: each couple joined by a line that drops from both symbols and runs beneath them
 * (one slash across it when separated), their children hanging from its middle by a vertical to a bar over
 * the sibship; siblings with no parent in common recorded bracketed; living together drawn only between
 * households (inside one, the household's boundary says it).
 */
export function drawTies(
  root: Group,
  layout: GenogramLayout,
  ties: GenogramTie[],
  options: GenogramLayoutOptions,
  subjects: Set<string>,
) {
  const { nodeHeight, householdPadding: pad, householdLabelHeight } = options;
  const at = new Map(layout.people.map((person) => [person.id, person]));
  const known = ties.filter(
    (tie) => at.has(tie.fromId) && at.has(tie.toId) && tie.fromId !== tie.toId,
  );
  const top = (person: PlacedPerson) =>
    person.y + SYMBOL_Y - (subjects.has(person.id) ? DOUBLE : 0);
  const bottom = (person: PlacedPerson) =>
    person.y + SYMBOL_Y + SYMBOL + (subjects.has(person.id) ? DOUBLE : 0);
  const lines = root.append('g').attr('class', 'genogram__ties').attr('aria-hidden', 'true');

  const parentsOf = new Map<string, string[]>();
  for (const tie of known.filter((t) => t.kind === 'PARENT_OF')) {
    parentsOf.set(tie.toId, [...(parentsOf.get(tie.toId) ?? []), tie.fromId].sort());
  }

  // Couples: the register's partnerships, and any two people recorded as parents of the same child.
  const couples = new Map<string, Couple>();
  const coupleKey = (a: string, b: string) => [a, b].sort().join('+');
  const addCouple = (a: string, b: string, recorded: boolean, separated: boolean) => {
    const key = coupleKey(a, b);
    const existing = couples.get(key);
    if (existing) {
      existing.recorded ||= recorded;
      existing.separated ||= separated;
      return;
    }
    const [left, right] = [at.get(a)!, at.get(b)!].sort((p, q) => p.x - q.x);
    couples.set(key, { left, right, recorded, separated, y: 0 });
  };
  for (const tie of known.filter((t) => t.kind === 'PARTNER_OF')) {
    addCouple(tie.fromId, tie.toId, true, !!tie.separated);
  }
  for (const parents of parentsOf.values()) {
    if (parents.length === 2) addCouple(parents[0], parents[1], false, false);
  }
  // Lines on one level must not run into each other: a couple whose line would overlap another steps down.
  const levels: { from: number; to: number; row: number }[][] = [];
  for (const couple of [...couples.values()].sort((a, b) => a.left.x - b.left.x)) {
    const from = symbolCentre(couple.left);
    const to = symbolCentre(couple.right);
    const row = Math.max(couple.left.y, couple.right.y);
    let level = 0;
    while (levels[level]?.some((line) => line.row === row && from < line.to && line.from < to)) {
      level += 1;
    }
    (levels[level] ??= []).push({ from, to, row });
    couple.y = row + nodeHeight + PARTNER_DROP + level * PARTNER_STEP;
  }
  for (const couple of couples.values()) {
    const [a, b] = [couple.left, couple.right];
    const classes = [
      'genogram__partnership',
      couple.recorded ? null : 'genogram__partnership--unrecorded',
      couple.separated ? 'genogram__partnership--separated' : null,
    ].filter(Boolean);
    lines
      .append('path')
      .attr('class', classes.join(' '))
      .attr('data-couple', `${a.id}+${b.id}`)
      .attr('d', `M${symbolCentre(a)},${bottom(a)}V${couple.y}H${symbolCentre(b)}V${bottom(b)}`);
    if (couple.separated) {
      // One slash across the line, left of the middle where the children's line leaves.
      const x = (symbolCentre(a) + symbolCentre(b)) / 2 - 16;
      lines
        .append('path')
        .attr('class', 'genogram__separation')
        .attr('data-couple', `${a.id}+${b.id}`)
        .attr('d', `M${x - 5},${couple.y + 8}L${x + 5},${couple.y - 8}`);
    }
  }

  // Each set of parents' children hang from one bar, reached from the middle of the parents' line.
  const families = new Map<string, { parents: string[]; children: string[] }>();
  for (const [child, parents] of parentsOf) {
    const key = `${parents.join('+')}@${at.get(child)!.generation}`;
    const family = families.get(key) ?? { parents, children: [] };
    family.children.push(child);
    families.set(key, family);
  }
  const perRow = new Map<number, number>();
  for (const family of families.values()) {
    const children = family.children.map((id) => at.get(id)!);
    const childTop = Math.min(...children.map((child) => child.y));
    const row = children[0].generation;
    const index = perRow.get(row) ?? 0;
    perRow.set(row, index + 1);
    const bar = childTop - householdLabelHeight - pad - 14 - index * 7;
    const couple =
      family.parents.length === 2
        ? couples.get(coupleKey(family.parents[0], family.parents[1]))
        : null;
    const [startX, startY] = couple
      ? [(symbolCentre(couple.left) + symbolCentre(couple.right)) / 2, couple.y]
      : [symbolCentre(at.get(family.parents[0])!), bottom(at.get(family.parents[0])!)];
    const xs = [startX, ...children.map(symbolCentre)];
    const path = [
      `M${startX},${startY}V${bar}`,
      `M${Math.min(...xs)},${bar}H${Math.max(...xs)}`,
      ...children.map((child) => `M${symbolCentre(child)},${bar}V${top(child)}`),
      // A third recorded parent (a step-parent recorded as a parent) joins the bar too.
      ...family.parents
        .slice(couple ? 2 : 1)
        .map((id) => `M${symbolCentre(at.get(id)!)},${bottom(at.get(id)!)}V${bar}`),
    ].join('');
    lines
      .append('path')
      .attr('class', 'genogram__children')
      .attr('data-parents', family.parents.join('+'))
      .attr('d', path);
  }

  const shareParent = (a: string, b: string) =>
    (parentsOf.get(a) ?? []).some((id) => (parentsOf.get(b) ?? []).includes(id));
  const unexplained = known.filter(
    (tie) => tie.kind === 'SIBLING_OF' && !shareParent(tie.fromId, tie.toId),
  );
  for (const group of siblingGroups(unexplained)) {
    const members = group.map((id) => at.get(id)!).sort((a, b) => a.x - b.x);
    const foot = Math.max(...members.map((member) => member.y + nodeHeight)) + SIBLING_DROP;
    const path = [
      `M${symbolCentre(members[0])},${foot}H${symbolCentre(members[members.length - 1])}`,
      ...members.map((member) => `M${symbolCentre(member)},${bottom(member)}V${foot}`),
    ].join('');
    lines.append('path').attr('class', 'genogram__sibling').attr('d', path);
    lines
      .append('text')
      .attr('class', 'genogram__tie-label')
      .attr('x', (symbolCentre(members[0]) + symbolCentre(members[members.length - 1])) / 2)
      .attr('y', foot + 3.5)
      .attr('text-anchor', 'middle')
      .text('siblings');
  }

  for (const tie of known.filter((t) => t.kind === 'LIVES_WITH')) {
    const [a, b] = [at.get(tie.fromId)!, at.get(tie.toId)!];
    if (a.householdKey === b.householdKey) continue;
    lines
      .append('path')
      .attr('class', 'genogram__lives-with')
      .attr('d', livesWithPath(a, b, options));
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

/** Everything the person's symbol says, and their stays and contact, in words: for the label and the tip. */
export function personWords(person: GenogramPerson, household: string | null): string[] {
  const stay = person.households.find((h) => h.household.trim() === household);
  const stayDates = stay ? spanText(stay.from, stay.to) : '';
  const elsewhere = person.households
    .filter((h) => h !== stay && h.household.trim())
    .map((h) => [h.household.trim(), spanText(h.from, h.to)].filter(Boolean).join(' '));
  return [
    person.label,
    person.relationship,
    household
      ? `Household: ${household}${stayDates ? ` ${stayDates}` : ''}${
          stay?.knownToAgencies === false ? ', not known to agencies' : ''
        }`
      : null,
    elsewhere.length > 0 ? `Also lived in: ${elsewhere.join('; ')}` : null,
    [
      person.isSubjectChild ? 'The subject child' : null,
      sexWord(person.sex),
      person.bornOn ? `born ${partialDate(person.bornOn)}` : null,
      person.deceased
        ? `died${person.diedOn ? ` ${partialDate(person.diedOn)}` : ', date not known'}`
        : null,
    ]
      .filter(Boolean)
      .join(', ')
      .replace(/^./, (first) => first.toUpperCase()),
    `Contact: ${contactText(person.contact)}`,
    person.description.replace(/\.$/, ''),
  ].filter((part): part is string => !!part);
}

function appendShapes(
  parent: Selection<SVGGElement, unknown, null, undefined>,
  shapes: MarkShape[],
) {
  for (const shape of shapes) {
    const element = parent.append(shape.tag);
    for (const [name, value] of Object.entries(shape.attrs)) element.attr(name, value);
    if (shape.text) element.text(shape.text);
  }
}

/** The symbol's outline, at an offset outwards (for the subject child's second outline). */
function appendSymbol(
  node: Selection<SVGGElement, unknown, null, undefined>,
  person: GenogramPerson,
  grow: number,
  className: string,
) {
  const cx = SYMBOL_X + SYMBOL / 2;
  const cy = SYMBOL_Y + SYMBOL / 2;
  const half = SYMBOL / 2 + grow;
  if (person.sex === 'MALE') {
    return node
      .append('rect')
      .attr('class', className)
      .attr('x', cx - half)
      .attr('y', cy - half)
      .attr('width', 2 * half)
      .attr('height', 2 * half);
  }
  if (person.sex === 'FEMALE') {
    return node
      .append('circle')
      .attr('class', className)
      .attr('cx', cx)
      .attr('cy', cy)
      .attr('r', half);
  }
  // A diamond as tall as the square, its points a little further out so it reads as big.
  const reach = half + 2;
  return node
    .append('polygon')
    .attr('class', className)
    .attr(
      'points',
      `${cx},${cy - reach} ${cx + reach},${cy} ${cx},${cy + reach} ${cx - reach},${cy}`,
    );
}

export function drawPeople(
  root: Group,
  layout: GenogramLayout,
  byId: Map<string, GenogramPerson>,
  options: GenogramLayoutOptions,
  householdOf: (person: GenogramPerson) => string | null,
  tip: { show: (element: SVGGElement, id: string) => void; hide: () => void },
) {
  const { nodeWidth, nodeHeight } = options;
  const textWidth = nodeWidth - TEXT_X - 2;
  const reading = [...layout.people].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const placed of reading) {
    const person = byId.get(placed.id);
    if (!person) continue;
    const classes = [
      'genogram__person',
      `genogram__person--${person.sex.toLowerCase().replace('_', '-')}`,
      person.isSubjectChild ? 'genogram__person--subject' : null,
      person.deceased ? 'genogram__person--deceased' : null,
    ].filter(Boolean);
    const node = root
      .append('g')
      .attr('class', classes.join(' '))
      .attr('transform', `translate(${placed.x},${placed.y})`)
      .attr('tabindex', 0)
      .attr('role', 'img')
      .attr('aria-label', `${personWords(person, householdOf(person)).join('. ')}.`)
      .attr('data-person-id', person.id)
      .attr('data-sex', person.sex)
      .on('focus mouseenter', function () {
        tip.show(this as SVGGElement, person.id);
      })
      .on('blur mouseleave', () => tip.hide());
    node
      .append('rect')
      .attr('class', 'genogram__hit')
      .attr('x', -DOUBLE - 2)
      .attr('y', -DOUBLE - 2)
      .attr('width', nodeWidth + DOUBLE + 2)
      .attr('height', nodeHeight + DOUBLE + 2)
      .attr('rx', 8);
    if (person.isSubjectChild) appendSymbol(node, person, DOUBLE, 'genogram__symbol-outer');
    appendSymbol(node, person, 0, 'genogram__symbol').attr('data-symbol', person.sex);
    if (person.deceased) {
      const [x0, y0, x1, y1] = [
        SYMBOL_X - 3,
        SYMBOL_Y - 3,
        SYMBOL_X + SYMBOL + 3,
        SYMBOL_Y + SYMBOL + 3,
      ];
      node
        .append('path')
        .attr('class', 'genogram__death')
        .attr('d', `M${x0},${y0}L${x1},${y1}M${x1},${y0}L${x0},${y1}`);
    }

    const name = node
      .append('text')
      .attr('class', 'genogram__pseudonym')
      .attr('x', TEXT_X)
      .attr('y', 16);
    wrap(name, person.label, textWidth, 1, 16);
    // Under the name: the date of death first (as the notation puts it), then the relationship, then birth.
    const details = [
      person.deceased
        ? {
            text: `d. ${partialDate(person.diedOn) || 'date not known'}`,
            className: 'genogram__died',
          }
        : null,
      person.relationship
        ? { text: person.relationship, className: 'genogram__relationship' }
        : null,
      currentStay(person)?.knownToAgencies === false
        ? { text: 'Agencies unaware', className: 'genogram__unknown-stay' }
        : null,
      person.bornOn
        ? { text: `b. ${partialDate(person.bornOn)}`, className: 'genogram__born' }
        : null,
    ].filter((line): line is { text: string; className: string } => !!line);
    details.slice(0, 2).forEach((line, index) => {
      const text = node
        .append('text')
        .attr('class', line.className)
        .attr('x', TEXT_X)
        .attr('y', 31 + index * 14);
      wrap(text, line.text, textWidth, 1, 14);
    });

    const shown = CONTACT_KINDS.filter(({ kind }) => (person.contact[kind] ?? 0) > 0);
    shown.forEach(({ kind, name: kindName }, slot) => {
      const x = TEXT_X + slot * BADGE_STEP;
      const y = nodeHeight - BADGE_HEIGHT - 2;
      const count = person.contact[kind] ?? 0;
      const badge = node
        .append('g')
        .attr('class', `genogram__contact genogram__contact--${kind}`)
        .attr('data-contact', kind);
      badge.append('title').text(`${kindName}: ${count}`);
      badge
        .append('rect')
        .attr('x', x)
        .attr('y', y)
        .attr('width', BADGE_WIDTH)
        .attr('height', BADGE_HEIGHT)
        .attr('rx', 3);
      const mark = badge
        .append('g')
        .attr('transform', `translate(${x + 6.5},${y + BADGE_HEIGHT / 2})`);
      appendShapes(mark, contactMarkShapes(kind));
      badge
        .append('text')
        .attr('class', 'genogram__contact-count')
        .attr('x', x + 18)
        .attr('y', y + 11.5)
        .attr('text-anchor', 'middle')
        .text(count > 99 ? '99+' : String(count));
    });
  }
}
