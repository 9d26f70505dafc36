import { formatPartialDate, PRECISION_LABELS } from '@scr/shared';
import { TimelineItem, UNATTRIBUTED } from './timeline-model';

/** "3 Apr 2022 10:00", "Apr 2022", "c. 2021": the date as recorded, with its precision. */
export function eventDate(item: TimelineItem): string {
  const date = formatPartialDate(item.occurredOn, item.precision);
  return item.timeOfDay ? `${date} ${item.timeOfDay}` : date;
}

/** One sentence for a screen reader: date, agency, entry, and where it stands in the chronology. */
export function describeEvent(item: TimelineItem, position: number, total: number): string {
  return `${eventDate(item)}, ${item.agency?.name ?? UNATTRIBUTED}: ${item.title}. Event ${(
    position + 1
  ).toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}.`;
}

const PRECISION_NOTES: Record<string, string> = {
  DAY: 'dated to the day',
  MONTH: 'dated to the month',
  YEAR: 'dated to the year',
  APPROXIMATE: 'approximate date',
};

/** The event in full: for the tooltip and the pinned detail panel. */
export function TimelineEventSummary({ item, full }: { item: TimelineItem; full: boolean }) {
  return (
    <>
      <p className="timeline-event__when">
        <strong>{eventDate(item)}</strong>{' '}
        <span className="timeline-event__precision">
          ({PRECISION_NOTES[item.precision] ?? PRECISION_LABELS[item.precision]})
        </span>{' '}
        · {item.agency?.name ?? UNATTRIBUTED}
      </p>
      <p className="timeline-event__title">{item.title}</p>
      {item.description && item.description !== item.title && (
        <p className={full ? 'timeline-event__description' : 'timeline-event__description--short'}>
          {item.description}
        </p>
      )}
      {full && item.source && (
        <p className="timeline-event__source">Record reference: {item.source}</p>
      )}
    </>
  );
}

/** The event under the pointer, beside it: below its lane, or above it near the bottom. */
export function TimelineTooltip({
  item,
  left,
  below,
  above,
  flip,
  height,
}: {
  item: TimelineItem;
  left: number;
  below: number;
  above: number;
  flip: boolean;
  height: number;
}) {
  return (
    <div
      className="timeline__tooltip"
      style={flip ? { left, bottom: height - above + 4 } : { left, top: below + 4 }}
      aria-hidden="true"
    >
      <TimelineEventSummary item={item} full={false} />
    </div>
  );
}

/** What the keyboard's focus announces, and the details of the event shown or pinned. */
export function TimelineFocusDetails({
  items,
  focused,
  shown,
  pinned,
  onUnpin,
}: {
  items: TimelineItem[];
  focused: number | null;
  shown: TimelineItem | null;
  pinned: boolean;
  onUnpin: () => void;
}) {
  return (
    <>
      <div className="timeline__announcer" role="status" aria-live="polite">
        {focused !== null && items[focused]
          ? describeEvent(items[focused], focused, items.length)
          : ''}
      </div>
      {shown && (
        <section className="timeline__detail" aria-label="Event details">
          <TimelineEventSummary item={shown} full />
          {pinned && (
            <button type="button" className="button button--secondary" onClick={onUnpin}>
              Close the details
            </button>
          )}
        </section>
      )}
    </>
  );
}
