// Its `up` is one long list of statements on purpose: a migration is read as the schema step it
// makes, in the order PostgreSQL runs it, and never changes once released.
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many counterparts each event keeps per kind of match (same day; a month and a day within
 * it). A review that records at most this many other agencies' events on one day has every pair
 * kept; on a crowded day an event keeps its most alike, so the first page of proposals (at most
 * this many pairs) is the same as comparing every pair.
 */
export const COUNTERPARTS_PER_EVENT = 10;

/**
 * Proposed duplicates kept up to date as events are written, so reading them is an index scan.
 *
 * Each event written (added, imported, or edited in its words, dates, precision or agency) is
 * compared with the events it could duplicate: other agencies' events on the same day, and an
 * event dated only to a month with the days of that month. The comparison walks a trigram index
 * in order of likeness and stops after the nearest few, so a write costs a bounded amount however
 * large the review; the pairs whose words are alike enough (similarity 0.3) are stored with their
 * score. Deleting an event deletes its pairs by cascade.
 */
export class DuplicateCandidates1764210000000 implements MigrationInterface {
  name = 'DuplicateCandidates1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE duplicate_candidate (
        review_id uuid NOT NULL REFERENCES review(id) ON DELETE CASCADE,
        first_id uuid NOT NULL REFERENCES timeline_event(id) ON DELETE CASCADE,
        second_id uuid NOT NULL REFERENCES timeline_event(id) ON DELETE CASCADE,
        score real NOT NULL,
        sort_date date NOT NULL,
        sequence bigint NOT NULL,
        PRIMARY KEY (first_id, second_id),
        CONSTRAINT ck_duplicate_candidate_order CHECK (first_id < second_id)
      )`);
    await q.query(
      `CREATE INDEX ix_duplicate_candidate_rank ON duplicate_candidate (review_id, score DESC, sort_date, sequence)`,
    );
    await q.query(`CREATE INDEX ix_duplicate_candidate_second ON duplicate_candidate (second_id)`);
    await q.query(
      `CREATE INDEX ix_timeline_event_words ON timeline_event
         USING gist (review_id, sort_date, (title || ' ' || coalesce(description, '')) gist_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX ix_timeline_event_month_words ON timeline_event
         USING gist (review_id, sort_date, (title || ' ' || coalesce(description, '')) gist_trgm_ops)
         WHERE precision IN ('MONTH', 'APPROXIMATE')`,
    );
    // The planner would rather read a whole day and sort it than walk the index in order of
    // likeness, which stops after the nearest few: the settings keep it on the bounded path.
    await q.query(`
      CREATE FUNCTION find_duplicate_candidates(ids uuid[]) RETURNS void
      LANGUAGE sql SET enable_bitmapscan = off SET enable_sort = off AS $fn$
        WITH written AS (
          SELECT e.id, e.review_id, e.precision, e.sort_date, e.agency_id,
                 e.title || ' ' || coalesce(e.description, '') AS words
          FROM timeline_event e
          WHERE e.id = ANY(ids) AND e.end_date - e.sort_date <= 31 AND e.agency_id IS NOT NULL
        ), near AS (
          SELECT w.id AS a_id, n.id AS b_id FROM written w CROSS JOIN LATERAL (
            SELECT b.id FROM timeline_event b
            WHERE b.review_id = w.review_id AND b.sort_date = w.sort_date AND b.id <> w.id
              AND b.agency_id <> w.agency_id AND b.end_date - b.sort_date <= 31
            ORDER BY (b.title || ' ' || coalesce(b.description, '')) <-> w.words
            LIMIT ${COUNTERPARTS_PER_EVENT}) n
          UNION
          SELECT w.id, n.id FROM written w CROSS JOIN LATERAL (
            SELECT b.id FROM timeline_event b
            WHERE b.review_id = w.review_id AND b.sort_date >= w.sort_date
              AND b.sort_date < (w.sort_date + interval '1 month')::date
              AND b.precision = 'DAY' AND b.agency_id <> w.agency_id
            ORDER BY (b.title || ' ' || coalesce(b.description, '')) <-> w.words
            LIMIT ${COUNTERPARTS_PER_EVENT}) n
          WHERE w.precision IN ('MONTH', 'APPROXIMATE')
            AND date_trunc('month', w.sort_date::timestamp)::date = w.sort_date
          UNION
          SELECT w.id, n.id FROM written w CROSS JOIN LATERAL (
            SELECT b.id FROM timeline_event b
            WHERE b.review_id = w.review_id
              AND b.sort_date = date_trunc('month', w.sort_date::timestamp)::date
              AND b.precision IN ('MONTH', 'APPROXIMATE') AND b.agency_id <> w.agency_id
              AND b.end_date - b.sort_date <= 31
            ORDER BY (b.title || ' ' || coalesce(b.description, '')) <-> w.words
            LIMIT ${COUNTERPARTS_PER_EVENT}) n
          WHERE w.precision = 'DAY'
        ), pairs AS (
          SELECT DISTINCT least(a_id, b_id) AS first_id, greatest(a_id, b_id) AS second_id FROM near
        )
        INSERT INTO duplicate_candidate (review_id, first_id, second_id, score, sort_date, sequence)
        SELECT a.review_id, a.id, b.id, s.score, a.sort_date, a.sequence
        FROM pairs p
        JOIN timeline_event a ON a.id = p.first_id
        JOIN timeline_event b ON b.id = p.second_id
        CROSS JOIN LATERAL (
          SELECT greatest(similarity(a.title, b.title),
                          similarity(a.title || ' ' || coalesce(a.description, ''),
                                     b.title || ' ' || coalesce(b.description, ''))) AS score
        ) s
        WHERE s.score >= 0.3
        ON CONFLICT (first_id, second_id) DO UPDATE
          SET score = excluded.score, sort_date = excluded.sort_date, sequence = excluded.sequence
      $fn$`);
    await q.query(`
      CREATE FUNCTION duplicate_candidates_after_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM find_duplicate_candidates(array(SELECT id FROM written));
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE FUNCTION duplicate_candidates_after_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        changed uuid[];
      BEGIN
        SELECT array_agg(n.id) INTO changed
        FROM written n JOIN previous o ON o.id = n.id
        WHERE (n.title, n.description, n.sort_date, n.end_date, n.precision, n.agency_id, n.review_id)
              IS DISTINCT FROM
              (o.title, o.description, o.sort_date, o.end_date, o.precision, o.agency_id, o.review_id);
        IF changed IS NULL THEN
          RETURN NULL;
        END IF;
        DELETE FROM duplicate_candidate WHERE first_id = ANY(changed);
        DELETE FROM duplicate_candidate WHERE second_id = ANY(changed);
        PERFORM find_duplicate_candidates(changed);
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER tr_timeline_event_duplicates_insert AFTER INSERT ON timeline_event
      REFERENCING NEW TABLE AS written
      FOR EACH STATEMENT EXECUTE FUNCTION duplicate_candidates_after_insert()`);
    await q.query(`
      CREATE TRIGGER tr_timeline_event_duplicates_update AFTER UPDATE ON timeline_event
      REFERENCING OLD TABLE AS previous NEW TABLE AS written
      FOR EACH STATEMENT EXECUTE FUNCTION duplicate_candidates_after_update()`);
    await q.query(
      `SELECT find_duplicate_candidates(array(SELECT id FROM timeline_event WHERE review_id = r.id))
       FROM review r`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_timeline_event_duplicates_update ON timeline_event`);
    await q.query(`DROP TRIGGER tr_timeline_event_duplicates_insert ON timeline_event`);
    await q.query(`DROP FUNCTION duplicate_candidates_after_update()`);
    await q.query(`DROP FUNCTION duplicate_candidates_after_insert()`);
    await q.query(`DROP FUNCTION find_duplicate_candidates(uuid[])`);
    await q.query(`DROP INDEX ix_timeline_event_month_words`);
    await q.query(`DROP INDEX ix_timeline_event_words`);
    await q.query(`DROP TABLE duplicate_candidate`);
  }
}
