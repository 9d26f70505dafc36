import { KeyboardEvent, MouseEvent, useMemo, useRef, useState } from 'react';
import {
  connectedTo,
  edgeId,
  LayeredEdge,
  layoutLayeredGraph,
  PlacedNode,
} from './factor-map-layout';
import { wrapText } from './factor-map-text';
import './factor-map.css';

/** One box of the map and what it says. */
export interface MapNode {
  id: string;
  column: number;
  /** Key of the group (see `groups`) that the node is shown in. */
  group?: string;
  /** Small line above the title. */
  kicker?: string;
  title: string;
  /** At most this many lines of the title show; the rest is cut short with an ellipsis. */
  titleLines: number;
  /** Smaller text under the title. */
  detail?: string;
  note?: { text: string; warning?: boolean };
  /** Where the node opens. */
  href: string;
  /**
   * Said before and after the node's own text by a screen reader; the text itself is said in
   * full in between, so that the spoken name holds every word shown.
   */
  labelPrefix?: string;
  labelSuffix?: string;
  /** Heads the full text in the panel shown under the map while the node is pointed at or focused. */
  caption: string;
  /** A sign in the box's corner, in the tone's colour: + for what helped, − for what hindered. */
  mark?: { glyph: string; tone: 'positive' | 'negative' };
  /** The box's border: solid, dashed or double, for a tier of the framework. */
  outline?: 'solid' | 'dashed' | 'double';
}

/** What the marks and outlines of a map mean, shown under it. */
export interface MapLegendEntry {
  mark?: MapNode['mark'];
  outline?: MapNode['outline'];
  label: string;
}

/** A link from a node to one it supports; dashed when it stands for a looser tie. */
export interface MapEdge extends LayeredEdge {
  dashed?: boolean;
}

/** A group of nodes in a column, named and with its colour. */
export interface MapGroup {
  key: string;
  label: string;
  colour: string;
}

const WIDTH = 1100;
const COLUMN_WIDTHS = [264, 300, 270];
const PAD_X = 14;
const PAD_Y = 10;
const LINE = 17;
const SMALL_LINE = 15;
/** Average width of a character of the box text, generous so that the estimate is not short. */
const CHAR_WIDTH = 6.7;

/** How many lines of each part a box shows, estimated from the text; its height follows. */
interface NodeText {
  kicker: boolean;
  titleLines: number;
  detailLines: number;
  note: boolean;
}

function textOf(node: MapNode, width: number, bold: boolean): NodeText {
  // Bold titles (the last column's) run wider.
  const chars = Math.floor((width - 2 * PAD_X - 6) / (bold ? CHAR_WIDTH * 1.1 : CHAR_WIDTH));
  return {
    kicker: Boolean(node.kicker),
    titleLines: wrapText(node.title, chars, node.titleLines).length,
    detailLines: node.detail ? wrapText(node.detail, Math.floor(chars * 1.1), 2).length : 0,
    note: Boolean(node.note),
  };
}

function heightOf(text: NodeText): number {
  return (
    2 * PAD_Y +
    (text.kicker ? LINE : 0) +
    text.titleLines * LINE +
    (text.detailLines ? 4 + text.detailLines * SMALL_LINE : 0) +
    (text.note ? 4 + SMALL_LINE : 0)
  );
}

/** The node's name for a screen reader: all its text, in the order shown, within prefix and suffix. */
function labelOf(node: MapNode): string {
  const shown = [node.kicker, node.title, node.detail, node.note?.text].filter(Boolean).join(', ');
  return `${node.labelPrefix ?? ''}${shown}${node.labelSuffix ?? ''}`;
}

/**
 * A layered map, left to right, of what rests on what: each node links to the nodes it supports
 * in the columns to its right. Pointing at or focusing a node brings out every path through it
 * and dims the rest; a node opens as a link. Arrow keys move within a column and across columns.
 */
export function FactorMap({
  columns,
  nodes,
  edges,
  groups,
  fixedColumns,
  groupOrder,
  legend,
  onNavigate,
}: {
  /** Headings of the columns, left to right. */
  columns: string[];
  nodes: MapNode[];
  edges: MapEdge[];
  groups: MapGroup[];
  fixedColumns?: number[];
  /** Groups in the order they are shown, top to bottom; otherwise placed to reduce crossings. */
  groupOrder?: string[];
  /** What the marks and outlines mean. */
  legend?: MapLegendEntry[];
  onNavigate: (href: string) => void;
}) {
  const texts = useMemo(
    () =>
      new Map(
        nodes.map((node) => [
          node.id,
          textOf(node, COLUMN_WIDTHS[node.column], node.column === COLUMN_WIDTHS.length - 1),
        ]),
      ),
    [nodes],
  );
  const layout = useMemo(
    () =>
      layoutLayeredGraph(
        nodes.map((node) => ({
          id: node.id,
          column: node.column,
          group: node.group,
          height: heightOf(texts.get(node.id)!),
        })),
        edges,
        {
          columnWidths: COLUMN_WIDTHS,
          width: WIDTH,
          top: 44,
          nodeGap: 10,
          groupGap: 18,
          groupHeadingHeight: 24,
          passageHeight: 8,
          fixedColumns,
          groupOrder,
        },
      ),
    [nodes, edges, texts, fixedColumns, groupOrder],
  );
  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  const dashed = useMemo(() => new Set(edges.filter((e) => e.dashed).map(edgeId)), [edges]);
  const groupsByKey = useMemo(() => new Map(groups.map((g) => [g.key, g])), [groups]);
  const columnNodes = useMemo(
    () =>
      columns.map((_, c) =>
        layout.nodes.filter((node) => node.column === c).sort((a, b) => a.y - b.y),
      ),
    [columns, layout],
  );

  const [pointed, setPointed] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  // One stop per column for the Tab key; the arrow keys move within and across columns.
  const [current, setCurrent] = useState<Record<number, string>>({});
  const refs = useRef(new Map<string, HTMLElement | SVGElement>());
  const active = pointed ?? focused;
  const activeNode = active ? byId.get(active) : undefined;
  const lit = useMemo(() => (active ? connectedTo(edges, active) : null), [edges, active]);

  const tabStop = (node: PlacedNode) =>
    (current[node.column] ?? columnNodes[node.column][0]?.id) === node.id;
  const moveTo = (target: PlacedNode | undefined) => {
    if (!target) return;
    setCurrent((was) => ({ ...was, [target.column]: target.id }));
    refs.current.get(target.id)?.focus();
  };
  const nearestIn = (column: number, y: number) =>
    columnNodes[column]
      ?.slice()
      .sort((a, b) => Math.abs(a.y + a.height / 2 - y) - Math.abs(b.y + b.height / 2 - y))[0];
  const onKeyDown = (event: KeyboardEvent, node: PlacedNode) => {
    const list = columnNodes[node.column];
    const index = list.indexOf(node);
    const centre = node.y + node.height / 2;
    const across = (step: number) => {
      for (let c = node.column + step; c >= 0 && c < columns.length; c += step) {
        if (columnNodes[c].length) return nearestIn(c, centre);
      }
      return undefined;
    };
    const targets: Record<string, () => PlacedNode | undefined> = {
      ArrowDown: () => list[index + 1],
      ArrowUp: () => list[index - 1],
      Home: () => list[0],
      End: () => list[list.length - 1],
      ArrowRight: () => across(1),
      ArrowLeft: () => across(-1),
    };
    // Enter is handled here too, as not every browser follows a link inside an SVG on Enter.
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      onNavigate(byId.get(node.id)!.href);
    } else if (targets[event.key]) {
      event.preventDefault();
      moveTo(targets[event.key]());
    }
  };
  const onClick = (event: MouseEvent, href: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(href);
  };

  return (
    <div className="factor-map__frame">
      <svg
        className={`factor-map${lit ? ' factor-map--lit' : ''}`}
        viewBox={`0 0 ${layout.width} ${layout.height + 8}`}
        width="100%"
        role="group"
        aria-label={`Map of ${columns.join(', ')}`}
      >
        {layout.columns.map((column, c) => (
          <text key={columns[c]} className="factor-map__heading" x={column.x} y={20}>
            {columns[c]}
          </text>
        ))}
        {layout.groups.map((group) => {
          const named = groupsByKey.get(group.key);
          const members = layout.nodes.filter((n) => n.group === group.key).length;
          return (
            <g key={group.key} className="factor-map__group" aria-hidden="true">
              <rect
                x={group.x}
                y={group.y + 4}
                width={12}
                height={12}
                rx={2}
                fill={named?.colour}
                className="factor-map__swatch"
              />
              <text x={group.x + 18} y={group.y + 15}>
                {named?.label ?? group.key} · {members}
              </text>
            </g>
          );
        })}
        <g aria-hidden="true">
          {layout.edges.map((edge) => (
            <path
              key={edge.id}
              d={edge.path}
              className={`factor-map__edge${dashed.has(edge.id) ? ' factor-map__edge--dashed' : ''}${
                lit?.edges.has(edge.id) ? ' factor-map__edge--lit' : ''
              }`}
            />
          ))}
        </g>
        {layout.nodes.map((placed) => {
          const node = byId.get(placed.id)!;
          const text = texts.get(placed.id)!;
          const colour = placed.group ? groupsByKey.get(placed.group)?.colour : undefined;
          return (
            <a
              key={placed.id}
              href={node.href}
              ref={(element) => {
                if (element) refs.current.set(placed.id, element);
                else refs.current.delete(placed.id);
              }}
              className={`factor-map__node factor-map__node--c${placed.column}${
                lit?.nodes.has(placed.id) ? ' factor-map__node--lit' : ''
              }${node.note?.warning ? ' factor-map__node--warning' : ''}`}
              aria-label={labelOf(node)}
              tabIndex={tabStop(placed) ? 0 : -1}
              onClick={(event) => onClick(event, node.href)}
              onKeyDown={(event) => onKeyDown(event, placed)}
              onMouseEnter={() => setPointed(placed.id)}
              onMouseLeave={() => setPointed(null)}
              onFocus={() => {
                setFocused(placed.id);
                setCurrent((was) => ({ ...was, [placed.column]: placed.id }));
              }}
              onBlur={() => setFocused(null)}
            >
              <rect
                className={`factor-map__box${node.outline ? ` factor-map__box--${node.outline}` : ''}`}
                x={placed.x}
                y={placed.y}
                width={placed.width}
                height={placed.height}
                rx={6}
              />
              {node.outline === 'double' && (
                <rect
                  className="factor-map__box-inner"
                  x={placed.x + 3}
                  y={placed.y + 3}
                  width={placed.width - 6}
                  height={placed.height - 6}
                  rx={4}
                />
              )}
              {colour && (
                <rect
                  className="factor-map__bar"
                  x={placed.x}
                  y={placed.y}
                  width={6}
                  height={placed.height}
                  rx={2}
                  fill={colour}
                />
              )}
              {/* HTML text wraps to the box and is cut short with an ellipsis past its lines. */}
              <foreignObject x={placed.x} y={placed.y} width={placed.width} height={placed.height}>
                <div className="factor-map__content" style={{ padding: `${PAD_Y}px ${PAD_X}px` }}>
                  {/* The spaces keep the words of neighbouring lines apart in the spoken text. */}
                  {node.kicker && <div className="factor-map__kicker">{node.kicker}</div>}{' '}
                  <div
                    className="factor-map__title"
                    style={{ WebkitLineClamp: text.titleLines, lineClamp: text.titleLines }}
                  >
                    {node.title}
                  </div>{' '}
                  {node.detail && (
                    <div
                      className="factor-map__detail"
                      style={{ WebkitLineClamp: text.detailLines, lineClamp: text.detailLines }}
                    >
                      {node.detail}
                    </div>
                  )}{' '}
                  {node.note && (
                    <div className="factor-map__note">
                      {node.note.warning && (
                        <svg
                          className="factor-map__note-icon"
                          viewBox="0 0 14 13"
                          aria-hidden="true"
                        >
                          <path d="M7,1 L13,12 L1,12 Z M7,5 v3.5 M7,10 v0.5" />
                        </svg>
                      )}
                      {node.note.text}
                    </div>
                  )}
                </div>
              </foreignObject>
              {node.mark && (
                <g
                  className={`factor-map__mark factor-map__mark--${node.mark.tone}`}
                  aria-hidden="true"
                >
                  <circle cx={placed.x + placed.width - 12} cy={placed.y + 12} r={8} />
                  <text x={placed.x + placed.width - 12} y={placed.y + 16.5} textAnchor="middle">
                    {node.mark.glyph}
                  </text>
                </g>
              )}
            </a>
          );
        })}
      </svg>
      {legend && legend.length > 0 && (
        <ul className="factor-map__legend" aria-label="Key to the map">
          {legend.map((entry) => (
            <li key={entry.label} className="factor-map__legend-entry">
              <svg viewBox="0 0 28 20" width="28" height="20" aria-hidden="true">
                {entry.outline && (
                  <>
                    <rect
                      className={`factor-map__box factor-map__box--${entry.outline}`}
                      x={1}
                      y={1}
                      width={26}
                      height={18}
                      rx={4}
                    />
                    {entry.outline === 'double' && (
                      <rect
                        className="factor-map__box-inner"
                        x={4}
                        y={4}
                        width={20}
                        height={12}
                        rx={2}
                      />
                    )}
                  </>
                )}
                {entry.mark && (
                  <g className={`factor-map__mark factor-map__mark--${entry.mark.tone}`}>
                    <circle cx={14} cy={10} r={8} />
                    <text x={14} y={14.5} textAnchor="middle">
                      {entry.mark.glyph}
                    </text>
                  </g>
                )}
              </svg>
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      {activeNode && (
        // The boxes may cut their text short: the panel gives it whole. Screen readers have it
        // already in each node's name.
        <div className="factor-map__panel" aria-hidden="true">
          <p className="factor-map__panel-caption">{activeNode.caption}</p>
          <p className="factor-map__panel-text">{activeNode.title}</p>
        </div>
      )}
    </div>
  );
}
