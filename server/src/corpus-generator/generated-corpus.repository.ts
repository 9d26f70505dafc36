import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertColumns } from '../database/bulk-insert';
import { GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { generateReviews, GeneratedReview, SYNTHETIC_PUBLISHER, snapshotContent } from './generate';

/**
 * The synthetic corpus's rows: written for the command line (npm run corpus:generate) and for the
 * demo corpus of a first start. It writes the tables of several contexts, as publishing does.
 */
@Injectable()
export class GeneratedCorpusRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Writes generated reviews as published: the review's own rows (review, agencies, findings), and
   * what publishing writes (the snapshot, its corpus rows and the corpus entry). Contributory
   * factors live only in the snapshot's JSON and in corpus_review.practice_themes: the corpus has
   * no factor table, and a factor needs a practice episode and events to be a row of its own.
   * Each table is written with one multi-row insert for the whole batch.
   */
  @GenerateSql({ params: [generateReviews({ seed: 1, referencePrefix: 'SQL-EXAMPLE-' }, 0, 1)] })
  async write(reviews: GeneratedReview[]): Promise<void> {
    if (reviews.length === 0) return;
    const year = (date: string) => Number(date.slice(0, 4));
    await insertColumns(
      this.manager,
      'review',
      [
        ['id', 'uuid'],
        ['reference', 'text'],
        ['title', 'text'],
        ['partnership', 'text'],
        ['type', 'review_type'],
        ['status', 'review_status'],
        ['period_start', 'date'],
        ['period_end', 'date'],
        ['summary', 'text'],
        ['case_characteristics', 'text[]'],
        ['published_at', 'timestamptz'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      // Last changed when published, as an old review is: lists by latest change show them after
      // the reviews people work on.
      reviews.map((r) => [
        r.reviewId,
        r.reference,
        r.title,
        r.partnership,
        r.type,
        'PUBLISHED',
        r.periodStart,
        r.periodEnd,
        r.summary,
        arrayLiteral(r.caseCharacteristics),
        r.publishedAt,
        r.publishedAt,
        r.publishedAt,
      ]),
    );
    await insertColumns(
      this.manager,
      'agency',
      [
        ['id', 'uuid'],
        ['review_id', 'uuid'],
        ['name', 'text'],
        ['sector', 'agency_sector'],
      ],
      reviews.flatMap((r) => r.agencies.map((a) => [a.id, r.reviewId, a.name, a.sector])),
    );
    await insertColumns(
      this.manager,
      'finding',
      [['id', 'uuid'], ['review_id', 'uuid'], ...FINDING_COLUMNS],
      reviews.flatMap((r) => r.findings.map((f) => [f.id, r.reviewId, ...findingValues(f)])),
    );
    await insertColumns(
      this.manager,
      'review_snapshot',
      [
        ['id', 'uuid'],
        ['review_id', 'uuid'],
        ['version', 'integer'],
        ['published_at', 'timestamptz'],
        ['published_by_name', 'text'],
        ['content', 'jsonb'],
      ],
      reviews.map((r) => [
        r.snapshotId,
        r.reviewId,
        1,
        r.publishedAt,
        SYNTHETIC_PUBLISHER,
        JSON.stringify(snapshotContent(r)),
      ]),
    );
    await insertColumns(
      this.manager,
      'corpus_review',
      [
        ['snapshot_id', 'uuid'],
        ['review_id', 'uuid'],
        ['reference', 'text'],
        ['title', 'text'],
        ['partnership', 'text'],
        ['type', 'review_type'],
        ['published_at', 'timestamptz'],
        ['publication_year', 'integer'],
        ['incident_year', 'integer'],
        ['period_start', 'date'],
        ['period_end', 'date'],
        ['case_characteristics', 'text[]'],
        ['practice_themes', 'text[]'],
        ['categories', 'finding_category[]'],
        ['agency_sectors', 'agency_sector[]'],
      ],
      reviews.map((r) => [
        r.snapshotId,
        r.reviewId,
        r.reference,
        r.title,
        r.partnership,
        r.type,
        r.publishedAt,
        year(r.publishedAt),
        year(r.periodEnd),
        r.periodStart,
        r.periodEnd,
        arrayLiteral(r.caseCharacteristics),
        arrayLiteral(r.practiceThemes),
        arrayLiteral(r.categories),
        arrayLiteral(r.agencySectors),
      ]),
    );
    await insertColumns(
      this.manager,
      'corpus_finding',
      [['snapshot_id', 'uuid'], ['finding_id', 'uuid'], ...FINDING_COLUMNS],
      reviews.flatMap((r) => r.findings.map((f) => [r.snapshotId, f.id, ...findingValues(f)])),
    );
    await insertColumns(
      this.manager,
      'corpus_entry',
      [
        ['review_id', 'uuid'],
        ['snapshot_id', 'uuid'],
      ],
      reviews.map((r) => [r.reviewId, r.snapshotId]),
    );
  }

  /** How many reviews with references starting `prefix` there are. */
  @GenerateSql({ params: ['SYN-'] })
  async count(prefix: string): Promise<number> {
    const [{ n }] = await this.manager.query(
      `SELECT count(*)::int AS n FROM review WHERE starts_with(reference, $1)`,
      [prefix],
    );
    return n;
  }

  /**
   * Removes the reviews whose reference starts with `prefix`, with their snapshots and corpus rows.
   * Published rows are immutable by trigger; the triggers are disabled for this one transaction
   * (ALTER TABLE is transactional, so they are back on at commit or rollback, and other sessions
   * wait on the table lock meanwhile). Only the tables' owner may do this, as the embedded
   * database's account is. Run it inside a transaction.
   */
  @GenerateSql({ params: ['SYN-'] })
  async remove(prefix: string): Promise<number> {
    const guarded = ['corpus_finding', 'corpus_review', 'review_snapshot'];
    for (const table of guarded) {
      await this.manager.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_change`);
    }
    await this.manager.query(
      `CREATE TEMPORARY TABLE generated_review ON COMMIT DROP AS
         SELECT id FROM review WHERE starts_with(reference, $1)`,
      [prefix],
    );
    await this.manager.query(
      `DELETE FROM corpus_entry WHERE review_id IN (SELECT id FROM generated_review)`,
    );
    await this.manager.query(
      `DELETE FROM corpus_finding WHERE snapshot_id IN
         (SELECT s.id FROM review_snapshot s JOIN generated_review g ON g.id = s.review_id)`,
    );
    await this.manager.query(
      `DELETE FROM corpus_review WHERE review_id IN (SELECT id FROM generated_review)`,
    );
    await this.manager.query(
      `DELETE FROM review_snapshot WHERE review_id IN (SELECT id FROM generated_review)`,
    );
    const [{ removed }] = await this.manager.query(
      `SELECT count(*)::int AS removed FROM generated_review`,
    );
    await this.manager.query(`DELETE FROM review WHERE id IN (SELECT id FROM generated_review)`);
    for (const table of guarded) {
      await this.manager.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_change`);
    }
    return removed;
  }

  /** Lets the statements of this transaction run as long as they need: a batch of thousands of rows. */
  @GenerateSql()
  async liftStatementTimeout(): Promise<void> {
    await this.manager.query(`SET LOCAL statement_timeout = 0`);
  }

  /** Refreshes the planner's statistics of the tables the generator wrote. */
  @GenerateSql()
  async analyze(): Promise<void> {
    await this.manager.query(
      `ANALYZE review, finding, review_snapshot, corpus_review, corpus_finding, corpus_entry,
         corpus_review_themes, corpus_finding_search`,
    );
  }
}

/** A PostgreSQL array literal of texts, every element quoted. */
/** The columns a finding has alike in `finding` and `corpus_finding`, after its ids. */
const FINDING_COLUMNS: [string, string][] = [
  ['ordinal', 'integer'],
  ['title', 'text'],
  ['category', 'finding_category'],
  ['effect', 'pattern_effect'],
  ['statement', 'text'],
  ['manifestation', 'text'],
  ['not_peculiar', 'text'],
  ['prevalence', 'text'],
  ['significance', 'text'],
  ['questions', 'text[]'],
  ['theme_keys', 'text[]'],
];

/** A generated finding's values for FINDING_COLUMNS, in their order. */
function findingValues(f: GeneratedReview['findings'][number]): unknown[] {
  return [
    f.ordinal,
    f.title,
    f.category,
    f.effect,
    f.statement,
    f.manifestation,
    f.notPeculiar,
    f.prevalence,
    f.significance,
    arrayLiteral(f.questions),
    arrayLiteral(f.themes),
  ];
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
