import { DataSource } from 'typeorm';
import { adminToken, createAccount, ok } from '../testing/accounts';
import {
  finishedBatch,
  textPdf,
  uploadReports,
  wordDocument,
  zipOf,
} from '../testing/report-files';
import { startTestApp, TestApp } from '../testing/test-app';

const REPORTS = `query($filter: ReportFilter, $first: Int, $after: String) {
  reports(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { id title partnership publishedOn reviewType methodology author summary learning
      recommendations keywords fileName mediaType pageCount textLayer status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ReportNode {
  id: string;
  title: string;
  partnership: string | null;
  publishedOn: string | null;
  keywords: string[];
  pageCount: number;
  textLayer: string;
  fileName: string;
  [key: string]: unknown;
}

describe('bringing reports in', () => {
  let t: TestApp;
  let admin: string;
  let analyst: string;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    analyst = (await createAccount(t, admin, 'analyst@test.local', 'ANALYST')).token;
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const library = async (token = analyst) =>
    (
      await ok<{ reports: { totalCount: number; edges: { node: ReportNode }[] } }>(
        t,
        REPORTS,
        { first: 50 },
        token,
      )
    ).reports;

  const storedFiles = async () =>
    Number((await db.query(`SELECT count(*) AS n FROM report_file`))[0].n);

  it('reads a PDF page by page and a Word document by heading, with the catalogue', async () => {
    const pdf = textPdf([
      ['Child Q lived with her mother.', 'Agencies met twice.'],
      ['The school raised a concern.'],
      ['Learning for the partnership.'],
    ]);
    const docx = await wordDocument([
      '# Introduction',
      'Child R was 14.',
      '## Key practice episode 1',
      'The referral was closed.',
    ]);
    const catalogue = [
      'File Name,Report title,LSCP,Publication date,Type of review,Methodology,Lead reviewer,Abstract,Key learning,Recommendations,Key words',
      'child-q.pdf,Child Q,Northmoor SCP,14/03/2021,Child Safeguarding Practice Review,Systems (SILP),A. Reviewer,Summary of Q,Learning of Q,Recs of Q,neglect; school',
      'CHILD-R.docx,Child R,Eastvale SCP,2019-07-01,Serious Case Review,SCIE Learning Together,B. Reviewer,,,,"exploitation, missing"',
    ].join('\n');
    const response = await uploadReports(
      t,
      analyst,
      [
        { name: 'child-q.pdf', data: pdf },
        { name: 'child-r.docx', data: docx },
      ],
      { name: 'catalogue.csv', data: Buffer.from(catalogue) },
    );
    expect(response.status).toBe(202);
    const batch = await finishedBatch(t, analyst, response.body.batchId!);
    expect(batch.files.map((f) => [f.fileName, f.state, f.pagesDone, f.pageCount])).toEqual([
      ['child-q.pdf', 'DONE', 3, 3],
      ['child-r.docx', 'DONE', 2, 2],
    ]);
    expect(batch.counts).toMatchObject({ total: 2, done: 2, failed: 0 });

    const reports = await library();
    const q = reports.edges.find((e) => e.node.title === 'Child Q')!.node;
    expect(q).toMatchObject({
      partnership: 'Northmoor SCP',
      publishedOn: '2021-03-14',
      reviewType: 'Child Safeguarding Practice Review',
      methodology: 'Systems (SILP)',
      author: 'A. Reviewer',
      summary: 'Summary of Q',
      learning: 'Learning of Q',
      recommendations: 'Recs of Q',
      keywords: ['neglect', 'school'],
      fileName: 'child-q.pdf',
      mediaType: 'application/pdf',
      pageCount: 3,
      textLayer: 'HAS_TEXT',
      status: 'UNCODED',
    });
    const r = reports.edges.find((e) => e.node.title === 'Child R')!.node;
    expect(r).toMatchObject({
      partnership: 'Eastvale SCP',
      publishedOn: '2019-07-01',
      pageCount: 2,
    });
    expect(r.keywords).toEqual(['exploitation', 'missing']);

    const pages = await db.query(
      `SELECT page_number AS "pageNumber", text FROM report_page WHERE report_id = $1 ORDER BY page_number`,
      [q.id],
    );
    expect(pages).toEqual([
      { pageNumber: 1, text: 'Child Q lived with her mother.\nAgencies met twice.' },
      { pageNumber: 2, text: 'The school raised a concern.' },
      { pageNumber: 3, text: 'Learning for the partnership.' },
    ]);
    const [hit] = await db.query(
      `SELECT page_number AS "pageNumber" FROM report_page WHERE search @@ plainto_tsquery('english', 'school concern')`,
    );
    expect(hit).toEqual({ pageNumber: 2 });
    const docxPages = await db.query(
      `SELECT text FROM report_page WHERE report_id = $1 ORDER BY page_number`,
      [r.id],
    );
    expect(docxPages.map((p: { text: string }) => p.text)).toEqual([
      '# Introduction\nChild R was 14.',
      '## Key practice episode 1\nThe referral was closed.',
    ]);
    const [file] = await db.query(
      `SELECT f.byte_size::int AS size, (SELECT string_agg(data, '' ORDER BY chunk_number) FROM report_file_chunk c WHERE c.file_sha256 = f.sha256) AS bytes
       FROM report_file f JOIN report r ON r.file_sha256 = f.sha256 WHERE r.id = $1`,
      [q.id],
    );
    expect(file.size).toBe(pdf.length);
    expect(Buffer.compare(file.bytes, pdf)).toBe(0);
  });

  it('flags a PDF without a text layer as waiting for OCR, titled from its file name', async () => {
    const response = await uploadReports(t, analyst, [
      { name: 'scanned_report_2014.pdf', data: textPdf([[], []]) },
    ]);
    const batch = await finishedBatch(t, analyst, response.body.batchId!);
    expect(batch.files[0].state).toBe('DONE');
    const report = (await library()).edges.find((e) => e.node.title === 'scanned report 2014')!;
    expect(report.node).toMatchObject({ textLayer: 'NEEDS_OCR', pageCount: 2 });
  });

  it('recognises the same file twice and does not store it again', async () => {
    const pdf = textPdf([['Child S: the same report twice.']]);
    const first = await finishedBatch(
      t,
      analyst,
      (await uploadReports(t, analyst, [{ name: 'child-s.pdf', data: pdf }])).body.batchId!,
    );
    expect(first.files[0].state).toBe('DONE');
    const before = { reports: (await library()).totalCount, files: await storedFiles() };

    const again = await uploadReports(t, admin, [
      { name: 'renamed.pdf', data: pdf },
      { name: 'renamed-twice.pdf', data: pdf },
    ]);
    const batch = await finishedBatch(t, admin, again.body.batchId!);
    expect(batch.files.map((f) => [f.state, f.duplicateOf?.title])).toEqual([
      ['DUPLICATE', 'child-s'],
      ['DUPLICATE', 'child-s'],
    ]);
    expect(batch.files[0].reason).toBe(
      'The same file as "child-s", already in the library: not stored again.',
    );
    expect({ reports: (await library()).totalCount, files: await storedFiles() }).toEqual(before);
  });

  it('makes one report of a file sent twice in one batch', async () => {
    const pdf = textPdf([['Child T: twice in one upload.']]);
    const response = await uploadReports(t, analyst, [
      { name: 'child-t.pdf', data: pdf },
      { name: 'child-t-copy.pdf', data: pdf },
    ]);
    const batch = await finishedBatch(t, analyst, response.body.batchId!);
    expect(batch.files.map((f) => f.state).sort()).toEqual(['DONE', 'DUPLICATE']);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM report WHERE file_name LIKE 'child-t%'`,
    );
    expect(n).toBe(1);
  });

  it('brings in the reports of a ZIP, and refuses bad input file by file while the rest goes on', async () => {
    const good = textPdf([['Child U: the good one.']]);
    const inZip = textPdf([['Child V: from a ZIP.']]);
    const docxInZip = await wordDocument(['Child W: a Word report in a ZIP.']);
    const filesBefore = await storedFiles();
    const reportsBefore = (await library()).totalCount;
    const response = await uploadReports(
      t,
      analyst,
      [
        { name: 'child-u.pdf', data: good },
        { name: 'pretends.pdf', data: Buffer.from('Dear reader, this is plain text.\n') },
        { name: 'empty.pdf', data: Buffer.alloc(0) },
        { name: 'locked.pdf', data: textPdf([['secret']], { encrypt: true }) },
        { name: 'broken.pdf', data: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Cat') },
        {
          name: 'reports.zip',
          data: zipOf([
            { name: 'folder/child-v.pdf', data: inZip },
            { name: 'child-w.docx', data: docxInZip },
            { name: 'notes.txt', data: Buffer.from('not a report') },
          ]),
        },
        {
          name: 'climbs.zip',
          data: zipOf([
            { name: 'ok.pdf', data: textPdf([['fine']]) },
            { name: '../../etc/evil.pdf', data: textPdf([['evil']]) },
          ]),
        },
        { name: 'absolute.zip', data: zipOf([{ name: '/tmp/evil.pdf', data: good }]) },
        {
          name: 'bomb-declared.zip',
          data: zipOf([{ name: 'big.pdf', data: good, declaredSize: 0xfffffff0 }]),
        },
        {
          name: 'bomb-lies.zip',
          data: zipOf([
            { name: 'first.pdf', data: textPdf([['first of the bomb']]) },
            { name: 'zeros.pdf', data: Buffer.alloc(5_000_000), declaredSize: 1000 },
          ]),
        },
      ],
      {
        name: 'catalogue.csv',
        data: Buffer.from('filename,title\nchild-u.pdf,Child U\nchild-missing.pdf,Child Missing\n'),
      },
    );
    expect(response.status).toBe(202);
    const batch = await finishedBatch(t, analyst, response.body.batchId!);
    const outcome = Object.fromEntries(batch.files.map((f) => [f.fileName, [f.state, f.reason]]));
    expect(outcome).toEqual({
      'child-u.pdf': ['DONE', null],
      'pretends.pdf': [
        'FAILED',
        'pretends.pdf is not a PDF or Word (.docx) document by its content: only PDF and DOCX reports, or a ZIP of them, can be brought in.',
      ],
      'empty.pdf': ['FAILED', 'empty.pdf is empty (0 bytes).'],
      'locked.pdf': [
        'FAILED',
        'locked.pdf: The PDF is protected by a password: save it without one and bring it in again.',
      ],
      'broken.pdf': [
        'FAILED',
        expect.stringMatching(
          /^broken\.pdf: The PDF cannot be read \(.*\): it may be damaged or incomplete\.$/,
        ),
      ],
      'reports.zip/folder/child-v.pdf': ['DONE', null],
      'reports.zip/child-w.docx': ['DONE', null],
      'reports.zip/notes.txt': [
        'FAILED',
        expect.stringContaining('is not a PDF or Word (.docx) document by its content'),
      ],
      'climbs.zip': [
        'FAILED',
        'climbs.zip names a file outside its own folder (../../etc/evil.pdf): nothing in it was brought in.',
      ],
      'absolute.zip': [
        'FAILED',
        'absolute.zip names a file outside its own folder (/tmp/evil.pdf): nothing in it was brought in.',
      ],
      'bomb-declared.zip': [
        'FAILED',
        expect.stringContaining('would inflate to more than a ZIP of reports may'),
      ],
      'bomb-lies.zip': [
        'FAILED',
        expect.stringContaining('would inflate to more than a ZIP of reports may'),
      ],
      'child-missing.pdf': [
        'FAILED',
        'The catalogue names child-missing.pdf, but no file of that name was uploaded.',
      ],
    });
    expect((await library()).totalCount).toBe(reportsBefore + 3);
    // Only the three reports' files are kept: nothing of the refused or failed ones.
    expect(await storedFiles()).toBe(filesBefore + 3);
    expect(
      (
        await db.query(`SELECT count(*)::int AS n FROM report_file f
        WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.file_sha256 = f.sha256)`)
      )[0].n,
    ).toBe(0);
    expect((await library()).edges.map((e) => e.node.title)).toContain('Child U');
  });

  it('refuses a catalogue without a file name column, storing nothing', async () => {
    const filesBefore = await storedFiles();
    const response = await uploadReports(
      t,
      analyst,
      [{ name: 'child-x.pdf', data: textPdf([['Child X']]) }],
      { name: 'catalogue.csv', data: Buffer.from('title,partnership\nChild X,Northmoor SCP\n') },
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/has no file name column/);
    expect(await storedFiles()).toBe(filesBefore);
  });

  it('pages through the library and filters it by partnership and year', async () => {
    const first = await ok<{
      reports: {
        edges: { node: ReportNode }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(t, REPORTS, { first: 2 }, analyst);
    expect(first.reports.pageInfo.hasNextPage).toBe(true);
    const next = await ok<{ reports: { edges: { node: ReportNode }[] } }>(
      t,
      REPORTS,
      { first: 2, after: first.reports.pageInfo.endCursor },
      analyst,
    );
    const ids = [...first.reports.edges, ...next.reports.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    const filtered = await ok<{ reports: { totalCount: number; edges: { node: ReportNode }[] } }>(
      t,
      REPORTS,
      { filter: { partnership: 'Northmoor SCP', year: 2021 } },
      analyst,
    );
    expect(filtered.reports.edges.map((e) => e.node.title)).toEqual(['Child Q']);
  });

  it('lets analysts and administrators bring reports in and trainers read them; not reviewers', async () => {
    const trainer = (await createAccount(t, admin, 'trainer@test.local', 'TRAINER')).token;
    const reviewer = (await createAccount(t, admin, 'reviewer@test.local', 'REVIEWER')).token;
    const pdf = { name: 'child-y.pdf', data: textPdf([['Child Y']]) };
    expect((await uploadReports(t, trainer, [pdf])).status).toBe(403);
    expect((await uploadReports(t, reviewer, [pdf])).status).toBe(403);
    expect((await library(trainer)).totalCount).toBeGreaterThan(0);
    const refused = await t.gql(REPORTS, {}, reviewer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const batchId = (await db.query(`SELECT id FROM report_batch LIMIT 1`))[0].id;
    const asTrainer = await t
      .http()
      .get(`/api/reports/batches/${batchId}`)
      .set('authorization', `Bearer ${trainer}`);
    expect(asTrainer.status).toBe(403);
  });
});
