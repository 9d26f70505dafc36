import { select } from 'd3-selection';
import { ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  contactMarkShapes,
  drawHouseholds,
  drawPeople,
  drawTies,
  GenogramMarker,
  MarkShape,
  personWords,
} from './genogram-draw';
import { DEFAULT_GENOGRAM_OPTIONS, GenogramTie, layoutGenogram } from './genogram-layout';
import {
  CONTACT_KINDS,
  currentHousehold,
  GenogramPerson,
  GenogramRelationship,
  householdSpan,
} from './genogram-model';
import './genogram.css';

export type { GenogramMarker } from './genogram-draw';
export type {
  GenogramContact,
  GenogramHouseholdMembership,
  GenogramPerson,
  GenogramRelationship,
  GenogramSex,
} from './genogram-model';

export interface GenogramProps {
  title: string;
  summary: string;
  people: GenogramPerson[];
  relationships: GenogramRelationship[];
  /** The agencies named in each person's tip, with how much they were in touch. */
  markers: GenogramMarker[];
}

/** Room round the drawing for the focus ring and the subject child's second outline. */
const MARGIN = 10;
/** The tooltip's widest, as genogram.css sets it (22rem). */
const TIP_WIDTH = 352;

/**
 * A genogram in the standard notation: a square for a male, a circle for a female, a diamond where the sex is
 * not known, the subject child in a double outline, a cross over anyone who has died (the date under the
 * name); couples joined by a line beneath them (one slash when separated), their children hanging from its
 * middle; households as dashed boundaries with their dates. On each person, badges count how often agencies
 * saw them, saw them alone, spoke to them, or only mentioned them.
 */
export function Genogram({ title, summary, people, relationships, markers }: GenogramProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ id: string; left: number; top: number } | null>(null);
  const titleId = useId();
  const descId = useId();
  const options = DEFAULT_GENOGRAM_OPTIONS;
  const ties = useMemo<GenogramTie[]>(
    () =>
      relationships.map((relationship) => ({
        fromId: relationship.from,
        toId: relationship.to,
        kind: relationship.kind,
        separated: relationship.separated,
      })),
    [relationships],
  );
  const layout = useMemo(
    () =>
      layoutGenogram(
        people.map((person) => ({ id: person.id, household: currentHousehold(person) })),
        ties,
        options,
      ),
    [people, ties, options],
  );
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const root = select(svg).select<SVGGElement>('g.genogram__drawing');
    root.selectAll('*').remove();
    drawHouseholds(root, layout, options, (household) => householdSpan(household, people));
    const subjects = new Set(people.filter((p) => p.isSubjectChild).map((p) => p.id));
    drawTies(root, layout, ties, options, subjects);
    const byId = new Map(people.map((person) => [person.id, person]));
    const show = (element: SVGGElement, id: string) => {
      const wrapper = wrapperRef.current?.getBoundingClientRect();
      if (!wrapper) return;
      const box = element.getBoundingClientRect();
      // Kept inside the chart's card: a person at the right edge gets the tip to their left.
      const left = Math.max(0, Math.min(box.left - wrapper.left, wrapper.width - TIP_WIDTH));
      setTip({ id, left, top: box.bottom - wrapper.top + 6 });
    };
    drawPeople(root, layout, byId, options, currentHousehold, { show, hide: () => setTip(null) });
  }, [layout, people, ties, options]);

  const tipPerson = tip ? people.find((person) => person.id === tip.id) : undefined;
  return (
    <div className="genogram" ref={wrapperRef}>
      <svg
        ref={svgRef}
        className="genogram__svg"
        viewBox={`${-MARGIN} ${-MARGIN} ${width} ${height}`}
        width={width}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={descId}
        onKeyDown={(event) => event.key === 'Escape' && setTip(null)}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        <g className="genogram__drawing" />
      </svg>
      {tip && tipPerson && (
        <div className="genogram__tip" style={{ left: tip.left, top: tip.top }} aria-hidden="true">
          {personWords(tipPerson, currentHousehold(tipPerson))
            .slice(0, -1)
            .map((line, index) =>
              index === 0 ? (
                <strong key={index}>{line}</strong>
              ) : (
                <span key={index} className="genogram__tip-household">
                  {line}
                </span>
              ),
            )}
          {tipPerson.markings.length > 0 ? (
            <ul className="genogram__tip-list">
              {markers
                .filter((marker) => tipPerson.markings.some((m) => m.key === marker.key))
                .map((marker) => (
                  <li key={marker.key}>
                    <span
                      className="genogram__key-marker"
                      style={{ background: marker.colour, color: marker.ink }}
                    >
                      {marker.initials}
                    </span>
                    {marker.name}: {tipPerson.markings.find((m) => m.key === marker.key)?.detail}
                  </li>
                ))}
            </ul>
          ) : (
            <span className="genogram__tip-household">{tipPerson.description}</span>
          )}
        </div>
      )}
      <GenogramLegend />
    </div>
  );
}

function Mark({ shapes }: { shapes: MarkShape[] }) {
  return (
    <>
      {shapes.map((shape, index) => {
        const { class: className, ...rest } = shape.attrs;
        const props = { key: index, className: String(className ?? ''), ...rest };
        if (shape.tag === 'circle') return <circle {...props} />;
        if (shape.tag === 'path') return <path {...props} />;
        return (
          <text {...props} textAnchor="middle">
            {shape.text}
          </text>
        );
      })}
    </>
  );
}

/** The key: the symbols, the lines and the contact badges, drawn as on the chart. */
function GenogramLegend() {
  const symbol = (children: ReactNode, className = 'genogram__legend-person') => (
    <svg className="genogram__key-symbol" viewBox="-14 -14 28 28" aria-hidden="true">
      <g className={className}>{children}</g>
    </svg>
  );
  const line = (d: string, className: string, extra?: ReactNode) => (
    <svg className="genogram__key-line" viewBox="0 0 40 24" aria-hidden="true">
      <path className={className} d={d} />
      {extra}
    </svg>
  );
  return (
    <div className="genogram__legend">
      <section aria-label="Symbols">
        <h3 className="genogram__legend-title">Symbols</h3>
        <ul className="genogram__keys">
          <li>
            {symbol(<rect className="genogram__symbol" x={-10} y={-10} width={20} height={20} />)}
            Male
          </li>
          <li>
            {symbol(<circle className="genogram__symbol" r={10} />)}
            Female
          </li>
          <li>
            {symbol(<polygon className="genogram__symbol" points="0,-12 12,0 0,12 -12,0" />)}
            Sex not known
          </li>
          <li>
            {symbol(
              <>
                <circle className="genogram__symbol-outer" r={12} />
                <circle className="genogram__symbol" r={9} />
              </>,
            )}
            Subject child (double outline)
          </li>
          <li>
            {symbol(
              <>
                <rect className="genogram__symbol" x={-10} y={-10} width={20} height={20} />
                <path className="genogram__death" d="M-12,-12L12,12M12,-12L-12,12" />
              </>,
            )}
            Died (date under the name)
          </li>
        </ul>
      </section>
      <section aria-label="Lines">
        <h3 className="genogram__legend-title">Lines</h3>
        <ul className="genogram__keys">
          <li>
            {line('M4,2V14H36V2', 'genogram__partnership')}
            Partners, together
          </li>
          <li>
            {line(
              'M4,2V14H36V2',
              'genogram__partnership',
              <path className="genogram__separation" d="M15,20L23,8" />,
            )}
            Partners, separated
          </li>
          <li>
            {line('M4,2V10H36V2', 'genogram__partnership genogram__partnership--unrecorded')}
            Parents of a child, no partnership recorded
          </li>
          <li>
            {line('M20,0V10M6,10H34M6,10V24M34,10V24', 'genogram__children')}
            Children, hanging from their parents’ line
          </li>
          <li>
            <svg className="genogram__key-line" viewBox="0 0 40 24" aria-hidden="true">
              <rect
                className="genogram__household-boundary"
                x={2}
                y={2}
                width={36}
                height={20}
                rx={4}
              />
            </svg>
            Household, with its dates
          </li>
          <li>
            {line('M2,12H38', 'genogram__lives-with')}
            Lives with, across households
          </li>
        </ul>
      </section>
      <section aria-label="Contact with agencies">
        <h3 className="genogram__legend-title">Contact with agencies (events)</h3>
        <ul className="genogram__keys">
          {CONTACT_KINDS.map(({ kind, name }) => (
            <li key={kind}>
              <svg
                className={`genogram__key-badge genogram__contact genogram__contact--${kind}`}
                viewBox="0 0 26 16"
                aria-hidden="true"
              >
                <rect x={0} y={0} width={26} height={16} rx={3} />
                <g transform="translate(6.5,8)">
                  <Mark shapes={contactMarkShapes(kind)} />
                </g>
                <text className="genogram__contact-count" x={18} y={11.5} textAnchor="middle">
                  n
                </text>
              </svg>
              {name}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
