import { select } from 'd3-selection';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  drawHouseholds,
  drawPeople,
  drawTies,
  GenogramMarker,
  GenogramPerson,
  MARKER_ROW,
  MARKERS_PER_ROW,
  MARKERS_TOP,
} from './genogram-draw';
import {
  DEFAULT_GENOGRAM_OPTIONS,
  GenogramLayoutOptions,
  GenogramTie,
  layoutGenogram,
} from './genogram-layout';
import './genogram.css';

export type { GenogramMarker, GenogramPerson } from './genogram-draw';

export interface GenogramProps {
  title: string;
  summary: string;
  people: GenogramPerson[];
  ties: GenogramTie[];
  /** In the order of the legend, and of each person's markers. */
  markers: GenogramMarker[];
  markerLegendTitle: string;
}

/** Room round the drawing for the focus ring. */
const MARGIN = 8;
/** The tooltip's widest, as genogram.css sets it (22rem). */
const TIP_WIDTH = 352;

/**
 * A genogram-style family network: households as labelled boxes, parents above children, partners side by
 * side, siblings bracketed, living together dashed, and on each person the markers of who saw them.
 * Squares and circles would need each person's sex, which the review does not hold: everyone is a rounded box.
 */
export function Genogram({
  title,
  summary,
  people,
  ties,
  markers,
  markerLegendTitle,
}: GenogramProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ id: string; left: number; top: number } | null>(null);
  const titleId = useId();
  const descId = useId();
  const markerRows = Math.max(1, Math.ceil(markers.length / MARKERS_PER_ROW));
  const options: GenogramLayoutOptions = useMemo(
    () => ({
      ...DEFAULT_GENOGRAM_OPTIONS,
      nodeHeight: MARKERS_TOP + markerRows * MARKER_ROW + 4,
    }),
    [markerRows],
  );
  const layout = useMemo(() => layoutGenogram(people, ties, options), [people, ties, options]);
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const root = select(svg).select<SVGGElement>('g.genogram__drawing');
    root.selectAll('*').remove();
    drawHouseholds(root, layout, options);
    drawTies(root, layout, ties, options);
    const byId = new Map(people.map((person) => [person.id, person]));
    const show = (element: SVGGElement, id: string) => {
      const wrapper = wrapperRef.current?.getBoundingClientRect();
      if (!wrapper) return;
      const box = element.getBoundingClientRect();
      // Kept inside the chart's card: a person at the right edge gets the tip to their left.
      const left = Math.max(0, Math.min(box.left - wrapper.left, wrapper.width - TIP_WIDTH));
      setTip({ id, left, top: box.bottom - wrapper.top + 6 });
    };
    drawPeople(root, layout, byId, markers, options, { show, hide: () => setTip(null) });
  }, [layout, people, ties, markers, options]);

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
          <strong>{tipPerson.pseudonym}</strong>
          {tipPerson.relationship && <span> · {tipPerson.relationship}</span>}
          {tipPerson.household && (
            <span className="genogram__tip-household">{tipPerson.household}</span>
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
      <GenogramLegend markers={markers} markerLegendTitle={markerLegendTitle} />
    </div>
  );
}

function GenogramLegend({
  markers,
  markerLegendTitle,
}: Pick<GenogramProps, 'markers' | 'markerLegendTitle'>) {
  const line = (className: string) => (
    <svg className="genogram__key-line" viewBox="0 0 40 12" aria-hidden="true">
      <path className={className} d="M2 6H38" />
    </svg>
  );
  return (
    <div className="genogram__legend">
      <section aria-label="Lines">
        <h3 className="genogram__legend-title">Lines</h3>
        <ul className="genogram__keys">
          <li>
            <svg className="genogram__key-line" viewBox="0 0 40 24" aria-hidden="true">
              <path className="genogram__parent" d="M20 0V12M6 12H34M6 12V24M34 12V24" />
            </svg>
            Parent above, children below
          </li>
          <li>
            {line('genogram__partner')}
            Partners
          </li>
          <li>
            <svg className="genogram__key-line" viewBox="0 0 40 12" aria-hidden="true">
              <path className="genogram__sibling" d="M4 0V8H36V0" />
            </svg>
            Siblings
          </li>
          <li>
            {line('genogram__lives-with')}
            Lives with
          </li>
          <li>
            <span className="genogram__key-household" aria-hidden="true" />
            Household, as the register words it
          </li>
        </ul>
      </section>
      {markers.length > 0 && (
        <section aria-label={markerLegendTitle}>
          <h3 className="genogram__legend-title">{markerLegendTitle}</h3>
          <ul className="genogram__keys">
            {markers.map((marker) => (
              <li key={marker.key}>
                <span
                  className="genogram__key-marker"
                  style={{ background: marker.colour, color: marker.ink }}
                  aria-hidden="true"
                >
                  {marker.initials}
                </span>
                {marker.name}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
