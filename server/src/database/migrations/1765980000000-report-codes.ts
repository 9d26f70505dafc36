import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coding the report library: a passage of a report's page (character offsets in Unicode code
 * points, start inclusive, end exclusive, as PostgreSQL's substr counts them) coded as a finding
 * or as case characteristics of the report's case, by one analyst.
 *
 * - `report_code`: the passage (page, offsets, the quoted text, checked against the page by a
 *   trigger so no code can quote what the page does not say), what it is coded as, its version
 *   (optimistic locking) and `removed_at` (a removal can be undone).
 * - `report.version`: marking a report coded (or not) checks the version the analyst saw.
 * - Views shaped as the corpus's published tables, for coded reports that are not withdrawn:
 *   `corpus_report_entry` (corpus_entry), `corpus_report_review` (corpus_review, plus version),
 *   `corpus_report_finding` (corpus_finding, plus the passage), `corpus_report_themes`
 *   (corpus_review_themes, computed by corpus_theme_words as the live source does) and
 *   `corpus_report_search` (corpus_finding_search, the vector stored with the code as the
 *   trigger stores a published finding's: title and statement the analyst's statement, the quote
 *   as the rest). A report stands for both review and snapshot
 *   (its id), a FINDING code for a finding (its id).
 */
export class ReportCodes1765980000000 implements MigrationInterface {
  name = 'ReportCodes1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // Which reports the corpus counts (and whether there is any).
    await q.query(
      `CREATE INDEX idx_report_in_corpus ON report (id) WHERE status = 'CODED' AND withdrawn_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE report_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL,
        coder_id uuid NOT NULL,
        kind text NOT NULL,
        page_number integer NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        quoted_text text NOT NULL,
        category finding_category,
        effect pattern_effect,
        statement text,
        theme_keys text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        removed_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          corpus_finding_vector(statement, statement, quoted_text, NULL, NULL, NULL, '{}')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_code_page_fkey FOREIGN KEY (report_id, page_number)
          REFERENCES report_page(report_id, page_number) ON DELETE CASCADE,
        CONSTRAINT report_code_report_id_fkey FOREIGN KEY (report_id) REFERENCES report(id) ON DELETE CASCADE,
        CONSTRAINT report_code_coder_id_fkey FOREIGN KEY (coder_id) REFERENCES user_account(id),
        CONSTRAINT ck_report_code_kind CHECK (kind IN ('FINDING', 'CASE_CHARACTERISTICS')),
        CONSTRAINT ck_report_code_offsets CHECK (start_offset >= 0 AND end_offset > start_offset),
        CONSTRAINT ck_report_code_finding CHECK (
          (kind = 'FINDING') = (category IS NOT NULL AND effect IS NOT NULL AND statement IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX idx_report_code_report ON report_code (report_id, page_number, start_offset)`,
    );
    await q.query(`CREATE INDEX idx_report_code_coder_id ON report_code (coder_id)`);
    await q.query(`
      CREATE FUNCTION report_code_quote_checked() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE page text;
      BEGIN
        SELECT p.text INTO page FROM report_page p
         WHERE p.report_id = NEW.report_id AND p.page_number = NEW.page_number;
        IF NEW.end_offset > char_length(page)
           OR NEW.quoted_text IS DISTINCT FROM
              substr(page, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset) THEN
          RAISE EXCEPTION 'the quoted text is not the page''s text at those offsets'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_report_code_quote';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER report_code_quote BEFORE INSERT OR UPDATE OF page_number, start_offset, end_offset, quoted_text
        ON report_code FOR EACH ROW EXECUTE FUNCTION report_code_quote_checked()`);
    // A catalogue's review type is free text; the corpus counts it under the nearest type.
    await q.query(`
      CREATE FUNCTION report_review_type(t text) RETURNS review_type
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE
          WHEN upper(t) IN ('SERIOUS_CASE_REVIEW', 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
                            'RAPID_REVIEW', 'MULTI_AGENCY_CASE_AUDIT', 'LEARNING_REVIEW')
            THEN upper(t)::review_type
          WHEN t ILIKE '%serious case%' OR t ~* '\\mscr\\M' THEN 'SERIOUS_CASE_REVIEW'
          WHEN t ILIKE '%practice review%' OR t ~* '\\mcspr\\M|\\mlcspr\\M' THEN 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW'
          WHEN t ILIKE '%rapid%' THEN 'RAPID_REVIEW'
          WHEN t ILIKE '%audit%' THEN 'MULTI_AGENCY_CASE_AUDIT'
          ELSE 'LEARNING_REVIEW'
        END::review_type`);
    await q.query(`
      CREATE VIEW corpus_report_entry AS
        SELECT r.id AS snapshot_id, r.id AS review_id, r.withdrawn_at
          FROM report r WHERE r.status = 'CODED'`);
    await q.query(`
      CREATE VIEW corpus_report_review AS
        SELECT r.id AS snapshot_id, r.id AS review_id, r.title AS reference, r.title,
               coalesce(r.partnership, '') AS partnership, report_review_type(r.review_type) AS type,
               (r.published_on::timestamp AT TIME ZONE 'UTC') AS published_at,
               extract(year FROM r.published_on)::int AS publication_year,
               NULL::int AS incident_year, NULL::date AS period_start, NULL::date AS period_end,
               ARRAY(SELECT DISTINCT k COLLATE "C" FROM report_code c, unnest(c.theme_keys) AS k
                      WHERE c.report_id = r.id AND c.removed_at IS NULL
                        AND c.kind = 'CASE_CHARACTERISTICS' ORDER BY 1) AS case_characteristics,
               ARRAY(SELECT DISTINCT k COLLATE "C" FROM report_code c, unnest(c.theme_keys) AS k
                      WHERE c.report_id = r.id AND c.removed_at IS NULL
                        AND c.kind = 'FINDING' ORDER BY 1) AS practice_themes,
               ARRAY(SELECT d.c FROM (SELECT DISTINCT c.category AS c FROM report_code c
                      WHERE c.report_id = r.id AND c.removed_at IS NULL AND c.kind = 'FINDING') AS d
                     ORDER BY d.c::text COLLATE "C") AS categories,
               '{}'::agency_sector[] AS agency_sectors,
               1 AS version
          FROM report r WHERE r.status = 'CODED'`);
    await q.query(`
      CREATE VIEW corpus_report_finding AS
        SELECT c.id, c.report_id AS snapshot_id, c.id AS finding_id,
               row_number() OVER (PARTITION BY c.report_id
                                  ORDER BY c.page_number, c.start_offset, c.end_offset, c.id)::int AS ordinal,
               c.statement AS title, c.category, c.effect, c.statement,
               NULL::text AS manifestation, NULL::text AS not_peculiar, NULL::text AS prevalence,
               NULL::text AS significance, '{}'::text[] AS questions, c.theme_keys,
               c.page_number, c.start_offset, c.end_offset, c.quoted_text, c.search
          FROM report_code c JOIN report r ON r.id = c.report_id AND r.status = 'CODED'
         WHERE c.kind = 'FINDING' AND c.removed_at IS NULL`);
    await q.query(`
      CREATE VIEW corpus_report_themes AS
        SELECT rr.snapshot_id, corpus_theme_words(rr.case_characteristics || rr.practice_themes) AS words
          FROM corpus_report_review rr`);
    await q.query(`
      CREATE VIEW corpus_report_search AS
        SELECT f.id, f.snapshot_id, r.title AS reference, f.ordinal, f.category, f.effect, f.search
          FROM corpus_report_finding f JOIN report r ON r.id = f.snapshot_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW corpus_report_search`);
    await q.query(`DROP VIEW corpus_report_themes`);
    await q.query(`DROP VIEW corpus_report_finding`);
    await q.query(`DROP VIEW corpus_report_review`);
    await q.query(`DROP VIEW corpus_report_entry`);
    await q.query(`DROP FUNCTION report_review_type(text)`);
    await q.query(`DROP TABLE report_code`);
    await q.query(`DROP FUNCTION report_code_quote_checked()`);
    await q.query(`ALTER TABLE report DROP COLUMN version`);
  }
}
