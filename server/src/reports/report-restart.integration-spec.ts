import { DataSource } from 'typeorm';
import { adminToken } from '../testing/accounts';
import { batchOf, finishedBatch, textPdf, uploadReports } from '../testing/report-files';
import { startTestApp, TestApp } from '../testing/test-app';

const FILES = 6;
const PAGES = 40;

const report = (n: number) => ({
  name: `report-${n}.pdf`,
  data: textPdf(
    Array.from({ length: PAGES }, (_, page) => [`Report ${n}, page ${page + 1}.`, 'Agency notes.']),
  ),
});

describe('a restart during a batch', () => {
  let first: TestApp | null = null;
  let second: TestApp | null = null;
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('picks the waiting files up again: nothing lost, nothing doubled', async () => {
    first = await startTestApp({}, { keepDatabase: true });
    const token = await adminToken(first);
    const upload = await uploadReports(
      first,
      token,
      Array.from({ length: FILES }, (_, n) => report(n + 1)),
    );
    expect(upload.status).toBe(202);
    const batchId = upload.body.batchId!;
    for (;;) {
      const batch = await batchOf(first, token, batchId);
      if (batch.counts.done >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const { databaseUrl } = first;
    await first.close();
    first = null;

    const db = new (await import('pg')).Client({ connectionString: databaseUrl });
    await db.connect();
    const states: { state: string }[] = (
      await db.query(`SELECT state FROM report_batch_file WHERE batch_id = $1`, [batchId])
    ).rows;
    const waiting = states.filter((s) => s.state !== 'DONE').length;
    expect(waiting).toBeGreaterThan(0);
    expect(waiting).toBeLessThan(FILES);
    // A server that stopped between recording the batch and sending its jobs: one job is lost.
    await db.query(
      `DELETE FROM pgboss.job WHERE id = (SELECT id FROM pgboss.job
         WHERE name = 'report-extraction' AND state = 'created' ORDER BY created_on LIMIT 1)`,
    );
    await db.end();

    second = await startTestApp({}, { databaseUrl });
    const batch = await finishedBatch(second, await adminToken(second), batchId);
    expect(batch.files.map((f) => [f.fileName, f.state, f.pagesDone])).toEqual(
      Array.from({ length: FILES }, (_, n) => [`report-${n + 1}.pdf`, 'DONE', PAGES]),
    );
    const data = second.app.get(DataSource);
    expect(
      await data.query(
        `SELECT (SELECT count(*)::int FROM report) AS reports,
                (SELECT count(*)::int FROM report_page) AS pages,
                (SELECT count(*)::int FROM report_file) AS files`,
      ),
    ).toEqual([{ reports: FILES, pages: FILES * PAGES, files: FILES }]);
  });
});
