import { Injectable } from '@nestjs/common';
import {
  CONTACT_TYPES,
  ContactTypeName,
  DATE_PRECISIONS,
  DatePrecisionName,
  parsePartialDate,
  TEXT_LIMITS,
} from '@scr/shared';
import { AppError } from '../common/app-error';
import { BundleChecker, isObject } from '../common/bundle-checker';
import { BundlePart, BundleRefs, BundleTarget, linked, refsToIds } from '../common/bundle-part';
import { Transaction } from '../database/unit-of-work';
import { ChronologyBundleRepository } from './chronology-bundle.repository';
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
    /** The contact with each person of `people` (absent in older bundles: MENTIONED). */
    contacts?: Record<string, ContactTypeName>;
  }[];
}

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The timeline's events and the people they involve, in and out of a bundle. */
@Injectable()
export class ChronologyBundlePart implements BundlePart<ChronologyBundleSection> {
  constructor(private readonly rows: ChronologyBundleRepository) {}

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
      if (e.contacts !== undefined) {
        if (!isObject(e.contacts)) checker.problem(`${path}.contacts`, 'must be an object');
        else {
          const people = Array.isArray(e.people) ? e.people : [];
          for (const ref of Object.keys(e.contacts)) {
            if (!people.includes(ref))
              checker.problem(`${path}.contacts.${ref}`, "is not one of the event's people");
            checker.oneOf(e.contacts, ref, `${path}.contacts`, CONTACT_TYPES);
          }
        }
      }
    });
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<ChronologyBundleSection> {
    const events = await this.rows.in(transaction).events(reviewId);
    const eventPeople = await this.rows.in(transaction).eventPeople(reviewId);
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
        contacts: Object.fromEntries(
          eventPeople
            .filter((link) => link.event_id === e.id)
            .map((link): [string, unknown] => [
              personRefs.get(link.person_id as string)!,
              link.contact,
            ])
            .sort(([a], [b]) => a.localeCompare(b)),
        ) as Record<string, ContactTypeName>,
      })),
    };
  }

  async write(
    transaction: Transaction,
    bundle: ChronologyBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const tables = this.rows.in(transaction);
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
      refsToIds(events, await tables.insertEvents(properties, rows)),
    );
    const personIds = refs.of('person');
    await tables.linkEventPeople(
      events.flatMap((e) =>
        [...new Set(e.people ?? [])].map((p) => [
          eventIds.get(e.ref),
          personIds.get(p),
          e.contacts?.[p] ?? 'MENTIONED',
        ]),
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
