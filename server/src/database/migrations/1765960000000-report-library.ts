import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report library: published review reports (PDF, DOCX) brought in by batches and read page
 * by page. The bytes of each file live in PostgreSQL, in 1 MB chunks (docs/decisions/0008-report-files.md).
 * A page's text is never rewritten once stored, so character offsets into it (Unicode code
 * points, as PostgreSQL's substr counts them) stay valid for the passages coded later.
 * Batches keep each file's state in the database, so progress survives a restart.
 */
export class ReportLibrary1765960000000 implements MigrationInterface {
  name = 'ReportLibrary1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_file (
        sha256 text PRIMARY KEY,
        media_type text NOT NULL,
        byte_size bigint NOT NULL,
        chunk_count integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_report_file_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_report_file_size CHECK (byte_size > 0)
      )`);
    await q.query(`
      CREATE TABLE report_file_chunk (
        file_sha256 text NOT NULL,
        chunk_number integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (file_sha256, chunk_number),
        CONSTRAINT report_file_chunk_file_fkey FOREIGN KEY (file_sha256) REFERENCES report_file(sha256) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        partnership text,
        published_on date,
        review_type text,
        methodology text,
        author text,
        summary text,
        learning text,
        recommendations text,
        keywords text[] NOT NULL DEFAULT '{}',
        file_sha256 text NOT NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        byte_size bigint NOT NULL,
        page_count integer NOT NULL,
        text_layer text NOT NULL,
        status text NOT NULL DEFAULT 'UNCODED',
        coded_at timestamptz,
        coded_by uuid,
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        withdrawn_reason text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_report_file_sha256 UNIQUE (file_sha256),
        CONSTRAINT report_file_sha256_fkey FOREIGN KEY (file_sha256) REFERENCES report_file(sha256),
        CONSTRAINT report_coded_by_fkey FOREIGN KEY (coded_by) REFERENCES user_account(id) ON DELETE SET NULL,
        CONSTRAINT report_withdrawn_by_fkey FOREIGN KEY (withdrawn_by) REFERENCES user_account(id) ON DELETE SET NULL,
        CONSTRAINT report_created_by_fkey FOREIGN KEY (created_by) REFERENCES user_account(id) ON DELETE SET NULL,
        CONSTRAINT ck_report_text_layer CHECK (text_layer IN ('HAS_TEXT', 'NEEDS_OCR')),
        CONSTRAINT ck_report_status CHECK (status IN ('UNCODED', 'CODED')),
        CONSTRAINT ck_report_media_type CHECK (media_type IN ('application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))
      )`);
    await q.query(`CREATE INDEX idx_report_coded_by ON report (coded_by)`);
    await q.query(`CREATE INDEX idx_report_withdrawn_by ON report (withdrawn_by)`);
    await q.query(`CREATE INDEX idx_report_created_by ON report (created_by)`);
    await q.query(`CREATE INDEX idx_report_listing ON report (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE report_page (
        report_id uuid NOT NULL,
        page_number integer NOT NULL,
        text text NOT NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (report_id, page_number),
        CONSTRAINT report_page_report_id_fkey FOREIGN KEY (report_id) REFERENCES report(id) ON DELETE CASCADE,
        CONSTRAINT ck_report_page_number CHECK (page_number >= 1)
      )`);
    await q.query(`CREATE INDEX idx_report_page_search ON report_page USING gin (search)`);
    await q.query(`
      CREATE TABLE report_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_batch_created_by_fkey FOREIGN KEY (created_by) REFERENCES user_account(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX idx_report_batch_created_by ON report_batch (created_by)`);
    await q.query(`
      CREATE TABLE report_batch_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL,
        position integer NOT NULL,
        file_name text NOT NULL,
        file_sha256 text,
        state text NOT NULL,
        reason text,
        duplicate_of uuid,
        report_id uuid,
        catalogue jsonb,
        pages_done integer NOT NULL DEFAULT 0,
        page_count integer,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_batch_file_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES report_batch(id) ON DELETE CASCADE,
        CONSTRAINT report_batch_file_file_sha256_fkey FOREIGN KEY (file_sha256) REFERENCES report_file(sha256) ON DELETE SET NULL,
        CONSTRAINT report_batch_file_duplicate_of_fkey FOREIGN KEY (duplicate_of) REFERENCES report(id) ON DELETE SET NULL,
        CONSTRAINT report_batch_file_report_id_fkey FOREIGN KEY (report_id) REFERENCES report(id) ON DELETE SET NULL,
        CONSTRAINT uq_report_batch_file_position UNIQUE (batch_id, position),
        CONSTRAINT ck_report_batch_file_state CHECK (state IN ('QUEUED', 'EXTRACTING', 'DONE', 'FAILED', 'DUPLICATE'))
      )`);
    await q.query(`CREATE INDEX idx_report_batch_file_sha256 ON report_batch_file (file_sha256)`);
    await q.query(
      `CREATE INDEX idx_report_batch_file_duplicate_of ON report_batch_file (duplicate_of)`,
    );
    await q.query(`CREATE INDEX idx_report_batch_file_report_id ON report_batch_file (report_id)`);
    await q.query(
      `CREATE INDEX idx_report_batch_file_pending ON report_batch_file (id) WHERE state IN ('QUEUED', 'EXTRACTING')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_batch_file`);
    await q.query(`DROP TABLE report_batch`);
    await q.query(`DROP TABLE report_page`);
    await q.query(`DROP TABLE report`);
    await q.query(`DROP TABLE report_file_chunk`);
    await q.query(`DROP TABLE report_file`);
  }
}
