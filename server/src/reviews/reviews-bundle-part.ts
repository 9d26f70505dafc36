import { Injectable } from '@nestjs/common';
import {
  AGENCY_SECTORS,
  AgencySectorName,
  MAX_PERSON_ALIASES,
  METHODOLOGIES,
  MethodologyName,
  PERSON_RELATIONSHIP_KINDS,
  PersonRelationshipKindName,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  SEXES,
  SexName,
  ReviewStatusName,
  ReviewTypeName,
  TEXT_LIMITS,
} from '@scr/shared';
import { BundleChecker, isObject } from '../common/bundle-checker';
import {
  BundlePart,
  BundleRefs,
  BundleTarget,
  refsToIds,
  toArrayLiteral,
} from '../common/bundle-part';
import { Transaction } from '../database/unit-of-work';
import { ImportedFrom } from './review.entity';
import { MembersRepository } from './members.repository';
import { ReviewsBundleRepository } from './reviews-bundle.repository';

/** The reviews context's sections of a bundle (docs/bundle-format.md). */
export interface ReviewsBundleSection {
  review: {
    reference: string;
    title: string;
    partnership: string;
    type: ReviewTypeName;
    status: ReviewStatusName;
    methodology: MethodologyName;
    periodStart: string | null;
    periodEnd: string | null;
    summary: string | null;
    caseCharacteristics: string[];
    /**
     * When the case group signed off the analysis and who recorded it; null when it has not (or
     * the sign-off was withdrawn). Left out by bundles made before it travelled.
     */
    caseGroupSignOff?: { at: string; by: string } | null;
  };
  agencies: { ref: string; name: string; sector: AgencySectorName }[];
  people: {
    ref: string;
    name: string;
    /**
     * Other names the person was known by: real names, so left out (empty) of a bundle without
     * them, and by bundles made before they travelled.
     */
    aliases?: string[];
    pseudonym: string;
    relationship: string | null;
    /** Older bundles: the household as text, read as one membership without dates. */
    household?: string | null;
    sex?: SexName;
    bornOn?: string | null;
    ageAtPeriodStart?: number | null;
    diedOn?: string | null;
    deceased?: boolean;
    isSubjectChild?: boolean;
    households?: BundleHouseholdMembership[];
  }[];
  relationships: {
    from: string;
    to: string;
    kind: PersonRelationshipKindName;
    separated?: boolean;
    endedOn?: string | null;
  }[];
}

export interface BundleHouseholdMembership {
  household: string;
  from: string | null;
  to: string | null;
  knownToAgencies: boolean;
  note: string | null;
}

/** The review itself, its agencies, people register and relationships, in and out of a bundle. */
@Injectable()
export class ReviewsBundlePart implements BundlePart<ReviewsBundleSection> {
  constructor(
    private readonly rows: ReviewsBundleRepository,
    private readonly members: MembersRepository,
  ) {}

  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const review = isObject(input.review)
      ? input.review
      : (checker.problem('review', 'is required'), {});
    checker.text(review, 'reference', 'review', true, TEXT_LIMITS.reviewReference);
    checker.text(review, 'title', 'review', true, TEXT_LIMITS.reviewTitle);
    checker.text(review, 'partnership', 'review', false, TEXT_LIMITS.partnership);
    checker.text(review, 'summary', 'review', false, TEXT_LIMITS.reviewSummary);
    checker.oneOf(review, 'type', 'review', REVIEW_TYPES);
    checker.oneOf(review, 'status', 'review', REVIEW_STATUSES);
    checker.oneOf(review, 'methodology', 'review', METHODOLOGIES);
    checker.day(review, 'periodStart', 'review');
    checker.day(review, 'periodEnd', 'review');
    checker.order(review, 'periodStart', 'periodEnd', 'review');
    checker.themes(review, 'caseCharacteristics', 'review', 'CASE_CHARACTERISTIC');
    checkSignOff(review.caseGroupSignOff, checker);

    const agencies = checker.list(input, 'agencies', '');
    checker.refs(agencies, 'agencies', 'agency');
    const agencyNames = new Set<string>();
    agencies.forEach((a, i) => {
      checker.text(a, 'name', `agencies[${i}]`, true, TEXT_LIMITS.agencyName);
      if (typeof a.name === 'string' && agencyNames.has(a.name))
        checker.problem(`agencies[${i}].name`, `"${a.name}" is listed twice`);
      agencyNames.add(a.name as string);
      checker.oneOf(a, 'sector', `agencies[${i}]`, AGENCY_SECTORS);
    });

    const people = checker.list(input, 'people', '');
    checker.refs(people, 'people', 'person');
    people.forEach((p, i) => {
      checker.text(p, 'pseudonym', `people[${i}]`, true, TEXT_LIMITS.pseudonym);
      checker.text(p, 'name', `people[${i}]`, false, TEXT_LIMITS.personName);
      checkAliases(p.aliases, `people[${i}].aliases`, checker);
      checker.text(p, 'relationship', `people[${i}]`, false, TEXT_LIMITS.personRelationship);
      checker.text(p, 'household', `people[${i}]`, false, TEXT_LIMITS.household);
      if (p.sex !== undefined) checker.oneOf(p, 'sex', `people[${i}]`, SEXES);
      checker.partialDate(p, 'bornOn', `people[${i}]`);
      checker.partialDate(p, 'diedOn', `people[${i}]`);
      checker.integer(p, 'ageAtPeriodStart', `people[${i}]`, 0, 130);
      checker.boolean(p, 'deceased', `people[${i}]`);
      checker.boolean(p, 'isSubjectChild', `people[${i}]`);
      checker.list(p, 'households', `people[${i}]`).forEach((m, j) => {
        const path = `people[${i}].households[${j}]`;
        checker.text(m, 'household', path, true, TEXT_LIMITS.household);
        checker.partialDate(m, 'from', path);
        checker.partialDate(m, 'to', path);
        checker.boolean(m, 'knownToAgencies', path);
        checker.text(m, 'note', path, false, TEXT_LIMITS.householdNote);
      });
    });
    checker.list(input, 'relationships', '').forEach((r, i) => {
      checker.pointsTo(r.from, 'person', `relationships[${i}].from`);
      checker.pointsTo(r.to, 'person', `relationships[${i}].to`);
      checker.oneOf(r, 'kind', `relationships[${i}]`, PERSON_RELATIONSHIP_KINDS);
      if (r.from === r.to)
        checker.problem(`relationships[${i}]`, 'a person cannot be related to themselves');
      checker.boolean(r, 'separated', `relationships[${i}]`);
      checker.partialDate(r, 'endedOn', `relationships[${i}]`);
    });
  }

  /** Whether a review here already has the reference (an import must not take it). */
  referenceTaken(transaction: Transaction, reference: string): Promise<boolean> {
    return this.rows.in(transaction).referenceTaken(reference);
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<ReviewsBundleSection> {
    const rows = this.rows.in(transaction);
    const review = await rows.review(reviewId);
    const agencies = await rows.agencies(reviewId);
    const people = await rows.people(reviewId);
    const relationships = await rows.relationships(reviewId);
    const households = await rows.households(reviewId);
    const agencyRefs = refs.number('agency', 'a', agencies);
    const personRefs = refs.number('person', 'p', people);
    return {
      review: {
        reference: review.reference as string,
        title: review.title as string,
        partnership: review.partnership as string,
        type: review.type as ReviewTypeName,
        status: review.status as ReviewStatusName,
        methodology: review.methodology as MethodologyName,
        periodStart: review.periodStart as string | null,
        periodEnd: review.periodEnd as string | null,
        summary: review.summary as string | null,
        caseCharacteristics: review.caseCharacteristicKeys as string[],
        caseGroupSignOff: review.caseGroupSignedOffAt
          ? {
              at: (review.caseGroupSignedOffAt as Date).toISOString(),
              by: review.caseGroupSignedOffBy as string,
            }
          : null,
      },
      agencies: agencies.map((a) => ({
        ref: agencyRefs.get(a.id as string)!,
        name: a.name as string,
        sector: a.sector as never,
      })),
      people: people.map((p) => ({
        ref: personRefs.get(p.id as string)!,
        name: p.name as string,
        aliases: p.aliases as string[],
        pseudonym: p.pseudonym as string,
        relationship: p.relationship as string | null,
        sex: p.sex as SexName,
        bornOn: p.bornOn as string | null,
        ageAtPeriodStart: p.ageAtPeriodStart as number | null,
        diedOn: p.diedOn as string | null,
        deceased: p.deceased as boolean,
        isSubjectChild: p.isSubjectChild as boolean,
        households: households
          .filter((m) => m.personId === p.id)
          .map((m) => ({
            household: m.household as string,
            from: m.from as string | null,
            to: m.to as string | null,
            knownToAgencies: m.knownToAgencies as boolean,
            note: m.note as string | null,
          })),
      })),
      relationships: relationships.map((r) => ({
        from: personRefs.get(r.fromPersonId as string)!,
        to: personRefs.get(r.toPersonId as string)!,
        kind: r.kind as never,
        separated: r.ended as boolean,
        endedOn: r.endedOn as string | null,
      })),
    };
  }

  /** Creates the review of an import, with the importer as its lead reviewer; its id. */
  async createReview(
    transaction: Transaction,
    bundle: ReviewsBundleSection,
    importer: { id: string },
    importedFrom: ImportedFrom,
  ): Promise<string> {
    const r = bundle.review;
    const reviewId = await this.rows.in(transaction).insertReview({
      reference: r.reference.trim(),
      title: r.title.trim(),
      partnership: r.partnership ?? '',
      type: r.type,
      status: r.status,
      methodology: r.methodology,
      periodStart: r.periodStart ?? null,
      periodEnd: r.periodEnd ?? null,
      summary: r.summary ?? null,
      caseCharacteristicKeys: r.caseCharacteristics ?? [],
      publishedAt: r.status === 'PUBLISHED' ? new Date() : null,
      caseGroupSignedOffAt: r.caseGroupSignOff ? new Date(r.caseGroupSignOff.at) : null,
      caseGroupSignedOffBy: r.caseGroupSignOff ? r.caseGroupSignOff.by.trim() : null,
      createdById: importer.id,
      updatedById: importer.id,
      importedFrom,
    });
    await this.members.in(transaction).insert(reviewId, importer.id, 'LEAD_REVIEWER');
    return reviewId;
  }

  async write(
    transaction: Transaction,
    bundle: ReviewsBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const rows = this.rows.in(transaction);
    const { reviewId, refs } = target;
    const agencies = bundle.agencies ?? [];
    refs.put(
      'agency',
      refsToIds(
        agencies,
        await rows.insertAgencies(
          ['reviewId', 'name', 'sector'],
          agencies.map((a) => [reviewId, a.name.trim(), a.sector]),
        ),
      ),
    );
    const people = bundle.people ?? [];
    const personIds = refs.put(
      'person',
      refsToIds(
        people,
        await rows.insertPeople(
          [
            'reviewId',
            'name',
            'aliases',
            'pseudonym',
            'relationship',
            'sex',
            'bornOn',
            'ageAtPeriodStart',
            'diedOn',
            'deceased',
            'isSubjectChild',
            'createdAt',
          ],
          people.map((p, i) => [
            reviewId,
            p.name ?? '',
            toArrayLiteral((p.aliases ?? []).map((a) => a.trim())),
            p.pseudonym.trim(),
            p.relationship ?? null,
            p.sex ?? 'NOT_KNOWN',
            p.bornOn ?? null,
            p.ageAtPeriodStart ?? null,
            p.diedOn ?? null,
            p.deceased ?? Boolean(p.diedOn),
            p.isSubjectChild ?? false,
            target.inOrder(i),
          ]),
        ),
      ),
    );
    await rows.insertHouseholds(
      ['personId', 'position', 'household', 'from', 'to', 'knownToAgencies', 'note'],
      people.flatMap((p) =>
        membershipsOf(p).map((m, position) => [
          personIds.get(p.ref),
          position,
          m.household.trim(),
          m.from ?? null,
          m.to ?? null,
          m.knownToAgencies ?? true,
          m.note ?? null,
        ]),
      ),
    );
    await rows.insertRelationships(
      ['reviewId', 'fromPersonId', 'toPersonId', 'kind', 'ended', 'endedOn'],
      (bundle.relationships ?? []).map((x) => [
        reviewId,
        personIds.get(x.from),
        personIds.get(x.to),
        x.kind,
        x.separated ?? Boolean(x.endedOn),
        x.endedOn ?? null,
      ]),
    );
    target.counts.agencies = agencies.length;
    target.counts.people = people.length;
  }
}

/** A person's household memberships; an older bundle's household text is one without dates. */
function membershipsOf(
  person: ReviewsBundleSection['people'][number],
): (Partial<BundleHouseholdMembership> & { household: string })[] {
  if (person.households) return person.households;
  const text = person.household?.trim();
  return text ? [{ household: text }] : [];
}

/** The case group's sign-off of a bundle's review: absent, null, or when and by whom. */
function checkSignOff(value: unknown, checker: BundleChecker): void {
  if (value === undefined || value === null) return;
  const path = 'review.caseGroupSignOff';
  if (!isObject(value)) return checker.problem(path, 'must be an object or null');
  checker.text(value, 'by', path, true, TEXT_LIMITS.personName);
  if (
    typeof value.at !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T/.test(value.at) ||
    Number.isNaN(Date.parse(value.at))
  )
    checker.problem(`${path}.at`, 'must be a date and time (ISO 8601)');
}

/** A person's other names: a list of at most MAX_PERSON_ALIASES distinct, non-empty names. */
function checkAliases(aliases: unknown, path: string, checker: BundleChecker): void {
  if (aliases === undefined) return;
  if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || !a.trim())) {
    checker.problem(path, 'must be a list of non-empty names');
    return;
  }
  if (aliases.length > MAX_PERSON_ALIASES)
    checker.problem(
      path,
      `must have at most ${MAX_PERSON_ALIASES} names (it has ${aliases.length})`,
    );
  const seen = new Set<string>();
  (aliases as string[]).forEach((alias, j) => {
    const key = alias.trim().toLocaleLowerCase();
    if (alias.length > TEXT_LIMITS.personAlias)
      checker.problem(
        `${path}[${j}]`,
        `must be at most ${TEXT_LIMITS.personAlias} characters long (it has ${alias.length})`,
      );
    if (seen.has(key)) checker.problem(`${path}[${j}]`, `"${alias.trim()}" is listed twice`);
    seen.add(key);
  });
}
