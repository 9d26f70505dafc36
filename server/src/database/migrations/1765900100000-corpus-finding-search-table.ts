import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The corpus findings' search vectors move out of corpus_finding into a narrow table of their
 * own, `corpus_finding_search` (the finding's id, snapshot, its review's reference, ordinal,
 * category, effect and tsvector, with the GIN index), so that ranking every finding a common word
 * matches, best first then by reference and ordinal, reads neither the findings' whole text nor
 * the reviews. Same vector, same weights
 * (title A, statement B, the rest D): the ranking is unchanged.
 *
 * Written by a trigger in the same statement that inserts corpus findings (publication, the
 * generator); removed with its finding.
 */
export class CorpusFindingSearchTable1765900100000 implements MigrationInterface {
  name = 'CorpusFindingSearchTable1765900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION corpus_finding_vector(title text, statement text, manifestation text,
          not_peculiar text, prevalence text, significance text, questions text[])
        RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN setweight(to_tsvector('english', coalesce(title, '')), 'A')
          || setweight(to_tsvector('english', coalesce(statement, '')), 'B')
          || to_tsvector('english',
               coalesce(manifestation, '') || ' ' || coalesce(not_peculiar, '') || ' '
               || coalesce(prevalence, '') || ' ' || coalesce(significance, '') || ' '
               || corpus_text_list(questions))`);
    await q.query(`
      CREATE TABLE corpus_finding_search (
        id uuid PRIMARY KEY REFERENCES corpus_finding(id) ON DELETE CASCADE,
        snapshot_id uuid NOT NULL,
        reference text NOT NULL,
        ordinal integer NOT NULL,
        category finding_category NOT NULL,
        effect pattern_effect NOT NULL,
        search tsvector NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION corpus_finding_search_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The review's row is written first (publication, the generator); were it missing, the
        -- reference would be null and the insert refused.
        INSERT INTO corpus_finding_search
            (id, snapshot_id, reference, ordinal, category, effect, search)
          SELECT a.id, a.snapshot_id, cr.reference, a.ordinal, a.category, a.effect,
                 corpus_finding_vector(a.title, a.statement, a.manifestation, a.not_peculiar,
                   a.prevalence, a.significance, a.questions)
            FROM added a LEFT JOIN corpus_review cr ON cr.snapshot_id = a.snapshot_id;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      INSERT INTO corpus_finding_search
          (id, snapshot_id, reference, ordinal, category, effect, search)
        SELECT f.id, f.snapshot_id, cr.reference, f.ordinal, f.category, f.effect, f.search
          FROM corpus_finding f LEFT JOIN corpus_review cr ON cr.snapshot_id = f.snapshot_id`);
    await q.query(`DROP INDEX ix_corpus_finding_search`);
    await q.query(`ALTER TABLE corpus_finding DROP COLUMN search`);
    await q.query(`
      CREATE TRIGGER corpus_finding_search_on_insert AFTER INSERT ON corpus_finding
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION corpus_finding_search_written()`);
    await q.query(
      `CREATE INDEX ix_corpus_finding_search ON corpus_finding_search USING gin (search)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER corpus_finding_search_on_insert ON corpus_finding`);
    await q.query(`DROP TABLE corpus_finding_search`);
    await q.query(`DROP FUNCTION corpus_finding_search_written()`);
    await q.query(`
      ALTER TABLE corpus_finding ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(statement, '')), 'B')
        || to_tsvector('english',
             coalesce(manifestation, '') || ' ' || coalesce(not_peculiar, '') || ' '
             || coalesce(prevalence, '') || ' ' || coalesce(significance, '') || ' '
             || corpus_text_list(questions))
      ) STORED`);
    await q.query(`CREATE INDEX ix_corpus_finding_search ON corpus_finding USING gin (search)`);
    await q.query(
      `DROP FUNCTION corpus_finding_vector(text, text, text, text, text, text, text[])`,
    );
  }
}
