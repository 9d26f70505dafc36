import { AXIS_HEIGHT, LABEL_WIDTH, LANE_HEIGHT, laneColour } from './timeline-draw';
import { TimelineModel } from './timeline-model';

/** The labels left of the plot: the date strip, the episode row, and one per agency's lane. */
export function TimelineLanes({
  model,
  episodesHeight,
}: {
  model: TimelineModel;
  /** As many rows as overlapping episodes need. */
  episodesHeight: number;
}) {
  return (
    <div className="timeline__labels" style={{ width: LABEL_WIDTH }}>
      <div className="timeline__label-head" style={{ height: AXIS_HEIGHT }}>
        Dates <span className="timeline__label-note">(drag to select)</span>
      </div>
      <div className="timeline__label-head" style={{ height: episodesHeight }}>
        Key practice episodes
      </div>
      <ul className="timeline__lane-labels" aria-label="Lanes">
        {model.lanes.map((lane, index) => {
          const count = model.byLane[index].length;
          return (
            <li
              key={lane.agencyId ?? 'unattributed'}
              className={`timeline__lane-label${index % 2 ? ' timeline__lane-label--alternate' : ''}`}
              style={{ height: LANE_HEIGHT }}
              title={lane.name}
            >
              <span
                className="timeline__swatch"
                style={{ background: laneColour(model, index) }}
                aria-hidden="true"
              />
              <span className="timeline__lane-name">{lane.name}</span>
              <span className="timeline__lane-count">
                {count.toLocaleString('en-GB')} {count === 1 ? 'event' : 'events'}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
