import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each corpus review's theme keys widened to their broader terms (transitively), kept as a bit
 * set, so that counting a theme (broader terms once) is one bit test per review instead of
 * unnesting and matching its keys as text.
 *
 * - `corpus_theme_position`: each theme's bit, given once and never reused while the theme
 *   exists (a new theme takes the next free one), so that positions read before a query still
 *   mean the same themes during it.
 * - `corpus_review_themes`: per corpus review (snapshot), `words[i]` holds the bits
 *   64·(i−1) … 64·i−1 of its keys with their broader terms.
 *
 * Both are kept by triggers in the database, so no writer can forget them: inserting corpus
 * reviews (publication, the generator) writes their bits in the same statement; any change to the
 * themes (a new theme, a new or changed broader term, a removed theme) gives new themes their
 * positions and recomputes every review's bits in the same transaction. Both triggers take the
 * same lock first, so a publication and a change of broader terms never miss each other.
 */
export class CorpusReviewThemeBits1765900000000 implements MigrationInterface {
  name = 'CorpusReviewThemeBits1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE corpus_theme_position (
        key text PRIMARY KEY REFERENCES theme(key) ON DELETE CASCADE ON UPDATE CASCADE,
        position integer NOT NULL,
        CONSTRAINT uq_corpus_theme_position UNIQUE (position),
        CONSTRAINT ck_corpus_theme_position CHECK (position >= 0)
      )`);
    await q.query(`
      INSERT INTO corpus_theme_position (key, position)
        SELECT key, row_number() OVER (ORDER BY key) - 1 FROM theme`);
    await q.query(`
      CREATE TABLE corpus_review_themes (
        snapshot_id uuid PRIMARY KEY REFERENCES corpus_review(snapshot_id) ON DELETE CASCADE,
        words bigint[] NOT NULL
      )`);
    // The keys, with their broader terms transitively, as 64-bit words of theme positions.
    await q.query(`
      CREATE FUNCTION corpus_theme_words(keys text[]) RETURNS bigint[]
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
        WITH RECURSIVE up(key) AS (
          SELECT t.key FROM theme t WHERE t.key = ANY(keys)
          UNION
          SELECT t.broader_key FROM up JOIN theme t ON t.key = up.key
           WHERE t.broader_key IS NOT NULL),
        bits AS (SELECT p.position FROM up JOIN corpus_theme_position p ON p.key = up.key),
        words AS (SELECT position / 64 AS n, bit_or(1::bigint << (position % 64)) AS word
                    FROM bits GROUP BY 1)
        SELECT coalesce(array_agg(coalesce(w.word, 0) ORDER BY i.n), '{}')
          FROM generate_series(0, (SELECT max(n) FROM words)) AS i(n)
          LEFT JOIN words w ON w.n = i.n
      $$`);
    await q.query(`
      CREATE FUNCTION corpus_review_themes_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE corpus_review_themes IN SHARE ROW EXCLUSIVE MODE;
        INSERT INTO corpus_review_themes (snapshot_id, words)
          SELECT a.snapshot_id, corpus_theme_words(a.case_characteristics || a.practice_themes)
            FROM added a;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER corpus_review_themes_on_insert AFTER INSERT ON corpus_review
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION corpus_review_themes_written()`);
    await q.query(`
      CREATE FUNCTION corpus_themes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE corpus_review_themes IN SHARE ROW EXCLUSIVE MODE;
        INSERT INTO corpus_theme_position (key, position)
          SELECT t.key,
                 coalesce((SELECT max(position) FROM corpus_theme_position), -1)
                   + row_number() OVER (ORDER BY t.key)
            FROM theme t
           WHERE NOT EXISTS (SELECT 1 FROM corpus_theme_position p WHERE p.key = t.key);
        UPDATE corpus_review_themes rt SET words = w.words
          FROM (SELECT cr.snapshot_id,
                       corpus_theme_words(cr.case_characteristics || cr.practice_themes) AS words
                  FROM corpus_review cr) w
         WHERE w.snapshot_id = rt.snapshot_id AND rt.words IS DISTINCT FROM w.words;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER theme_corpus_bits AFTER INSERT OR DELETE OR UPDATE OF key, broader_key
        ON theme FOR EACH STATEMENT EXECUTE FUNCTION corpus_themes_changed()`);
    await q.query(`
      INSERT INTO corpus_review_themes (snapshot_id, words)
        SELECT snapshot_id, corpus_theme_words(case_characteristics || practice_themes)
          FROM corpus_review`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER theme_corpus_bits ON theme`);
    await q.query(`DROP TRIGGER corpus_review_themes_on_insert ON corpus_review`);
    await q.query(`DROP FUNCTION corpus_themes_changed()`);
    await q.query(`DROP FUNCTION corpus_review_themes_written()`);
    await q.query(`DROP FUNCTION corpus_theme_words(text[])`);
    await q.query(`DROP TABLE corpus_review_themes`);
    await q.query(`DROP TABLE corpus_theme_position`);
  }
}
