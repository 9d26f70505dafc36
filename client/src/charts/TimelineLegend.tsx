/** What the marks mean: shape and fading carry the date's precision, not colour. */
export function TimelineLegend({ reviewPeriod }: { reviewPeriod: boolean }) {
  return (
    <ul className="timeline-legend" aria-label="Key to the marks">
      <li>
        <svg width="22" height="14" aria-hidden="true">
          <circle cx="11" cy="7" r="5" className="timeline-legend__mark" />
        </svg>
        Date known to the day
      </li>
      <li>
        <svg width="40" height="14" aria-hidden="true">
          <rect x="2" y="3.5" width="36" height="7" className="timeline-legend__mark" />
        </svg>
        Month or year: a bar over the whole month or year
      </li>
      <li>
        <svg width="40" height="14" aria-hidden="true">
          <defs>
            <linearGradient id="timeline-legend-fade">
              <stop offset="0" stopColor="#0072B2" stopOpacity="0" />
              <stop offset="0.3" stopColor="#0072B2" stopOpacity="1" />
              <stop offset="0.7" stopColor="#0072B2" stopOpacity="1" />
              <stop offset="1" stopColor="#0072B2" stopOpacity="0" />
            </linearGradient>
          </defs>
          <rect
            x="2"
            y="3.5"
            width="36"
            height="7"
            fill="url(#timeline-legend-fade)"
            className="timeline-legend__fade"
          />
        </svg>
        Approximate: faded edges
      </li>
      <li>
        <svg width="22" height="14" aria-hidden="true">
          <rect x="2" y="0" width="18" height="14" className="timeline-legend__band" />
        </svg>
        Key practice episode
      </li>
      {reviewPeriod && (
        <li>
          <svg width="22" height="14" aria-hidden="true">
            <rect x="2" y="0" width="18" height="14" className="timeline__outside-review" />
            <line x1="20.5" y1="0" x2="20.5" y2="14" className="timeline-legend__boundary" />
          </svg>
          Outside the period under review
        </li>
      )}
    </ul>
  );
}

/** Zoom buttons beside the key to the marks. */
export function TimelineToolbar({
  onZoomIn,
  onZoomOut,
  onFitAll,
  reviewPeriod,
}: {
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFitAll: () => void;
  /** The period under review is marked, so the key explains its shading. */
  reviewPeriod: boolean;
}) {
  return (
    <div className="timeline__toolbar">
      <div className="timeline__zoom" role="group" aria-label="Zoom">
        <button type="button" className="button button--secondary" onClick={onZoomIn}>
          <span aria-hidden="true">+ </span>Zoom in
        </button>
        <button type="button" className="button button--secondary" onClick={onZoomOut}>
          <span aria-hidden="true">− </span>Zoom out
        </button>
        <button type="button" className="button button--secondary" onClick={onFitAll}>
          Fit all
        </button>
      </div>
      <TimelineLegend reviewPeriod={reviewPeriod} />
    </div>
  );
}

/** The keys the focused timeline answers to. */
export function TimelineKeys() {
  return (
    <p className="timeline__keys hint">
      Keys on the timeline: <kbd>←</kbd> <kbd>→</kbd> event by event · <kbd>↑</kbd> <kbd>↓</kbd>{' '}
      lane · <kbd>Enter</kbd> pin the details · <kbd>+</kbd> <kbd>−</kbd> zoom · <kbd>Shift</kbd>+
      <kbd>←</kbd> <kbd>→</kbd> pan · <kbd>0</kbd> fit all. Drag along the dates to select a period.
    </p>
  );
}
