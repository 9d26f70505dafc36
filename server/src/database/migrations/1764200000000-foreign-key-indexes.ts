import { MigrationInterface, QueryRunner } from 'typeorm';

/** Foreign keys that cascades and loaders follow, each with the index it lacked. */
const FOREIGN_KEY_INDEXES: [table: string, column: string][] = [
  ['audit_event', 'actor_id'],
  ['board_action', 'owning_agency_id'],
  ['board_action', 'review_id'],
  ['chronology_import', 'agency_id'],
  ['chronology_import', 'imported_by'],
  ['collection', 'created_by'],
  ['collection_review', 'review_id'],
  ['finding_evidence', 'episode_id'],
  ['finding_evidence', 'event_id'],
  ['finding_evidence', 'factor_id'],
  ['import_progress', 'review_id'],
  ['person_relationship', 'to_person_id'],
  ['review', 'created_by'],
  ['review', 'updated_by'],
  ['review_comment', 'author_id'],
  ['review_comment', 'episode_id'],
  ['review_comment', 'event_id'],
  ['timeline_event', 'agency_id'],
  ['timeline_event_person', 'person_id'],
];

/**
 * Indexes on the foreign keys that had none (a cascade or a loader scanned the whole table), and
 * a trigram index on the text the reviews list searches (reference, title, partnership), so a
 * search for any part of a word does not read every review.
 */
export class ForeignKeyIndexes1764200000000 implements MigrationInterface {
  name = 'ForeignKeyIndexes1764200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of FOREIGN_KEY_INDEXES) {
      await q.query(`CREATE INDEX ix_${table}_${column} ON ${table} (${column})`);
    }
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // The expression must stay the one ReviewsService.list searches (REVIEW_SEARCH_TEXT).
    await q.query(
      `CREATE INDEX ix_review_search ON review USING gin ((reference || ' ' || title || ' ' || partnership) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_review_search`);
    for (const [table, column] of FOREIGN_KEY_INDEXES) {
      await q.query(`DROP INDEX ix_${table}_${column}`);
    }
  }
}
