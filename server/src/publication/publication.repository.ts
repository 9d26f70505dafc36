import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { NamedPerson, practitionersInSource, ScannedText } from './anonymisation';

/** The tables whose texts the anonymisation check reads, and where each record is fixed. */
const SCANNED: readonly {
  table: string;
  recordType: string;
  fixAt: (row: Record<string, unknown>) => string;
  /** columns that are not published text: real names kept on purpose, agencies' own names */
  skip?: readonly string[];
}[] = [
  { table: 'review', recordType: 'Review', fixAt: () => '', skip: ['imported_from'] },
  { table: 'agency', recordType: 'Agency', fixAt: () => 'registers/agencies', skip: ['name'] },
  {
    table: 'person',
    recordType: 'Person',
    fixAt: () => 'registers/people',
    skip: ['name', 'aliases'],
  },
  {
    table: 'household_membership',
    recordType: 'HouseholdMembership',
    fixAt: () => 'registers/people',
  },
  {
    table: 'timeline_event',
    recordType: 'TimelineEvent',
    fixAt: (row) => `chronology?event=${String(row.id)}`,
  },
  {
    table: 'practice_episode',
    recordType: 'PracticeEpisode',
    fixAt: (row) => `episodes/${String(row.id)}`,
  },
  {
    table: 'contributory_factor',
    recordType: 'ContributoryFactor',
    fixAt: (row) => `episodes/${String(row.episode_id)}`,
  },
  { table: 'finding', recordType: 'Finding', fixAt: (row) => `findings/${String(row.id)}` },
  { table: 'board_action', recordType: 'BoardAction', fixAt: () => 'board' },
  { table: 'review_comment', recordType: 'Comment', fixAt: () => 'comments' },
  { table: 'review_question', recordType: 'ReviewQuestion', fixAt: () => 'setup' },
  { table: 'review_conversation', recordType: 'ReviewConversation', fixAt: () => 'setup' },
];

/** Columns that hold no free text: keys, dates, enums, and who did what (account names). */
const NOT_TEXT =
  /^(id|position|ordinal|version|status|sector|kind|type|level|effect|tier|category|precision|sex|methodology|format|time|.*_id|.*_ids|.*_at|.*_on|.*_date|.*_by|.*_by_name|author_name|.*_keys|themes?)$/;

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every string inside a column's value, with the path to it ("references.citation"). */
function stringsIn(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((inner) => stringsIn(inner, path));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      NOT_TEXT.test(key) || key === 'url' ? [] : stringsIn(inner, `${path}.${key}`),
    );
  return [];
}

export interface ReviewTexts {
  people: NamedPerson[];
  practitioners: string[];
  agencyNames: string[];
  texts: ScannedText[];
}

/** What the anonymisation check reads, and the publication's own rows. */
@Injectable()
export class PublicationRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Every text of the review and its records, with the names the check looks for. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async textsOf(reviewId: string): Promise<ReviewTexts> {
    const texts: ScannedText[] = [];
    const people: NamedPerson[] = [];
    const practitioners = new Set<string>();
    const agencyNames: string[] = [];
    for (const scanned of SCANNED) {
      const where =
        scanned.table === 'review'
          ? 't.id = $1'
          : scanned.table === 'household_membership'
            ? 't.person_id IN (SELECT p.id FROM person p WHERE p.review_id = $1)'
            : 't.review_id = $1';
      const rows = await this.manager.query<{ row: Record<string, unknown> }[]>(
        `SELECT to_jsonb(t) AS row FROM ${scanned.table} t WHERE ${where} ORDER BY t.id`,
        [reviewId],
      );
      for (const { row } of rows) {
        if (scanned.table === 'person')
          people.push({
            name: row.name as string | null,
            aliases: (row.aliases as string[]) ?? [],
          });
        if (scanned.table === 'agency') agencyNames.push(row.name as string);
        if (scanned.table === 'timeline_event')
          for (const name of practitionersInSource(row.source as string | null))
            practitioners.add(name);
        for (const [column, value] of Object.entries(row)) {
          if (NOT_TEXT.test(column) || scanned.skip?.includes(column)) continue;
          for (const [field, text] of stringsIn(value, camel(column))) {
            if (!text.trim()) continue;
            texts.push({
              recordType: scanned.recordType,
              recordId: String(row.id),
              field,
              text,
              fixAt: scanned.fixAt(row),
            });
          }
        }
      }
    }
    return { people, practitioners: [...practitioners], agencyNames, texts };
  }

  /** The highest snapshot version of the review so far, 0 when never published. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async latestVersion(reviewId: string): Promise<number> {
    const [row] = await this.manager.query<{ version: number }[]>(
      `SELECT coalesce(max(version), 0)::int AS version FROM review_snapshot WHERE review_id = $1`,
      [reviewId],
    );
    return row.version;
  }

  /** Locks the review's row until the end of the transaction, so two publications queue. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async lockReview(reviewId: string): Promise<void> {
    await this.manager.query(`SELECT id FROM review WHERE id = $1 FOR UPDATE`, [reviewId]);
  }

  /** The ids of the review's findings by their ordinal, for the corpus rows. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async findingIds(reviewId: string): Promise<Map<number, string>> {
    const rows = await this.manager.query<{ id: string; ordinal: number }[]>(
      `SELECT id, ordinal FROM finding WHERE review_id = $1`,
      [reviewId],
    );
    return new Map(rows.map((row) => [row.ordinal, row.id]));
  }

  /** Writes a snapshot; returns its id. */
  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        version: 1,
        publishedAt: new Date('2024-01-31T00:00:00.000Z'),
        publishedByName: DummyValue.TEXT,
        overrideReason: null,
        content: {},
      },
    ],
  })
  async insertSnapshot(snapshot: {
    reviewId: string;
    version: number;
    publishedAt: Date;
    publishedByName: string;
    overrideReason: string | null;
    content: object;
  }): Promise<string> {
    const [row] = await this.manager.query<{ id: string }[]>(
      `INSERT INTO review_snapshot (review_id, version, published_at, published_by_name, override_reason, content)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        snapshot.reviewId,
        snapshot.version,
        snapshot.publishedAt,
        snapshot.publishedByName,
        snapshot.overrideReason,
        JSON.stringify(snapshot.content),
      ],
    );
    return row.id;
  }

  /** The corpus's row for one snapshot of a review. */
  @GenerateSql({
    params: [
      {
        snapshotId: DummyValue.UUID,
        reviewId: DummyValue.OTHER_UUID,
        reference: DummyValue.TEXT,
        title: DummyValue.TEXT,
        partnership: DummyValue.TEXT,
        type: 'SERIOUS_CASE_REVIEW',
        publishedAt: new Date('2024-01-31T00:00:00.000Z'),
        periodStart: null,
        periodEnd: null,
        caseCharacteristics: [],
        practiceThemes: [],
        categories: [],
        agencySectors: [],
      },
    ],
  })
  async insertCorpusReview(row: {
    snapshotId: string;
    reviewId: string;
    reference: string;
    title: string;
    partnership: string;
    type: string;
    publishedAt: Date;
    periodStart: string | null;
    periodEnd: string | null;
    caseCharacteristics: string[];
    practiceThemes: string[];
    categories: string[];
    agencySectors: string[];
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO corpus_review (snapshot_id, review_id, reference, title, partnership, type,
         published_at, publication_year, incident_year, period_start, period_end,
         case_characteristics, practice_themes, categories, agency_sectors)
       VALUES ($1, $2, $3, $4, $5, $6, $7, extract(year FROM $7::timestamptz)::int,
         extract(year FROM $9::date)::int, $8, $9, $10, $11, $12::finding_category[], $13::agency_sector[])`,
      [
        row.snapshotId,
        row.reviewId,
        row.reference,
        row.title,
        row.partnership,
        row.type,
        row.publishedAt,
        row.periodStart,
        row.periodEnd,
        row.caseCharacteristics,
        row.practiceThemes,
        row.categories,
        row.agencySectors,
      ],
    );
  }

  /** The corpus's rows for the findings of one snapshot. */
  @GenerateSql({ params: [DummyValue.UUID, []] })
  async insertCorpusFindings(
    snapshotId: string,
    findings: {
      findingId: string;
      ordinal: number;
      title: string;
      category: string;
      effect: string;
      statement: string | null;
      manifestation: string | null;
      notPeculiar: string | null;
      prevalence: string | null;
      significance: string | null;
      questions: string[];
      themeKeys: string[];
    }[],
  ): Promise<void> {
    if (findings.length === 0) return;
    await this.manager.query(
      `INSERT INTO corpus_finding (snapshot_id, finding_id, ordinal, title, category, effect,
         statement, manifestation, not_peculiar, prevalence, significance, questions, theme_keys)
       SELECT $1, f."findingId", f.ordinal, f.title, f.category::finding_category,
              f.effect::pattern_effect, f.statement, f.manifestation, f."notPeculiar",
              f.prevalence, f.significance,
              ARRAY(SELECT jsonb_array_elements_text(f.questions)),
              ARRAY(SELECT jsonb_array_elements_text(f."themeKeys"))
       FROM jsonb_to_recordset($2::jsonb) AS f("findingId" uuid, ordinal int, title text,
         category text, effect text, statement text, manifestation text, "notPeculiar" text,
         prevalence text, significance text, questions jsonb, "themeKeys" jsonb)`,
      [snapshotId, JSON.stringify(findings)],
    );
  }

  /** Points the corpus at the review's new snapshot, and puts it back if it was withdrawn. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async pointEntryAt(reviewId: string, snapshotId: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO corpus_entry (review_id, snapshot_id) VALUES ($1, $2)
       ON CONFLICT (review_id) DO UPDATE SET snapshot_id = excluded.snapshot_id,
         withdrawn_at = NULL, withdrawn_by_name = NULL, withdraw_reason = NULL`,
      [reviewId, snapshotId],
    );
  }

  /** Takes the review out of the corpus; false when it is not in it (never published, or withdrawn). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.TEXT, DummyValue.TEXT] })
  async withdraw(reviewId: string, byName: string, reason: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      `WITH changed AS (
         UPDATE corpus_entry SET withdrawn_at = now(), withdrawn_by_name = $2, withdraw_reason = $3
         WHERE review_id = $1 AND withdrawn_at IS NULL RETURNING review_id)
       SELECT review_id FROM changed`,
      [reviewId, byName, reason],
    );
    return rows.length > 0;
  }

  /**
   * Sets the review's status (and publishedAt, null unless published), bumping its version as any
   * change does; returns the status before and after.
   */
  @GenerateSql({ params: [DummyValue.UUID, 'PUBLISHED', null, DummyValue.OTHER_UUID] })
  async setStatus(
    reviewId: string,
    status: string,
    publishedAt: Date | null,
    userId: string,
  ): Promise<{ before: string; after: string; version: number }> {
    const [row] = await this.manager.query<{ before: string; after: string; version: number }[]>(
      `WITH old AS (SELECT id, status FROM review WHERE id = $1 FOR UPDATE),
       changed AS (
         UPDATE review r SET status = $2::review_status, published_at = $3, updated_by = $4,
           version = r.version + 1, updated_at = now()
         FROM old WHERE r.id = old.id
         RETURNING r.status, r.version)
       SELECT old.status AS before, changed.status AS after, changed.version FROM old, changed`,
      [reviewId, status, publishedAt, userId],
    );
    return row;
  }
}
