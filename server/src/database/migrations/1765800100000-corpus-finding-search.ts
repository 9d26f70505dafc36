import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over the corpus's findings: a stored tsvector of the finding's text, English
 * stemming, weighted so the title counts most, with a GIN index. Generated from the row's own
 * columns, so it needs no write (the rows are immutable) and is never out of date.
 */
export class CorpusFindingSearch1765800100000 implements MigrationInterface {
  name = 'CorpusFindingSearch1765800100000';

  async up(q: QueryRunner): Promise<void> {
    // array_to_string is only STABLE in general; for text[] it cannot change, and a generated
    // column needs an IMMUTABLE expression.
    await q.query(`
      CREATE FUNCTION corpus_text_list(list text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN array_to_string(list, ' ')`);
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_corpus_finding_search`);
    await q.query(`ALTER TABLE corpus_finding DROP COLUMN search`);
    await q.query(`DROP FUNCTION corpus_text_list(text[])`);
  }
}
