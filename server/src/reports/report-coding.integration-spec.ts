import { createHash, randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { DataSource } from 'typeorm';
import { adminToken, createAccount, ok } from '../testing/accounts';
import { insertCorpus } from '../testing/corpus-fixtures';
import { startTestApp, TestApp } from '../testing/test-app';

const CODE = `mutation($reportId: ID!, $input: ReportCodeInput!) {
  codeReportPassage(reportId: $reportId, input: $input) {
    id reportId coderId kind pageNumber startOffset endOffset quote category effect statement themeKeys version
  }
}`;
const UPDATE = `mutation($id: ID!, $expectedVersion: Int!, $input: ReportCodeInput!) {
  updateReportCode(id: $id, expectedVersion: $expectedVersion, input: $input) {
    id pageNumber startOffset endOffset quote statement version
  }
}`;
const REMOVE = `mutation($id: ID!) { removeReportCode(id: $id) { id version removedAt } }`;
const RESTORE = `mutation($id: ID!) { restoreReportCode(id: $id) { id version removedAt } }`;
const MARK = `mutation($reportId: ID!, $expectedVersion: Int) {
  markReportCoded(reportId: $reportId, expectedVersion: $expectedVersion) { id status version codedAt }
}`;
const UNMARK = `mutation($reportId: ID!, $expectedVersion: Int) {
  unmarkReportCoded(reportId: $reportId, expectedVersion: $expectedVersion) { id status version codedAt }
}`;
const CODES = `query($id: ID!, $coderId: ID) {
  report(id: $id) { id version codes(coderId: $coderId) { id kind pageNumber startOffset endOffset quote themeKeys coderId } }
}`;
const COMPARE = `query($reportId: ID!, $a: ID!, $b: ID!) {
  codingComparison(reportId: $reportId, userA: $a, userB: $b) {
    characters
    categories { key kappa percentAgreement both aOnly bOnly neither }
    themes { key label kappa percentAgreement both aOnly bOnly neither }
  }
}`;
const THEMES = `query($filter: CorpusFilter, $kind: ThemeKind!) {
  themePrevalence(filter: $filter, kind: $kind) { denominator rows { key count } }
}`;
const CATEGORIES = `query($filter: CorpusFilter) {
  categoryPrevalence(filter: $filter) { denominator rows { key count } }
}`;
const REVIEWS = `query($filter: CorpusFilter) {
  corpusReviews(filter: $filter, first: 50) {
    totalCount edges { node { id reviewId source reportId reference title type publicationYear caseCharacteristics practiceThemes categories
      currentlyPublished readable } }
  }
}`;
const FINDINGS = `query($filter: CorpusFilter) {
  corpusFindings(filter: $filter, first: 50) {
    totalCount edges { node { id source reportId reviewId reference title statement category effect themeKeys
      passage { pageNumber startOffset endOffset quote } } }
  }
}`;

/** Offsets in code points of `quote` in `text` (its first occurrence). */
function offsets(text: string, quote: string): { startOffset: number; endOffset: number } {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`"${quote}" is not in the page`);
  const startOffset = [...text.slice(0, at)].length;
  return { startOffset, endOffset: startOffset + [...quote].length };
}

describe('coding reports, and coded reports in the corpus', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let analyst: { id: string; token: string };
  let second: { id: string; token: string };
  let trainer: { id: string; token: string };
  let reviewer: { id: string; token: string };
  const reports: Record<string, { id: string; pages: string[] }> = {};

  /** A report in the library, with its pages, as extraction leaves it. */
  async function insertReport(
    title: string,
    catalogue: { partnership: string; publishedOn: string; reviewType: string },
    pages: string[],
  ): Promise<string> {
    const sha = createHash('sha256').update(title).digest('hex');
    await db.query(
      `INSERT INTO report_file (sha256, media_type, byte_size, chunk_count) VALUES ($1, 'application/pdf', 10, 0)`,
      [sha],
    );
    const id = randomUUID();
    await db.query(
      `INSERT INTO report (id, title, partnership, published_on, review_type, file_sha256, file_name,
         media_type, byte_size, page_count, text_layer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'application/pdf', 10, $8, 'HAS_TEXT')`,
      [
        id,
        title,
        catalogue.partnership,
        catalogue.publishedOn,
        catalogue.reviewType,
        sha,
        `${title}.pdf`,
        pages.length,
      ],
    );
    for (const [i, text] of pages.entries())
      await db.query(`INSERT INTO report_page (report_id, page_number, text) VALUES ($1, $2, $3)`, [
        id,
        i + 1,
        text,
      ]);
    reports[title] = { id, pages };
    return id;
  }

  const code = (
    token: string,
    title: string,
    page: number,
    quote: string,
    rest: Record<string, unknown>,
  ) =>
    t.gql<{ codeReportPassage: { id: string; version: number } }>(
      CODE,
      {
        reportId: reports[title].id,
        input: {
          pageNumber: page,
          ...offsets(reports[title].pages[page - 1], quote),
          quote,
          ...rest,
        },
      },
      token,
    );
  const codeOk = async (...args: Parameters<typeof code>) => {
    const result = await code(...args);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.codeReportPassage;
  };
  const finding = (category: string, themeKeys: string[], statement: string) => ({
    kind: 'FINDING',
    category,
    effect: 'MAKES_PROBLEMS_MORE_LIKELY',
    statement,
    themeKeys,
  });
  const characteristics = (themeKeys: string[]) => ({ kind: 'CASE_CHARACTERISTICS', themeKeys });

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await adminToken(t);
    analyst = await createAccount(t, admin, 'analyst@test.local', 'ANALYST');
    second = await createAccount(t, admin, 'analyst2@test.local', 'ANALYST');
    trainer = await createAccount(t, admin, 'trainer@test.local', 'TRAINER');
    reviewer = await createAccount(t, admin, 'reviewer@test.local', 'REVIEWER');
    // Three published native reviews.
    const review = (
      reference: string,
      publishedAt: string,
      caseCharacteristics: string[],
      findings: [string, string[]][],
    ) => ({
      reference,
      title: `Review ${reference}`,
      partnership: 'Northmoor SCP',
      type: 'SERIOUS_CASE_REVIEW',
      periodEnd: '2020-06-30',
      status: 'PUBLISHED' as const,
      versions: [
        {
          publishedAt,
          caseCharacteristics,
          agencySectors: [],
          findings: findings.map(([category, themeKeys], i) => ({
            title: `Finding ${i + 1} of ${reference}`,
            category,
            effect: 'MAKES_PROBLEMS_MORE_LIKELY' as const,
            statement: 'A statement.',
            themeKeys,
          })),
        },
      ],
    });
    await insertCorpus(db, [
      review('R-1', '2021-03-01T10:00:00Z', ['neglect'], [['TOOLS', ['escalation']]]),
      review(
        'R-2',
        '2022-03-01T10:00:00Z',
        ['domestic-abuse'],
        [['MANAGEMENT_SYSTEMS', ['supervision']]],
      ),
      review(
        'R-3',
        '2022-05-01T10:00:00Z',
        ['neglect', 'domestic-abuse'],
        [['TOOLS', ['information-sharing']]],
      ),
    ]);
    // Four reports: A and B coded, C coded but not marked coded, D coded and then withdrawn.
    // Page texts hold characters outside the BMP (😀) so offsets are code points, not UTF-16 units.
    await insertReport(
      'Report A',
      { partnership: 'Eastvale SCP', publishedOn: '2023-02-01', reviewType: 'Serious Case Review' },
      [
        'Baby A 😀 lived with her mother. Neglect was known to services for years.',
        'The health visitor did not escalate concerns about the home conditions.',
      ],
    );
    await insertReport(
      'Report B',
      { partnership: 'Westmoor SCP', publishedOn: '2024-07-15', reviewType: 'Rapid review' },
      ['Domestic abuse by the father was not shared between agencies 😀 at any point.'],
    );
    await insertReport(
      'Report C',
      { partnership: 'Eastvale SCP', publishedOn: '2023-09-01', reviewType: 'LCSPR' },
      ['Neglect of the children went unescalated for months.'],
    );
    await insertReport(
      'Report D',
      { partnership: 'Eastvale SCP', publishedOn: '2023-10-01', reviewType: 'Serious Case Review' },
      ['Neglect was evident; the school did not escalate.'],
    );
    await codeOk(
      analyst.token,
      'Report A',
      1,
      'Neglect was known to services',
      characteristics(['neglect']),
    );
    await codeOk(
      analyst.token,
      'Report A',
      2,
      'did not escalate concerns about the home',
      finding('HUMAN_REASONING', ['escalation'], 'Concerns about the home were not escalated.'),
    );
    await codeOk(
      analyst.token,
      'Report B',
      1,
      'Domestic abuse',
      characteristics(['domestic-abuse']),
    );
    await codeOk(
      analyst.token,
      'Report B',
      1,
      'was not shared between agencies 😀',
      finding('TOOLS', ['information-sharing'], 'Agencies did not share what they knew.'),
    );
    await codeOk(analyst.token, 'Report C', 1, 'Neglect', characteristics(['neglect']));
    await codeOk(
      analyst.token,
      'Report C',
      1,
      'went unescalated',
      finding('TOOLS', ['escalation'], 'Unescalated.'),
    );
    await codeOk(analyst.token, 'Report D', 1, 'Neglect was evident', characteristics(['neglect']));
    await codeOk(
      analyst.token,
      'Report D',
      1,
      'did not escalate',
      finding('TOOLS', ['escalation'], 'Not escalated.'),
    );
    for (const title of ['Report A', 'Report B', 'Report D'])
      await ok(t, MARK, { reportId: reports[title].id }, analyst.token);
    await db.query(
      `UPDATE report SET withdrawn_at = now(), withdrawn_by = $2, withdrawn_reason = 'Names the child' WHERE id = $1`,
      [reports['Report D'].id, analyst.id],
    );
  });
  afterAll(() => t.close());

  const counts = (rows: { key: string; count: number }[]) =>
    Object.fromEntries(rows.filter((row) => row.count > 0).map((row) => [row.key, row.count]));

  it('counts reviews, coded reports, or both; an uncoded or withdrawn report never', async () => {
    // REVIEW: R-1 (neglect), R-2 (domestic abuse), R-3 (both) → 3; neglect 2, domestic abuse 2.
    // REPORT: A (neglect), B (domestic abuse); C is not marked coded, D is withdrawn → 2; 1 and 1.
    // Both: 5; neglect 3, domestic abuse 3. Domestic abuse counts under its broader term, the
    // toxic trio, too; B; and B.
    const expected = {
      REVIEW: {
        denominator: 3,
        characteristics: { neglect: 2, 'domestic-abuse': 2, 'toxic-trio': 2 },
      },
      REPORT: {
        denominator: 2,
        characteristics: { neglect: 1, 'domestic-abuse': 1, 'toxic-trio': 1 },
      },
      BOTH: {
        denominator: 5,
        characteristics: { neglect: 3, 'domestic-abuse': 3, 'toxic-trio': 3 },
      },
    };
    for (const [name, sources] of [
      ['REVIEW', ['REVIEW']],
      ['REPORT', ['REPORT']],
      ['BOTH', undefined],
      ['BOTH', ['REPORT', 'REVIEW']],
    ] as const) {
      const filter = sources ? { sources } : {};
      const { themePrevalence } = await ok<{
        themePrevalence: { denominator: number; rows: { key: string; count: number }[] };
      }>(t, THEMES, { filter, kind: 'CASE_CHARACTERISTIC' }, analyst.token);
      expect(themePrevalence.denominator).toBe(expected[name].denominator);
      expect(counts(themePrevalence.rows)).toEqual(expected[name].characteristics);
    }
    // Practice themes: escalation R-1 and A; information-sharing R-3 and B; supervision R-2.
    const practice = async (sources: string[]) =>
      counts(
        (
          await ok<{ themePrevalence: { rows: { key: string; count: number }[] } }>(
            t,
            THEMES,
            { filter: { sources }, kind: 'PRACTICE_THEME' },
            analyst.token,
          )
        ).themePrevalence.rows,
      );
    expect(await practice(['REPORT'])).toEqual({ escalation: 1, 'information-sharing': 1 });
    expect(await practice(['REVIEW', 'REPORT'])).toEqual({
      escalation: 2,
      'information-sharing': 2,
      supervision: 1,
    });
    // Categories: REVIEW TOOLS, MANAGEMENT_SYSTEMS R-2; REPORT TOOLS B, HUMAN_REASONING A.
    const categories = async (sources: string[]) =>
      counts(
        (
          await ok<{ categoryPrevalence: { rows: { key: string; count: number }[] } }>(
            t,
            CATEGORIES,
            { filter: { sources } },
            analyst.token,
          )
        ).categoryPrevalence.rows,
      );
    expect(await categories(['REVIEW'])).toEqual({ TOOLS: 2, MANAGEMENT_SYSTEMS: 1 });
    expect(await categories(['REPORT'])).toEqual({ TOOLS: 1, HUMAN_REASONING: 1 });
    expect(await categories(['REVIEW', 'REPORT'])).toEqual({
      TOOLS: 3,
      MANAGEMENT_SYSTEMS: 1,
      HUMAN_REASONING: 1,
    });
    // A filter by theme works across both: neglect → and A.
    const { corpusReviews } = await ok<{
      corpusReviews: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(t, REVIEWS, { filter: { themeKeys: ['neglect'] } }, analyst.token);
    expect(corpusReviews.edges.map((e) => [e.node.reference, e.node.source])).toEqual([
      ['R-1', 'REVIEW'],
      ['R-3', 'REVIEW'],
      ['Report A', 'REPORT'],
    ]);
  });

  it('lists each item with its kind, a report with its catalogue and the passage of each finding', async () => {
    const { corpusReviews } = await ok<{
      corpusReviews: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(t, REVIEWS, { filter: {} }, analyst.token);
    expect(corpusReviews.totalCount).toBe(5);
    const a = corpusReviews.edges.find((e) => e.node.reference === 'Report A')!.node;
    expect(a).toMatchObject({
      id: reports['Report A'].id,
      source: 'REPORT',
      reportId: reports['Report A'].id,
      title: 'Report A',
      type: 'SERIOUS_CASE_REVIEW',
      publicationYear: 2023,
      caseCharacteristics: ['neglect'],
      practiceThemes: ['escalation'],
      categories: ['HUMAN_REASONING'],
      // Published, and not a review to open: never "reopened for correction".
      currentlyPublished: true,
      readable: false,
    });
    const r1 = corpusReviews.edges.find((e) => e.node.reference === 'R-1')!.node;
    expect(r1).toMatchObject({ source: 'REVIEW', reportId: null });
    const b = corpusReviews.edges.find((e) => e.node.reference === 'Report B')!.node;
    expect(b.type).toBe('RAPID_REVIEW');

    const { corpusFindings } = await ok<{
      corpusFindings: { totalCount: number; edges: { node: Record<string, never> }[] };
    }>(t, FINDINGS, { filter: { sources: ['REPORT'] } }, analyst.token);
    expect(corpusFindings.totalCount).toBe(2);
    for (const { node } of corpusFindings.edges) {
      expect(node.source).toBe('REPORT');
      const { pageNumber, startOffset, endOffset, quote } = node.passage as Record<string, never>;
      // The trace back: the quote is the page's text at the offsets (code points, as substr).
      const [{ text }] = await db.query(
        `SELECT substr(text, $3::int + 1, $4::int - $3::int) AS text FROM report_page
          WHERE report_id = $1 AND page_number = $2`,
        [node.reportId, pageNumber, startOffset, endOffset],
      );
      expect(text).toBe(quote);
    }
    const bFinding = corpusFindings.edges.find((e) => e.node.reference === 'Report B')!.node;
    expect(bFinding).toMatchObject({
      category: 'TOOLS',
      title: 'Agencies did not share what they knew.',
      statement: 'Agencies did not share what they knew.',
      themeKeys: ['information-sharing'],
      passage: {
        pageNumber: 1,
        startOffset: 29,
        endOffset: 62,
        quote: 'was not shared between agencies 😀',
      },
    });
    const both = await ok<{
      corpusFindings: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(t, FINDINGS, { filter: { categories: ['TOOLS'] } }, analyst.token);
    expect(both.corpusFindings.edges.map((e) => [e.node.reference, e.node.source])).toEqual([
      ['R-1', 'REVIEW'],
      ['R-3', 'REVIEW'],
      ['Report B', 'REPORT'],
    ]);
    expect(both.corpusFindings.edges[0].node.passage).toBeNull();
    // Search finds a report's finding by its statement or its quote, with the passage.
    const { searchFindings } = await ok<{
      searchFindings: { finding: Record<string, unknown>; review: Record<string, unknown> }[];
    }>(
      t,
      `query($q: String!, $filter: CorpusFilter) { searchFindings(query: $q, filter: $filter) {
        finding { reference source passage { pageNumber quote } } review { source reportId } } }`,
      { q: 'agencies', filter: {} },
      analyst.token,
    );
    expect(searchFindings).toEqual([
      {
        finding: {
          reference: 'Report B',
          source: 'REPORT',
          passage: { pageNumber: 1, quote: 'was not shared between agencies 😀' },
        },
        review: { source: 'REPORT', reportId: reports['Report B'].id },
      },
    ]);
  });

  it('puts coded reports in the case × theme matrix when asked for', async () => {
    const matrix = async (query: string) => {
      const response = await t
        .http()
        .get(`/api/corpus/matrix.csv${query}`)
        .set('authorization', `Bearer ${analyst.token}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      const rows = Papa.parse<string[]>(
        (response.body as Buffer)
          .toString('utf8')
          .replace(/^\ufeff/, '')
          .trim(),
      ).data;
      const neglect = rows[0].indexOf('neglect');
      return rows.slice(1).map((row) => [row[0], row[neglect]]);
    };
    expect(await matrix('?sources=REPORT')).toEqual([
      ['Report A', '1'],
      ['Report B', '0'],
    ]);
    expect((await matrix('')).length).toBe(5);
    expect((await matrix('?sources=REVIEW')).map((row) => row[0])).toEqual(['R-1', 'R-2', 'R-3']);
  });

  it('refuses a passage that is not the page text, out of the page, or coded wrongly', async () => {
    const page = reports['Report A'].pages[0];
    const bad = async (input: Record<string, unknown>, field: string) => {
      const result = await t.gql(
        CODE,
        {
          reportId: reports['Report A'].id,
          input: {
            pageNumber: 1,
            ...offsets(page, 'Neglect'),
            quote: 'Neglect',
            ...characteristics(['neglect']),
            ...input,
          },
        },
        analyst.token,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0].message).toContain(field);
    };
    await bad({ quote: 'neglect' }, 'quote');
    await bad({ startOffset: 5, endOffset: 5 }, 'endOffset');
    await bad({ startOffset: 0, endOffset: 1000 }, 'endOffset');
    await bad({ pageNumber: 9 }, 'pageNumber');
    await bad({ themeKeys: ['no-such-theme'] }, 'themeKeys');
    await bad({ themeKeys: ['escalation'] }, 'themeKeys');
    await bad({ themeKeys: [] }, 'themeKeys');
    await bad({ category: 'TOOLS' }, 'category');
    await bad(
      {
        kind: 'FINDING',
        themeKeys: ['escalation'],
        effect: 'SUPPORTS_GOOD_PRACTICE',
        statement: 'x',
      },
      'category',
    );
    await bad(
      { kind: 'FINDING', themeKeys: [], category: 'TOOLS', effect: 'SUPPORTS_GOOD_PRACTICE' },
      'statement',
    );
    await bad({ category: 'NOT_A_CATEGORY' }, 'category');
    // Offsets count code points: one past the emoji in UTF-16 units would cut the quote short.
    const utf16 = page.indexOf('lived');
    await bad({ startOffset: utf16, endOffset: utf16 + 5, quote: 'lived' }, 'quote');
    const unknown = await t.gql(
      CODE,
      {
        reportId: randomUUID(),
        input: {
          pageNumber: 1,
          startOffset: 0,
          endOffset: 1,
          quote: 'B',
          ...characteristics(['neglect']),
        },
      },
      analyst.token,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The database refuses a quote that is not the page's text, whoever writes it.
    await expect(
      db.query(
        `INSERT INTO report_code (report_id, coder_id, kind, page_number, start_offset, end_offset, quoted_text, theme_keys)
         VALUES ($1, $2, 'CASE_CHARACTERISTICS', 1, 0, 4, 'Nope', '{neglect}')`,
        [reports['Report A'].id, analyst.id],
      ),
    ).rejects.toThrow(/quoted text/);
  });

  it('lets analysts and administrators code; trainers read codes; reviewers neither', async () => {
    const quote = 'for years';
    for (const [token, expected] of [
      [trainer.token, 'FORBIDDEN'],
      [reviewer.token, 'FORBIDDEN'],
    ] as const) {
      const result = await code(token, 'Report A', 1, quote, characteristics(['neglect']));
      expect(result.errors?.[0].extensions?.code).toBe(expected);
      const mark = await t.gql(MARK, { reportId: reports['Report C'].id }, token);
      expect(mark.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const byAdmin = await codeOk(admin, 'Report C', 1, 'children', characteristics(['neglect']));
    const read = await ok<{ report: { codes: { id: string }[] } }>(
      t,
      CODES,
      { id: reports['Report C'].id },
      trainer.token,
    );
    expect(read.report.codes.map((c) => c.id)).toContain(byAdmin.id);
    const byReviewer = await t.gql(CODES, { id: reports['Report C'].id }, reviewer.token);
    expect(byReviewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Another analyst may not change someone's code; the administrator may.
    const other = await t.gql(REMOVE, { id: byAdmin.id }, analyst.token);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ok(t, REMOVE, { id: byAdmin.id }, admin);
  });

  it('edits and moves a code at the version seen, and undoes a removal', async () => {
    const page = reports['Report C'].pages[0];
    const created = await codeOk(
      analyst.token,
      'Report C',
      1,
      'for months',
      finding('LONGER_TERM_WORK', ['drift'], 'Drift.'),
    );
    const moved = await ok<{ updateReportCode: Record<string, unknown> }>(
      t,
      UPDATE,
      {
        id: created.id,
        expectedVersion: 1,
        input: {
          pageNumber: 1,
          ...offsets(page, 'went unescalated for months'),
          quote: 'went unescalated for months',
          ...finding('LONGER_TERM_WORK', ['drift'], 'Drift over months.'),
        },
      },
      analyst.token,
    );
    expect(moved.updateReportCode).toMatchObject({
      startOffset: 24,
      endOffset: 51,
      statement: 'Drift over months.',
      version: 2,
    });
    const stale = await t.gql(
      UPDATE,
      {
        id: created.id,
        expectedVersion: 1,
        input: {
          pageNumber: 1,
          ...offsets(page, 'Neglect'),
          quote: 'Neglect',
          ...finding('TOOLS', [], 'x'),
        },
      },
      analyst.token,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const listed = async () =>
      (
        await ok<{ report: { codes: { id: string }[] } }>(
          t,
          CODES,
          { id: reports['Report C'].id, coderId: analyst.id },
          analyst.token,
        )
      ).report.codes.map((c) => c.id);
    const removed = await ok<{ removeReportCode: { removedAt: string | null; version: number } }>(
      t,
      REMOVE,
      { id: created.id },
      analyst.token,
    );
    expect(removed.removeReportCode.removedAt).not.toBeNull();
    expect(await listed()).not.toContain(created.id);
    const restored = await ok<{ restoreReportCode: { removedAt: string | null; version: number } }>(
      t,
      RESTORE,
      { id: created.id },
      analyst.token,
    );
    expect(restored.restoreReportCode).toMatchObject({ removedAt: null, version: 4 });
    expect(await listed()).toContain(created.id);
  });

  it('marks a report coded at the version seen; only then does it count', async () => {
    const reportC = reports['Report C'].id;
    const { report } = await ok<{ report: { version: number } }>(
      t,
      CODES,
      { id: reportC },
      analyst.token,
    );
    const total = async () =>
      (
        await ok<{ corpusReviews: { totalCount: number } }>(
          t,
          REVIEWS,
          { filter: { sources: ['REPORT'] } },
          analyst.token,
        )
      ).corpusReviews.totalCount;
    expect(await total()).toBe(2);
    const marked = await ok<{
      markReportCoded: { status: string; version: number; codedAt: string };
    }>(t, MARK, { reportId: reportC, expectedVersion: report.version }, analyst.token);
    expect(marked.markReportCoded).toMatchObject({ status: 'CODED', version: report.version + 1 });
    expect(marked.markReportCoded.codedAt).not.toBeNull();
    expect(await total()).toBe(3);
    const stale = await t.gql(
      UNMARK,
      { reportId: reportC, expectedVersion: report.version },
      analyst.token,
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    await ok(t, UNMARK, { reportId: reportC, expectedVersion: report.version + 1 }, analyst.token);
    expect(await total()).toBe(2);
  });

  it("compares two coders' coding by Cohen's kappa per category and theme", async () => {
    // A one-page report of exactly 100 characters.
    const text = 'a'.repeat(100);
    await insertReport(
      'Report K',
      { partnership: 'Kappa SCP', publishedOn: '2024-01-01', reviewType: 'Learning review' },
      [text],
    );
    const id = reports['Report K'].id;
    const codeAt = (token: string, start: number, end: number, input: Record<string, unknown>) =>
      ok(
        t,
        CODE,
        {
          reportId: id,
          input: {
            pageNumber: 1,
            startOffset: start,
            endOffset: end,
            quote: text.slice(start, end),
            ...input,
          },
        },
        token,
      );
    // Analyst: TOOLS/escalation on [10, 40); second analyst: TOOLS/escalation on [20, 50).
    // TOOLS: both [20, 40) = 20, A only 10, B only 10, neither 60.
    //   po = 0.80; pe = 0.3 · 0.3 + 0.7 · 0.7 = 0.58; κ = 0.22 / 0.42 = 0.5238…
    // neglect: only the second analyst, [0, 50): both 0, A only 0, B only 50, neither 50.
    //   po = 0.50; pe = 0 · 0.5 + 1 · 0.5 = 0.5; κ = 0.
    // HUMAN_REASONING: nobody → κ = 1, 100 %.
    await codeAt(analyst.token, 10, 40, finding('TOOLS', ['escalation'], 'A.'));
    await codeAt(second.token, 20, 50, finding('TOOLS', ['escalation'], 'B.'));
    await codeAt(second.token, 0, 50, characteristics(['neglect']));
    const { codingComparison } = await ok<{
      codingComparison: {
        characters: number;
        categories: Record<string, number | string>[];
        themes: Record<string, number | string>[];
      };
    }>(t, COMPARE, { reportId: id, a: analyst.id, b: second.id }, trainer.token);
    expect(codingComparison.characters).toBe(100);
    const tools = codingComparison.categories.find((c) => c.key === 'TOOLS')!;
    expect(tools).toMatchObject({
      both: 20,
      aOnly: 10,
      bOnly: 10,
      neither: 60,
      percentAgreement: 80,
    });
    expect(tools.kappa).toBeCloseTo(0.22 / 0.42, 10);
    expect(codingComparison.categories.find((c) => c.key === 'HUMAN_REASONING')).toMatchObject({
      kappa: 1,
      percentAgreement: 100,
    });
    expect(codingComparison.themes.map((c) => c.key)).toEqual(['escalation', 'neglect']);
    expect(codingComparison.themes[1]).toMatchObject({
      label: 'Neglect',
      kappa: 0,
      bOnly: 50,
      percentAgreement: 50,
    });
    const refused = await t.gql(
      COMPARE,
      { reportId: id, a: analyst.id, b: second.id },
      reviewer.token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reads the published reviews alone, as fast as before, while no report is in the corpus', async () => {
    const coded: { id: string }[] = await db.query(
      `UPDATE report SET status = 'UNCODED' WHERE status = 'CODED' RETURNING id`,
    );
    const spy = jest.spyOn(db.manager, 'query');
    const counted = () =>
      spy.mock.calls.map(([sql]) => sql).filter((sql) => /count\(\*\)/.test(sql));
    try {
      const { categoryPrevalence } = await ok<{ categoryPrevalence: { denominator: number } }>(
        t,
        CATEGORIES,
        { filter: {} },
        analyst.token,
      );
      expect(categoryPrevalence.denominator).toBe(3);
      expect(counted().length).toBeGreaterThan(0);
      expect(counted().filter((sql) => /corpus_report/.test(sql))).toEqual([]);
      spy.mockClear();
      // Reports asked for alone are still read from the reports (and there are none).
      const reportsOnly = await ok<{ categoryPrevalence: { denominator: number } }>(
        t,
        CATEGORIES,
        { filter: { sources: ['REPORT'] } },
        analyst.token,
      );
      expect(reportsOnly.categoryPrevalence.denominator).toBe(0);
      expect(counted().every((sql) => /corpus_report_entry/.test(sql))).toBe(true);
    } finally {
      spy.mockRestore();
      await db.query(`UPDATE report SET status = 'CODED' WHERE id = ANY($1::uuid[])`, [
        coded.map((row) => row.id),
      ]);
    }
  });
});
