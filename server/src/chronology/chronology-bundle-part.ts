import { Injectable } from '@nestjs/common';
import { DATE_PRECISIONS, DatePrecisionName, parsePartialDate, TEXT_LIMITS } from '@scr/shared';
import { AppError } from '../common/app-error';
import { BundleChecker } from '../common/bundle-checker';
import { BundlePart, BundleRefs, BundleTarget, linked, refsToIds } from '../common/bundle-part';
import { insertColumns, insertRows } from '../database/bulk-insert';
import { allColumns } from '../database/entity-columns';
import { managerOf, Transaction } from '../database/unit-of-work';
import { TimelineEvent } from './timeline-event.entity';

/** The chronology's section of a bundle (docs/bundle-format.md). */
export interface ChronologyBundleSection {
  events: {
    ref: string;
    occurredOn: string;
    precision: DatePrecisionName;
    /** HH:MM, optional */
    time?: string | null;
    agency: string | null;
    title: string;
    description: string | null;
    source: string | null;
    people: string[];
  }[];
}

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * The timeline's events and the people they involve, in and out of a bundle. It reads and writes
 * through the transaction's manager until the chronology has repositories of its own.
 */
@Injectable()
export class ChronologyBundlePart implements BundlePart<ChronologyBundleSection> {
  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const events = checker.list(input, 'events', '');
    checker.refs(events, 'events', 'event');
    events.forEach((e, i) => {
      const path = `events[${i}]`;
      checker.text(e, 'title', path, true, TEXT_LIMITS.eventTitle);
      checker.text(e, 'description', path, false, TEXT_LIMITS.eventDescription);
      checker.text(e, 'source', path, false, TEXT_LIMITS.eventSource);
      checker.oneOf(e, 'precision', path, DATE_PRECISIONS);
      if (typeof e.occurredOn !== 'string') checker.problem(`${path}.occurredOn`, 'is required');
      else if (DATE_PRECISIONS.includes(e.precision as DatePrecisionName)) {
        const parsed = parsePartialDate(e.occurredOn, e.precision as DatePrecisionName);
        if (typeof parsed === 'string') checker.problem(`${path}.occurredOn`, parsed);
      }
      if (
        e.time !== undefined &&
        e.time !== null &&
        (typeof e.time !== 'string' || !TIME_OF_DAY.test(e.time))
      ) {
        checker.problem(`${path}.time`, `must be a time HH:MM (got ${JSON.stringify(e.time)})`);
      }
      checker.pointsTo(e.agency, 'agency', `${path}.agency`, true);
      checker.pointAll(e, 'people', 'person', path);
    });
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<ChronologyBundleSection> {
    const manager = managerOf(transaction);
    const events: Record<string, unknown>[] = await manager.query(
      `SELECT ${allColumns(manager, TimelineEvent, 'e')} FROM timeline_event e
       WHERE e.review_id = $1 ORDER BY e.sort_date, e.sequence`,
      [reviewId],
    );
    const eventPeople: Record<string, unknown>[] = await manager.query(
      `SELECT ep.* FROM timeline_event_person ep JOIN timeline_event e ON e.id = ep.event_id WHERE e.review_id = $1`,
      [reviewId],
    );
    const eventRefs = refs.number('event', 'e', events);
    const personRefs = refs.of('person');
    return {
      events: events.map((e) => ({
        ref: eventRefs.get(e.id as string)!,
        occurredOn: e.occurredOn as string,
        precision: e.precision as never,
        time: e.timeOfDay as string | null,
        agency: refs.lookUp('agency', e.agencyId),
        title: e.title as string,
        description: e.description as string | null,
        source: e.source as string | null,
        people: linked(eventPeople, 'event_id', 'person_id', e.id, personRefs).sort(),
      })),
    };
  }

  async write(
    transaction: Transaction,
    bundle: ChronologyBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const manager = managerOf(transaction);
    const { reviewId, refs } = target;
    const events = bundle.events ?? [];
    const rows = events.map((e) => {
      const date = parsePartialDateOrThrow(e.occurredOn, e.precision);
      return [
        reviewId,
        date.value,
        date.precision,
        date.sortDate,
        date.endDate,
        e.time ?? null,
        e.agency ? refs.of('agency').get(e.agency) : null,
        e.title.trim(),
        e.description ?? null,
        e.source ?? null,
      ];
    });
    const properties = [
      'reviewId',
      'occurredOn',
      'precision',
      'sortDate',
      'endDate',
      'timeOfDay',
      'agencyId',
      'title',
      'description',
      'source',
    ] satisfies (keyof TimelineEvent)[];
    const eventIds = refs.put(
      'event',
      refsToIds(events, await insertRows(manager, TimelineEvent, properties, rows)),
    );
    const personIds = refs.of('person');
    await insertColumns(
      manager,
      'timeline_event_person',
      [
        ['event_id', 'uuid'],
        ['person_id', 'uuid'],
      ],
      events.flatMap((e) =>
        [...new Set(e.people ?? [])].map((p) => [eventIds.get(e.ref), personIds.get(p)]),
      ),
    );
    target.counts.events = events.length;
  }
}

function parsePartialDateOrThrow(value: string, precision: DatePrecisionName) {
  const parsed = parsePartialDate(value, precision);
  if (typeof parsed === 'string') throw new AppError('BAD_USER_INPUT', parsed);
  return parsed;
}
