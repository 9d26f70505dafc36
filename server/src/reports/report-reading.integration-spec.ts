import { DataSource } from 'typeorm';
import { adminToken, createAccount, ok } from '../testing/accounts';
import { finishedBatch, textPdf, uploadReports } from '../testing/report-files';
import { startTestApp, TestApp } from '../testing/test-app';

const SEARCH = `query($query: String!, $filter: ReportFilter, $first: Int) {
  searchReports(query: $query, filter: $filter, first: $first) {
    report { id title partnership } page snippet rank
  }
}`;
const REPORT = `query($id: ID!) {
  report(id: $id) { id title withdrawnAt withdrawnReason pages { number text } }
}`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) {
  withdrawReport(id: $id, reason: $reason) { id withdrawnAt withdrawnReason }
}`;
const LIST = `{ reports(first: 50) { totalCount edges { node { id title } } } }`;

interface Hit {
  report: { id: string; title: string; partnership: string };
  page: number;
  snippet: string;
  rank: number;
}

describe('reading and searching the report library', () => {
  let t: TestApp;
  let admin: string;
  let analyst: string;
  let trainer: string;
  let reviewer: string;
  let db: DataSource;
  const ids: Record<string, string> = {};
  const files: Record<string, Buffer> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    analyst = (await createAccount(t, admin, 'analyst@test.local', 'ANALYST')).token;
    trainer = (await createAccount(t, admin, 'trainer@test.local', 'TRAINER')).token;
    reviewer = (await createAccount(t, admin, 'reviewer@test.local', 'REVIEWER')).token;
    db = t.app.get(DataSource);
    files.a = textPdf([
      ['Introduction to the review of Child A.'],
      ['The school raised a concern about neglect.', 'Neglect was seen again at home.'],
      ['Supervision of the social worker was rare.', 'A <b> tag & more stays text.'],
    ]);
    files.b = textPdf([
      ['Neglect was mentioned once among many other words about the family and the home,'],
      ['A strategy discussion was held late.'],
    ]);
    files.c = textPdf([['Neglect of Child C, who is named here.']]);
    const catalogue = [
      'File name,Title,Partnership,Publication date,Review type,Methodology',
      'a.pdf,Child A,Northmoor SCP,2021-03-14,Child Safeguarding Practice Review,Systems',
      'b.pdf,Child B,Eastvale SCP,2019-07-01,Serious Case Review,SCIE Learning Together',
      'c.pdf,Child C,Northmoor SCP,2021-05-01,Child Safeguarding Practice Review,Systems',
    ].join('\n');
    const response = await uploadReports(
      t,
      analyst,
      Object.entries(files).map(([name, data]) => ({ name: `${name}.pdf`, data })),
      { name: 'catalogue.csv', data: Buffer.from(catalogue) },
    );
    const batch = await finishedBatch(t, analyst, response.body.batchId!);
    for (const file of batch.files) ids[file.fileName[0]] = file.reportId!;
    expect(Object.keys(ids).sort()).toEqual(['a', 'b', 'c']);
  });
  afterAll(() => t.close());

  const search = async (query: string, filter?: Record<string, unknown>, token = analyst) =>
    (await ok<{ searchReports: Hit[] }>(t, SEARCH, { query, filter }, token)).searchReports;

  it('finds pages best first, with snippets marking the matches and escaping the rest', async () => {
    const hits = await search('neglect');
    // Short pages about neglect first; once among many words last.
    expect(hits.map((h) => [h.report.title, h.page])).toEqual([
      ['Child C', 1],
      ['Child A', 2],
      ['Child B', 1],
    ]);
    expect(hits[1].rank).toBeGreaterThan(hits[2].rank);
    // ts_headline cuts fragments at words: the stop words at their ends are left out.
    expect(hits[1].snippet).toBe(
      'school raised a concern about <mark>neglect</mark>.\n<mark>Neglect</mark> was seen again at home',
    );
    const [tag] = await search('tag');
    expect(tag.snippet).toContain('A &lt;b&gt; <mark>tag</mark> &amp; more stays text');
    expect(tag.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
  });

  it('takes quoted phrases, prefixes and -words as the corpus search does', async () => {
    expect((await search('"strategy discussion"')).map((h) => [h.report.title, h.page])).toEqual([
      ['Child B', 2],
    ]);
    expect(await search('"discussion strategy"')).toEqual([]);
    expect((await search('superv*')).map((h) => [h.report.title, h.page])).toEqual([
      ['Child A', 3],
    ]);
    expect((await search('neglect -school')).map((h) => h.report.title)).toEqual([
      'Child C',
      'Child B',
    ]);
    expect((await search('neglect', {}, trainer)).length).toBe(3);
  });

  it('filters by partnership, year, type of review and methodology', async () => {
    const titles = async (filter: Record<string, unknown>) =>
      (await search('neglect', filter)).map((h) => h.report.title);
    expect(await titles({ partnership: 'Eastvale SCP' })).toEqual(['Child B']);
    expect(await titles({ year: 2021 })).toEqual(['Child C', 'Child A']);
    expect(await titles({ reviewType: 'Serious Case Review' })).toEqual(['Child B']);
    expect(await titles({ methodology: 'Systems', partnership: 'Northmoor SCP' })).toEqual([
      'Child C',
      'Child A',
    ]);
    expect(await titles({ year: 2020 })).toEqual([]);
  });

  it('answers a query of stop words with nothing, and refuses one too long', async () => {
    expect(await search('the and of')).toEqual([]);
    expect(await search('  ')).toEqual([]);
    const long = await t.gql(SEARCH, { query: 'neglect '.repeat(1250) }, analyst);
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0].message).toBe('query: at most 500 characters (got 10000).');
    const many = await t.gql(SEARCH, { query: 'neglect', first: 1000 }, analyst);
    expect(many.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives the reader the text page by page', async () => {
    const { report } = await ok<{ report: { pages: { number: number; text: string }[] } }>(
      t,
      REPORT,
      { id: ids.b },
      trainer,
    );
    expect(report.pages).toEqual([
      {
        number: 1,
        text: 'Neglect was mentioned once among many other words about the family and the home,',
      },
      { number: 2, text: 'A strategy discussion was held late.' },
    ]);
  });

  it('refuses reviewers the library, its search and its files', async () => {
    for (const [query, variables] of [
      [SEARCH, { query: 'neglect' }],
      [REPORT, { id: ids.a }],
      [LIST, {}],
    ] as const) {
      const refused = await t.gql(query, variables, reviewer);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const file = await t
      .http()
      .get(`/api/reports/${ids.a}/file`)
      .set('authorization', `Bearer ${reviewer}`);
    expect(file.status).toBe(403);
    const anonymous = await t.http().get(`/api/reports/${ids.a}/file`);
    expect(anonymous.status).toBe(401);
  });

  it('serves the original file back byte for byte, and records the download', async () => {
    for (const token of [analyst, trainer, admin]) {
      const response = await t
        .http()
        .get(`/api/reports/${ids.a}/file`)
        .set('authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((res, done) => {
          const parts: Buffer[] = [];
          res.on('data', (chunk: Buffer) => parts.push(chunk));
          res.on('end', () => done(null, Buffer.concat(parts)));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`,
      );
      expect(Buffer.compare(response.body as Buffer, files.a)).toBe(0);
    }
    const events = await db.query(
      `SELECT actor_email AS "actorEmail", action, after FROM audit_event
       WHERE entity_type = 'Report' AND entity_id = $1 ORDER BY id`,
      [ids.a],
    );
    expect(events.map((e: { actorEmail: string; action: string }) => e.action)).toEqual([
      'download',
      'download',
      'download',
    ]);
    expect(events[0]).toMatchObject({
      actorEmail: 'analyst@test.local',
      after: { download: 'a.pdf' },
    });
    const missing = await t
      .http()
      .get(`/api/reports/00000000-0000-4000-8000-000000000000/file`)
      .set('authorization', `Bearer ${analyst}`);
    expect(missing.status).toBe(404);
  });

  it('serves a file of several chunks whole', async () => {
    // A stored file of three chunks, as the upload writes a file over 1 MB.
    const big = Buffer.alloc(2 * 1024 * 1024 + 17, 7);
    big.write('%PDF-1.4');
    await db.query(
      `UPDATE report_file SET byte_size = $2, chunk_count = 3 WHERE sha256 = (
      SELECT file_sha256 FROM report WHERE id = $1)`,
      [ids.b, big.length],
    );
    await db.query(
      `DELETE FROM report_file_chunk WHERE file_sha256 = (SELECT file_sha256 FROM report WHERE id = $1)`,
      [ids.b],
    );
    for (let n = 0; n < 3; n++)
      await db.query(
        `INSERT INTO report_file_chunk (file_sha256, chunk_number, data)
         SELECT file_sha256, $2, $3 FROM report WHERE id = $1`,
        [ids.b, n, big.subarray(n * 1024 * 1024, (n + 1) * 1024 * 1024)],
      );
    const response = await t
      .http()
      .get(`/api/reports/${ids.b}/file`)
      .set('authorization', `Bearer ${trainer}`)
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(big.length));
    expect(Buffer.compare(response.body as Buffer, big)).toBe(0);
  });

  it('lets only an administrator withdraw a report, which leaves lists and search at once', async () => {
    const refused = await t.gql(WITHDRAW, { id: ids.c, reason: 'Names the child' }, analyst);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const blank = await t.gql(WITHDRAW, { id: ids.c, reason: '   ' }, admin);
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const { withdrawReport } = await ok<{
      withdrawReport: { withdrawnAt: string; withdrawnReason: string };
    }>(t, WITHDRAW, { id: ids.c, reason: 'Names the child' }, admin);
    expect(withdrawReport.withdrawnReason).toBe('Names the child');
    expect(withdrawReport.withdrawnAt).toBeTruthy();

    expect((await search('neglect')).map((h) => h.report.title)).toEqual(['Child A', 'Child B']);
    expect((await search('neglect', {}, admin)).map((h) => h.report.title)).not.toContain(
      'Child C',
    );
    const list = await ok<{ reports: { totalCount: number; edges: { node: { id: string } }[] } }>(
      t,
      LIST,
      {},
      analyst,
    );
    expect(list.reports.totalCount).toBe(2);
    expect(list.reports.edges.map((e) => e.node.id)).not.toContain(ids.c);
    expect((await ok<{ report: unknown }>(t, REPORT, { id: ids.c }, analyst)).report).toBeNull();
    const seenByAdmin = await ok<{ report: { withdrawnReason: string } }>(
      t,
      REPORT,
      { id: ids.c },
      admin,
    );
    expect(seenByAdmin.report.withdrawnReason).toBe('Names the child');
    const file = await t
      .http()
      .get(`/api/reports/${ids.c}/file`)
      .set('authorization', `Bearer ${analyst}`);
    expect(file.status).toBe(404);

    const again = await t.gql(WITHDRAW, { id: ids.c, reason: 'Again' }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [event] = await db.query(
      `SELECT action, after FROM audit_event WHERE entity_type = 'Report' AND entity_id = $1
         AND action = 'withdraw'`,
      [ids.c],
    );
    expect(event.after).toMatchObject({ withdrawn: true, reason: 'Names the child' });
  });
});
