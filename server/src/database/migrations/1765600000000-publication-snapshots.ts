import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the national corpus reads: an immutable, versioned snapshot of each publication of a
 * review, pseudonyms only, and the rows the corpus queries count, written once from it.
 *
 * - `review_snapshot`: one row per publication (version 1, 2, … of a review), with the whole
 *   pseudonymised document as JSON. Never changed or deleted once written (a trigger refuses).
 * - `corpus_review` and `corpus_finding`: the snapshot's review and findings as rows for counting
 *   and searching, written in the same transaction as the snapshot, and as immutable.
 * - `corpus_entry`: which snapshot of a review the corpus shows now, one row per review ever
 *   published; the only mutable part. Withdrawing a review sets `withdrawn_at` here (who and why
 *   are in the audit trail and here); publishing again points it at the new snapshot.
 *
 * The corpus counts a review when its entry is not withdrawn, through the entry's snapshot.
 */
export class PublicationSnapshots1765600000000 implements MigrationInterface {
  name = 'PublicationSnapshots1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES review(id),
        version integer NOT NULL CHECK (version >= 1),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by_name text NOT NULL,
        override_reason text,
        content jsonb NOT NULL,
        CONSTRAINT uq_review_snapshot_version UNIQUE (review_id, version)
      )`);
    await q.query(`
      CREATE TABLE corpus_review (
        snapshot_id uuid PRIMARY KEY REFERENCES review_snapshot(id),
        review_id uuid NOT NULL REFERENCES review(id),
        reference text NOT NULL,
        title text NOT NULL,
        partnership text NOT NULL,
        type review_type NOT NULL,
        published_at timestamptz NOT NULL,
        publication_year integer NOT NULL,
        incident_year integer,
        period_start date,
        period_end date,
        case_characteristics text[] NOT NULL DEFAULT '{}',
        practice_themes text[] NOT NULL DEFAULT '{}',
        categories finding_category[] NOT NULL DEFAULT '{}',
        agency_sectors agency_sector[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX ix_corpus_review_review ON corpus_review (review_id)`);
    await q.query(
      `CREATE INDEX ix_corpus_review_characteristics ON corpus_review USING gin (case_characteristics)`,
    );
    await q.query(
      `CREATE INDEX ix_corpus_review_practice_themes ON corpus_review USING gin (practice_themes)`,
    );
    await q.query(`
      CREATE TABLE corpus_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        snapshot_id uuid NOT NULL REFERENCES review_snapshot(id),
        finding_id uuid NOT NULL,
        ordinal integer NOT NULL,
        title text NOT NULL,
        category finding_category NOT NULL,
        effect pattern_effect NOT NULL,
        statement text,
        manifestation text,
        not_peculiar text,
        prevalence text,
        significance text,
        questions text[] NOT NULL DEFAULT '{}',
        theme_keys text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX ix_corpus_finding_snapshot ON corpus_finding (snapshot_id)`);
    await q.query(`
      CREATE TABLE corpus_entry (
        review_id uuid PRIMARY KEY REFERENCES review(id),
        snapshot_id uuid NOT NULL REFERENCES review_snapshot(id),
        withdrawn_at timestamptz,
        withdrawn_by_name text,
        withdraw_reason text,
        CONSTRAINT ck_corpus_entry_withdrawn CHECK (
          (withdrawn_at IS NULL) = (withdrawn_by_name IS NULL)
          AND (withdrawn_at IS NULL) = (withdraw_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_corpus_entry_snapshot ON corpus_entry (snapshot_id)`);
    await q.query(`
      CREATE FUNCTION publication_rows_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published snapshot cannot be changed: % of % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['review_snapshot', 'corpus_review', 'corpus_finding']) {
      await q.query(`
        CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION publication_rows_immutable()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION publication_rows_immutable()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE corpus_entry`);
    await q.query(`DROP TABLE corpus_finding`);
    await q.query(`DROP TABLE corpus_review`);
    await q.query(`DROP TABLE review_snapshot`);
    await q.query(`DROP FUNCTION publication_rows_immutable()`);
  }
}
