import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError, forbidden } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { LONG_WORK_STATEMENT_TIMEOUT } from '../database/data-source-options';
import { ReviewAccessService } from '../reviews/review-access.service';
import { Role, User } from '../users/user.entity';
import { parsePartialDate } from '@scr/shared';
import {
  BundleNames,
  BundleSource,
  checkSource,
  ExportedBundle,
  importedFromOf,
  installationId,
  withoutRealNames,
} from './bundle-provenance';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  checkBundle,
  MAX_PROBLEMS_LISTED,
  ReviewBundle,
} from './review-bundle';

type Row = Record<string, unknown>;

/** Gives every id a bundle reference (a1, a2 …) in the order the rows come. */
function refMap(prefix: string, rows: Row[]): Map<string, string> {
  return new Map(rows.map((row, i) => [row.id as string, `${prefix}${i + 1}`]));
}

const refOf = (map: Map<string, string>, id: unknown) =>
  id ? (map.get(id as string) ?? null) : null;

@Injectable()
export class BundlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The whole review as a bundle. With real names it is a copy of everything, so a lead reviewer's
   * or an administrator's action; anyone else who may read the review gets it with pseudonyms only.
   * Every export is recorded in the review's audit trail (docs/bundle-format.md).
   */
  async export(user: User, reviewId: string, names?: BundleNames): Promise<ExportedBundle> {
    const loaders = new RequestLoaders(this.dataSource);
    const review = await this.access.require(user, reviewId, 'read', loaders);
    const allowed = await this.access.capabilities(user, review, loaders);
    const realNames = (names ?? (allowed.has('manage') ? 'real' : 'pseudonyms')) === 'real';
    if (realNames && !allowed.has('manage'))
      throw forbidden(
        "A bundle with real names is exported by the review's lead reviewer or an administrator; ask for names=pseudonyms.",
      );
    const bundle = await this.read(reviewId);
    return this.dataSource.transaction(async (manager) => {
      const source: BundleSource = {
        installation: await installationId(manager),
        reviewId,
        reference: review.reference,
        exportedBy: user.email,
        realNames,
      };
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'download',
        after: { download: 'bundle.json', realNames },
      });
      return { ...(realNames ? bundle : withoutRealNames(bundle)), source };
    });
  }

  /** The review as a bundle, with real names, read from one snapshot. */
  private read(reviewId: string): Promise<ReviewBundle> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const q = (sql: string) => manager.query<Row[]>(sql, [reviewId]);
      const [review] = await q(`SELECT * FROM review WHERE id = $1`);
      const agencies = await q(`SELECT * FROM agency WHERE review_id = $1 ORDER BY name, id`);
      const people = await q(`SELECT * FROM person WHERE review_id = $1 ORDER BY created_at, id`);
      const relationships = await q(
        `SELECT r.* FROM person_relationship r JOIN person a ON a.id = r.from_person_id JOIN person b ON b.id = r.to_person_id
         WHERE r.review_id = $1 ORDER BY r.kind, a.created_at, a.id, b.created_at, b.id`,
      );
      const events = await q(
        `SELECT * FROM timeline_event WHERE review_id = $1 ORDER BY sort_date, sequence`,
      );
      const eventPeople = await q(
        `SELECT ep.* FROM timeline_event_person ep JOIN timeline_event e ON e.id = ep.event_id WHERE e.review_id = $1`,
      );
      const episodes = await q(
        `SELECT * FROM practice_episode WHERE review_id = $1 ORDER BY ordinal`,
      );
      const episodeEvents = await q(
        `SELECT ee.* FROM episode_event ee JOIN practice_episode k ON k.id = ee.episode_id JOIN timeline_event e ON e.id = ee.event_id
         WHERE k.review_id = $1 ORDER BY e.sort_date, e.sequence`,
      );
      const factors = await q(
        `SELECT f.* FROM contributory_factor f JOIN practice_episode k ON k.id = f.episode_id WHERE f.review_id = $1 ORDER BY k.ordinal, f.level, f.created_at, f.id`,
      );
      const findings = await q(`SELECT * FROM finding WHERE review_id = $1 ORDER BY ordinal`);
      const evidence = await q(
        `SELECT fe.* FROM finding_evidence fe JOIN finding n ON n.id = fe.finding_id WHERE n.review_id = $1 ORDER BY fe.position`,
      );
      const actions = await q(
        `SELECT * FROM board_action WHERE review_id = $1 ORDER BY created_at, id`,
      );

      const agencyRefs = refMap('a', agencies);
      const personRefs = refMap('p', people);
      const eventRefs = refMap('e', events);
      const episodeRefs = refMap('k', episodes);
      const factorRefs = refMap('f', factors);
      const linked = (
        rows: Row[],
        key: string,
        value: string,
        id: unknown,
        refs: Map<string, string>,
      ) => rows.filter((row) => row[key] === id).map((row) => refs.get(row[value] as string)!);

      return {
        format: BUNDLE_FORMAT,
        formatVersion: BUNDLE_FORMAT_VERSION,
        exportedAt: new Date().toISOString(),
        review: {
          reference: review.reference as string,
          title: review.title as string,
          partnership: review.partnership as string,
          type: review.type as ReviewBundle['review']['type'],
          status: review.status as ReviewBundle['review']['status'],
          methodology: review.methodology as ReviewBundle['review']['methodology'],
          periodStart: review.period_start as string | null,
          periodEnd: review.period_end as string | null,
          summary: review.summary as string | null,
          caseCharacteristics: review.case_characteristics as string[],
        },
        agencies: agencies.map((a) => ({
          ref: agencyRefs.get(a.id as string)!,
          name: a.name as string,
          sector: a.sector as never,
        })),
        people: people.map((p) => ({
          ref: personRefs.get(p.id as string)!,
          name: p.name as string,
          pseudonym: p.pseudonym as string,
          relationship: p.relationship as string | null,
          household: p.household as string | null,
        })),
        relationships: relationships.map((r) => ({
          from: personRefs.get(r.from_person_id as string)!,
          to: personRefs.get(r.to_person_id as string)!,
          kind: r.kind as never,
        })),
        events: events.map((e) => ({
          ref: eventRefs.get(e.id as string)!,
          occurredOn: e.occurred_on as string,
          precision: e.precision as never,
          time: e.time_of_day as string | null,
          agency: refOf(agencyRefs, e.agency_id),
          title: e.title as string,
          description: e.description as string | null,
          source: e.source as string | null,
          people: linked(eventPeople, 'event_id', 'person_id', e.id, personRefs).sort(),
        })),
        episodes: episodes.map((k) => ({
          ref: episodeRefs.get(k.id as string)!,
          ordinal: k.ordinal as number,
          title: k.title as string,
          summary: k.summary as string | null,
          startDate: k.start_date as string | null,
          endDate: k.end_date as string | null,
          events: linked(episodeEvents, 'episode_id', 'event_id', k.id, eventRefs),
          viewFromTheTunnel: k.view_from_the_tunnel as string | null,
          appraisal: k.appraisal as never,
          appraisalNarrative: k.appraisal_narrative as string | null,
        })),
        factors: factors.map((f) => ({
          ref: factorRefs.get(f.id as string)!,
          episode: episodeRefs.get(f.episode_id as string)!,
          level: f.level as never,
          description: f.description as string,
          themes: f.theme_keys as string[],
        })),
        findings: findings.map((n, i) => ({
          ref: `n${i + 1}`,
          ordinal: n.ordinal as number,
          title: n.title as string,
          category: n.category as never,
          statement: n.statement as string | null,
          manifestation: n.manifestation as string | null,
          prevalence: n.prevalence as string | null,
          significance: n.significance as string | null,
          questions: n.questions as string[],
          episodes: linked(
            evidence.filter((x) => x.episode_id),
            'finding_id',
            'episode_id',
            n.id,
            episodeRefs,
          ),
          factors: linked(
            evidence.filter((x) => x.factor_id),
            'finding_id',
            'factor_id',
            n.id,
            factorRefs,
          ),
          events: linked(
            evidence.filter((x) => x.event_id),
            'finding_id',
            'event_id',
            n.id,
            eventRefs,
          ),
          themes: n.theme_keys as string[],
          boardActions: actions
            .filter((a) => a.finding_id === n.id)
            .map((a) => ({
              description: a.description as string,
              owningAgency: refOf(agencyRefs, a.owning_agency_id),
              dueDate: a.due_date as string | null,
              status: a.status as never,
              droppedReason: a.dropped_reason as string | null,
              impactNote: a.impact_note as string | null,
            })),
        })),
      };
    });
  }

  /** Imports a bundle as a new review whose lead reviewer is the importer; all or nothing. */
  async import(user: User, input: unknown): Promise<{ reviewId: string; reference: string }> {
    if (![Role.ADMIN, Role.REVIEWER].includes(user.role))
      throw forbidden('Only reviewers and administrators import reviews.');
    const work = async (manager: EntityManager) => {
      const themes: { key: string; kind: string }[] = await manager.query(
        `SELECT key, kind FROM theme`,
      );
      const problems = [
        ...checkBundle(input, new Map(themes.map((t) => [t.key, t.kind]))),
        ...checkSource(input),
      ];
      const bundle = input as ReviewBundle;
      if (problems.length === 0) {
        const [{ taken }] = await manager.query(
          `SELECT count(*)::int AS taken FROM review WHERE reference = $1`,
          [bundle.review.reference],
        );
        if (taken)
          problems.push({
            path: 'review.reference',
            message: `a review with the reference "${bundle.review.reference}" already exists here`,
          });
      }
      if (problems.length > 0) {
        throw new AppError(
          'BAD_USER_INPUT',
          `The bundle was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, starting with ${problems[0].path}: ${problems[0].message}.`,
          {
            problems: problems.slice(0, MAX_PROBLEMS_LISTED),
            problemCount: problems.length,
          },
        );
      }
      await manager.query(`SET LOCAL statement_timeout = '${LONG_WORK_STATEMENT_TIMEOUT}'`);
      return this.store(manager, user, bundle);
    };
    return this.dataSource.transaction(work);
  }

  private async store(
    manager: EntityManager,
    user: User,
    bundle: ReviewBundle,
  ): Promise<{ reviewId: string; reference: string }> {
    const r = bundle.review;
    const importedFrom = importedFromOf(bundle, user, new Date());
    const [{ id: reviewId }] = await manager.query(
      `INSERT INTO review (reference, title, partnership, type, status, methodology, period_start, period_end, summary,
         case_characteristics, published_at, created_by, updated_by, imported_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13) RETURNING id`,
      [
        r.reference.trim(),
        r.title.trim(),
        r.partnership ?? '',
        r.type,
        r.status,
        r.methodology,
        r.periodStart ?? null,
        r.periodEnd ?? null,
        r.summary ?? null,
        r.caseCharacteristics ?? [],
        r.status === 'PUBLISHED' ? new Date() : null,
        user.id,
        importedFrom,
      ],
    );
    await manager.query(
      `INSERT INTO review_member (review_id, user_id, role) VALUES ($1, $2, 'LEAD_REVIEWER')`,
      [reviewId, user.id],
    );

    /**
     * Inserts rows column-wise with unnest, under ids made here so that each new id is known to
     * belong to its row. Array columns travel as array literals and are cast back (`text[]`).
     */
    const insertMany = async (
      table: string,
      columns: [string, string][],
      rows: unknown[][],
      withIds = true,
    ): Promise<string[]> => {
      if (rows.length === 0) return [];
      const newIds = rows.map(() => randomUUID());
      if (withIds) {
        columns = [['id', 'uuid'], ...columns];
        rows = rows.map((row, i) => [newIds[i], ...row]);
      }
      const isArray = (type: string) => type.endsWith('[]');
      const unnest = columns
        .map(([, type], i) => `$${i + 1}::${isArray(type) ? 'text' : type}[]`)
        .join(', ');
      const aliases = columns.map((_, i) => `c${i}`).join(', ');
      const selected = columns
        .map(([, type], i) => (isArray(type) ? `c${i}::${type}` : `c${i}`))
        .join(', ');
      const names = columns.map(([name]) => name).join(', ');
      await manager.query(
        `INSERT INTO ${table} (${names}) SELECT ${selected} FROM unnest(${unnest}) AS u(${aliases})`,
        columns.map((_, i) => rows.map((row) => row[i])),
      );
      return newIds;
    };
    const ids = (refs: { ref: string }[], newIds: string[]) =>
      new Map(refs.map((item, i) => [item.ref, newIds[i]]));
    // Lists kept in the order they were added get creation times a millisecond apart, so the
    // bundle's order survives the import.
    const start = Date.now();
    const inOrder = (i: number) => new Date(start + i);

    const agencies = ids(
      bundle.agencies ?? [],
      await insertMany(
        'agency',
        [
          ['review_id', 'uuid'],
          ['name', 'text'],
          ['sector', 'agency_sector'],
        ],
        (bundle.agencies ?? []).map((a) => [reviewId, a.name.trim(), a.sector]),
      ),
    );
    const people = ids(
      bundle.people ?? [],
      await insertMany(
        'person',
        [
          ['review_id', 'uuid'],
          ['name', 'text'],
          ['pseudonym', 'text'],
          ['relationship', 'text'],
          ['household', 'text'],
          ['created_at', 'timestamptz'],
        ],
        (bundle.people ?? []).map((p, i) => [
          reviewId,
          p.name ?? '',
          p.pseudonym.trim(),
          p.relationship ?? null,
          p.household ?? null,
          inOrder(i),
        ]),
      ),
    );
    await insertMany(
      'person_relationship',
      [
        ['review_id', 'uuid'],
        ['from_person_id', 'uuid'],
        ['to_person_id', 'uuid'],
        ['kind', 'person_relationship_kind'],
      ],
      (bundle.relationships ?? []).map((x) => [
        reviewId,
        people.get(x.from),
        people.get(x.to),
        x.kind,
      ]),
    );

    const eventRows = (bundle.events ?? []).map((e) => {
      const date = parsePartialDateOrThrow(e.occurredOn, e.precision);
      return [
        reviewId,
        date.value,
        date.precision,
        date.sortDate,
        date.endDate,
        e.time ?? null,
        e.agency ? agencies.get(e.agency) : null,
        e.title.trim(),
        e.description ?? null,
        e.source ?? null,
      ];
    });
    const events = ids(
      bundle.events ?? [],
      await insertMany(
        'timeline_event',
        [
          ['review_id', 'uuid'],
          ['occurred_on', 'text'],
          ['precision', 'date_precision'],
          ['sort_date', 'date'],
          ['end_date', 'date'],
          ['time_of_day', 'text'],
          ['agency_id', 'uuid'],
          ['title', 'text'],
          ['description', 'text'],
          ['source', 'text'],
        ],
        eventRows,
      ),
    );
    await insertMany(
      'timeline_event_person',
      [
        ['event_id', 'uuid'],
        ['person_id', 'uuid'],
      ],
      (bundle.events ?? []).flatMap((e) =>
        [...new Set(e.people ?? [])].map((p) => [events.get(e.ref), people.get(p)]),
      ),
      false,
    );

    const episodesInOrder = [...(bundle.episodes ?? [])].sort(
      (a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0),
    );
    const episodes = ids(
      episodesInOrder,
      await insertMany(
        'practice_episode',
        [
          ['review_id', 'uuid'],
          ['ordinal', 'int'],
          ['title', 'text'],
          ['summary', 'text'],
          ['start_date', 'date'],
          ['end_date', 'date'],
          ['view_from_the_tunnel', 'text'],
          ['appraisal', 'practice_appraisal'],
          ['appraisal_narrative', 'text'],
        ],
        episodesInOrder.map((k, i) => [
          reviewId,
          i + 1,
          k.title.trim(),
          k.summary ?? null,
          k.startDate ?? null,
          k.endDate ?? null,
          k.viewFromTheTunnel ?? null,
          k.appraisal,
          k.appraisalNarrative ?? null,
        ]),
      ),
    );
    await insertMany(
      'episode_event',
      [
        ['episode_id', 'uuid'],
        ['event_id', 'uuid'],
      ],
      episodesInOrder.flatMap((k) =>
        [...new Set(k.events ?? [])].map((e) => [episodes.get(k.ref), events.get(e)]),
      ),
      false,
    );

    const factors = ids(
      bundle.factors ?? [],
      await insertMany(
        'contributory_factor',
        [
          ['review_id', 'uuid'],
          ['episode_id', 'uuid'],
          ['level', 'factor_level'],
          ['description', 'text'],
          ['theme_keys', 'text[]'],
          ['created_at', 'timestamptz'],
        ],
        (bundle.factors ?? []).map((f, i) => [
          reviewId,
          episodes.get(f.episode),
          f.level,
          f.description.trim(),
          toArrayLiteral(f.themes ?? []),
          inOrder(i),
        ]),
      ),
    );

    const findingsInOrder = [...(bundle.findings ?? [])].sort(
      (a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0),
    );
    const findingIds = await insertMany(
      'finding',
      [
        ['review_id', 'uuid'],
        ['ordinal', 'int'],
        ['title', 'text'],
        ['category', 'finding_category'],
        ['statement', 'text'],
        ['manifestation', 'text'],
        ['prevalence', 'text'],
        ['significance', 'text'],
        ['questions', 'text[]'],
        ['theme_keys', 'text[]'],
      ],
      findingsInOrder.map((n, i) => [
        reviewId,
        i + 1,
        n.title.trim(),
        n.category,
        n.statement ?? null,
        n.manifestation ?? null,
        n.prevalence ?? null,
        n.significance ?? null,
        toArrayLiteral(n.questions ?? []),
        toArrayLiteral(n.themes ?? []),
      ]),
    );
    const evidence: unknown[][] = [];
    const actions: unknown[][] = [];
    findingsInOrder.forEach((n, i) => {
      const links = [
        ...[...new Set(n.episodes ?? [])].map((ref) => [episodes.get(ref), null, null]),
        ...[...new Set(n.factors ?? [])].map((ref) => [null, factors.get(ref), null]),
        ...[...new Set(n.events ?? [])].map((ref) => [null, null, events.get(ref)]),
      ];
      links.forEach((link, position) => evidence.push([findingIds[i], position + 1, ...link]));
      for (const a of n.boardActions ?? []) {
        actions.push([
          reviewId,
          findingIds[i],
          a.description.trim(),
          a.owningAgency ? agencies.get(a.owningAgency) : null,
          a.dueDate ?? null,
          a.status,
          a.droppedReason ?? null,
          a.impactNote ?? null,
          inOrder(actions.length),
        ]);
      }
    });
    if (evidence.length) {
      await manager.query(
        `INSERT INTO finding_evidence (finding_id, position, episode_id, factor_id, event_id)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[], $5::uuid[])`,
        [0, 1, 2, 3, 4].map((c) => evidence.map((row) => row[c])),
      );
    }
    await insertMany(
      'board_action',
      [
        ['review_id', 'uuid'],
        ['finding_id', 'uuid'],
        ['description', 'text'],
        ['owning_agency_id', 'uuid'],
        ['due_date', 'date'],
        ['status', 'board_action_status'],
        ['dropped_reason', 'text'],
        ['impact_note', 'text'],
        ['created_at', 'timestamptz'],
      ],
      actions,
    );

    await this.audit.record(manager, user, {
      reviewId,
      entityType: 'Review',
      entityId: reviewId,
      action: 'import',
      after: {
        reference: r.reference,
        agencies: agencies.size,
        people: people.size,
        events: events.size,
        episodes: episodes.size,
        factors: factors.size,
        findings: findingIds.length,
        boardActions: actions.length,
        importedFrom,
      },
    });
    return { reviewId, reference: r.reference };
  }
}

/** A text[] literal for unnest of a two-dimensional input, with each element quoted. */
function toArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function parsePartialDateOrThrow(
  value: string,
  precision: ReviewBundle['events'][number]['precision'],
) {
  const parsed = parsePartialDate(value, precision);
  if (typeof parsed === 'string') throw new AppError('BAD_USER_INPUT', parsed);
  return parsed;
}
