import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { adminToken, createAccount, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

interface Case {
  reference: string;
  periodEnd: string;
  caseCharacteristics: string[];
  finding: { title: string; category: string; effect: string; statement: string; themes: string[] };
  factorThemes: string[];
  sector: string;
}

/**
 * A partnership's audit round of four neglect cases, after the Dudley audit briefing
 * (shared/seeds/004): every case neglect, three of four parental substance misuse.
 *
 *          case characteristics (besides neglect, mental health, disguised compliance)   finding         period end
 *   DUD-1  alcohol, GCP used                          published                        TOOLS problem   2022
 *   DUD-2  drug, learning disability, GCP used                                         HUMAN problem   2022
 *   DUD-3  alcohol and drug (substance misuse once)                                    TOOLS good      2023
 *   DUD-4  domestic abuse, GCP used                                                    MGMT problem    2023
 */
const CASES: Case[] = [
  {
    reference: 'DUD-1',
    periodEnd: '2022-05-31',
    caseCharacteristics: ['parental-alcohol-misuse', 'graded-care-profile-used'],
    finding: {
      title: 'Assessment tools did not capture cumulative neglect',
      category: 'TOOLS',
      effect: 'MAKES_PROBLEMS_MORE_LIKELY',
      statement: 'Single incidents were assessed one at a time.',
      themes: ['assessment-quality'],
    },
    factorThemes: ['thresholds'],
    sector: 'CHILDRENS_SOCIAL_CARE',
  },
  {
    reference: 'DUD-2',
    periodEnd: '2022-11-30',
    caseCharacteristics: [
      'parental-drug-misuse',
      'parental-learning-disability',
      'graded-care-profile-used',
    ],
    finding: {
      title: 'Compliance taken at face value',
      category: 'HUMAN_REASONING',
      effect: 'MAKES_PROBLEMS_MORE_LIKELY',
      statement: 'Practitioners accepted the parents’ engagement at face value.',
      themes: ['professional-curiosity'],
    },
    factorThemes: [],
    sector: 'HEALTH',
  },
  {
    reference: 'DUD-3',
    periodEnd: '2023-03-31',
    caseCharacteristics: ['parental-alcohol-misuse', 'parental-drug-misuse'],
    finding: {
      title: 'Escalation through the resolution protocol',
      category: 'TOOLS',
      effect: 'SUPPORTS_GOOD_PRACTICE',
      statement: 'The school escalated its concerns and was heard.',
      themes: ['escalation'],
    },
    factorThemes: [],
    sector: 'EDUCATION',
  },
  {
    reference: 'DUD-4',
    periodEnd: '2023-09-30',
    caseCharacteristics: ['domestic-abuse', 'graded-care-profile-used'],
    finding: {
      title: 'Supervision did not revisit the plan',
      category: 'MANAGEMENT_SYSTEMS',
      effect: 'MAKES_PROBLEMS_MORE_LIKELY',
      statement: 'Supervision recorded tasks but not the child’s progress.',
      themes: ['supervision'],
    },
    factorThemes: [],
    sector: 'POLICE',
  },
];

/** A review ready for publication, nothing in its texts that identifies anyone. */
function bundleOf(c: Case) {
  return {
    format: 'scr-workbench/review-bundle',
    formatVersion: 1,
    review: {
      reference: c.reference,
      title: `Audit case ${c.reference}`,
      partnership: 'Dudley Safeguarding Children Board',
      type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
      status: 'DRAFTING',
      methodology: 'LEARNING_TOGETHER',
      periodStart: '2021-01-01',
      periodEnd: c.periodEnd,
      summary: 'A child living with neglect.',
      caseCharacteristics: [
        'neglect',
        'parental-mental-health',
        'disguised-compliance',
        ...c.caseCharacteristics,
      ],
      caseGroupSignOff: { at: '2024-01-10T10:00:00.000Z', by: 'Case Group Chair' },
    },
    agencies: [{ ref: 'a1', name: 'An agency', sector: c.sector }],
    people: [],
    relationships: [],
    events: [
      {
        ref: 'e1',
        occurredOn: '2021-03-14',
        precision: 'DAY',
        time: null,
        agency: 'a1',
        title: 'Home visit',
        description: 'The home was cold and there was little food.',
        source: 'Agency records',
        people: [],
        contacts: {},
      },
    ],
    episodes: [
      {
        ref: 'k1',
        ordinal: 1,
        title: 'Work with the family',
        summary: 'Visits over a year.',
        startDate: '2021-02-01',
        endDate: '2021-12-01',
        events: ['e1'],
        viewFromTheTunnel: 'The worker saw a family that engaged.',
        appraisal: 'BELOW_EXPECTED',
        appraisalNarrative: null,
        explanation: null,
      },
    ],
    factors: [
      {
        ref: 'f1',
        episode: 'k1',
        level: 'OWN_TEAM',
        description: 'Caseloads were high.',
        themes: c.factorThemes,
        effect: 'MAKES_PROBLEMS_MORE_LIKELY',
        tier: 'FRONTLINE',
      },
    ],
    reviewQuestions: [],
    conversations: [],
    findings: [
      {
        ref: 'n1',
        ordinal: 1,
        ...c.finding,
        manifestation: null,
        prevalence: null,
        significance: null,
        notPeculiar: null,
        questions: ['How will the board know that neglect is seen whole?'],
        episodes: ['k1'],
        factors: ['f1'],
        events: [],
        references: [],
        answers: [],
        boardActions: [],
        comments: [],
      },
    ],
  };
}

const PREVALENCE = `query($f: CorpusFilter, $k: ThemeKind!) {
  themePrevalence(filter: $f, kind: $k) { denominator rows { key count percent } } }`;

describe('a live analysis of a collection, published or not', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let analyst: string;
  let outsider: string;
  let collectionId: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    lead = (await createAccount(t, admin, 'lead@audit.test', 'REVIEWER')).token;
    analyst = (await createAccount(t, admin, 'analyst@audit.test', 'ANALYST')).token;
    outsider = (await createAccount(t, admin, 'outsider@audit.test', 'REVIEWER')).token;
    for (const c of CASES) {
      const response = await t
        .http()
        .post('/api/reviews/bundle')
        .set('authorization', `Bearer ${lead}`)
        .send(bundleOf(c));
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      ids.set(c.reference, response.body.reviewId as string);
    }
    const published = await ok<{ publishReview: { published: boolean } }>(
      t,
      'mutation($id: ID!) { publishReview(id: $id) { published problems { kind field excerpt recordType } } }',
      { id: ids.get('DUD-1') },
      lead,
    );
    expect(published.publishReview).toEqual({ published: true, problems: [] });
    collectionId = (
      await ok<{ createCollection: { id: string } }>(
        t,
        'mutation { createCollection(input: { name: "Neglect audit 2024" }) { id } }',
        {},
        lead,
      )
    ).createCollection.id;
    await ok(
      t,
      'mutation($c: ID!, $r: [ID!]!) { addToCollection(collectionId: $c, reviewIds: $r) { id } }',
      { c: collectionId, r: [...ids.values()] },
      lead,
    );
  });
  afterAll(() => t.close());

  const live = (extra: Record<string, unknown> = {}) => ({ collectionId, live: true, ...extra });
  const prevalence = async (kind: string, filter: Record<string, unknown>, token = lead) => {
    const table = (
      await ok<{
        themePrevalence: {
          denominator: number;
          rows: { key: string; count: number; percent: number }[];
        };
      }>(t, PREVALENCE, { f: filter, k: kind }, token)
    ).themePrevalence;
    return {
      denominator: table.denominator,
      of: (key: string) => {
        const row = table.rows.find((r) => r.key === key)!;
        return [row.count, row.percent];
      },
    };
  };

  it("gives the audit round's percentages over all four cases, three of them unpublished", async () => {
    const table = await prevalence('CASE_CHARACTERISTIC', live());
    expect(table.denominator).toBe(4);
    expect(table.of('neglect')).toEqual([4, 100]);
    expect(table.of('parental-mental-health')).toEqual([4, 100]);
    expect(table.of('disguised-compliance')).toEqual([4, 100]);
    // DUD-3 has alcohol and drugs: counted once under the broader term
    expect(table.of('parental-substance-misuse')).toEqual([3, 75]);
    expect(table.of('graded-care-profile-used')).toEqual([3, 75]);
    expect(table.of('parental-learning-disability')).toEqual([1, 25]);
    expect(table.of('domestic-abuse')).toEqual([1, 25]);

    // NOT domestic abuse: DUD-1..3, so GCP is 2 of 3
    const withoutAbuse = await prevalence(
      'CASE_CHARACTERISTIC',
      live({ withoutThemeKeys: ['domestic-abuse'] }),
    );
    expect(withoutAbuse.denominator).toBe(3);
    expect(withoutAbuse.of('graded-care-profile-used')).toEqual([2, 66.7]);
    expect(withoutAbuse.of('parental-substance-misuse')).toEqual([3, 100]);

    // practice themes from findings and contributory factors alike
    const themes = await prevalence('PRACTICE_THEME', live());
    expect(themes.of('thresholds')).toEqual([1, 25]);
    expect(themes.of('professional-curiosity')).toEqual([1, 25]);

    // the administrator may run it too; the published collection counts DUD-1 alone
    expect((await prevalence('CASE_CHARACTERISTIC', live(), admin)).denominator).toBe(4);
    expect((await prevalence('CASE_CHARACTERISTIC', { collectionId }, analyst)).denominator).toBe(
      1,
    );
  });

  it('runs every analysis live: categories, co-occurrence, trends, drill-down and search', async () => {
    const data = await ok<{
      categoryPrevalence: {
        denominator: number;
        rows: { key: string; count: number; percent: number }[];
      };
      problems: { rows: { key: string; count: number; percent: number }[] };
      themeCooccurrence: { cells: { a: string; b: string; count: number }[] };
      themeTrend: { year: number; count: number; denominator: number; percent: number }[];
      categoryTrend: { year: number; key: string; count: number }[];
      corpusReviews: {
        totalCount: number;
        edges: {
          node: {
            id: string;
            reviewId: string;
            reference: string;
            publishedAt: string | null;
            publicationYear: number | null;
            incidentYear: number;
            version: number;
            caseCharacteristics: string[];
            categories: string[];
            agencySectors: string[];
          };
        }[];
      };
      corpusFindings: {
        totalCount: number;
        edges: { node: { reference: string; title: string } }[];
      };
      searchFindings: { finding: { reference: string }; snippet: string }[];
    }>(
      t,
      `query($f: CorpusFilter) {
        categoryPrevalence(filter: $f) { denominator rows { key count percent } }
        problems: categoryPrevalence(filter: { collectionId: "${collectionId}", live: true, effects: [MAKES_PROBLEMS_MORE_LIKELY] }) { rows { key count percent } }
        themeCooccurrence(filter: $f, themeKeys: ["parental-substance-misuse", "graded-care-profile-used", "domestic-abuse"]) { cells { a b count } }
        themeTrend(filter: $f, keys: ["parental-substance-misuse"], by: INCIDENT_YEAR) { year count denominator percent }
        categoryTrend(filter: $f, by: INCIDENT_YEAR) { year key count }
        corpusReviews(filter: $f) { totalCount edges { node { id reviewId reference publishedAt publicationYear incidentYear version caseCharacteristics categories agencySectors } } }
        corpusFindings(filter: $f) { totalCount edges { node { reference title } } }
        searchFindings(query: "face value", filter: $f) { finding { reference } snippet }
      }`,
      { f: live() },
      lead,
    );
    const tools = data.categoryPrevalence.rows.find((r) => r.key === 'TOOLS')!;
    expect([data.categoryPrevalence.denominator, tools.count, tools.percent]).toEqual([4, 2, 50]);
    expect(data.problems.rows.find((r) => r.key === 'TOOLS')).toMatchObject({
      count: 1,
      percent: 25,
    });
    expect(data.themeCooccurrence.cells).toEqual([
      { a: 'parental-substance-misuse', b: 'graded-care-profile-used', count: 2 },
      { a: 'parental-substance-misuse', b: 'domestic-abuse', count: 0 },
      { a: 'graded-care-profile-used', b: 'domestic-abuse', count: 1 },
    ]);
    expect(data.themeTrend).toEqual([
      { year: 2022, count: 2, denominator: 2, percent: 100 },
      { year: 2023, count: 1, denominator: 2, percent: 50 },
    ]);
    expect(
      data.categoryTrend.filter((p) => p.count > 0).map((p) => [p.year, p.key, p.count]),
    ).toEqual([
      [2022, 'TOOLS', 1],
      [2022, 'HUMAN_REASONING', 1],
      [2023, 'TOOLS', 1],
      [2023, 'MANAGEMENT_SYSTEMS', 1],
    ]);
    expect(data.corpusReviews.totalCount).toBe(4);
    const nodes = data.corpusReviews.edges.map((e) => e.node);
    expect(nodes.map((n) => n.reference)).toEqual(['DUD-1', 'DUD-2', 'DUD-3', 'DUD-4']);
    expect(nodes[1]).toMatchObject({
      id: ids.get('DUD-2'),
      reviewId: ids.get('DUD-2'),
      publishedAt: null,
      publicationYear: null,
      incidentYear: 2022,
      version: 0,
      categories: ['HUMAN_REASONING'],
      agencySectors: ['HEALTH'],
    });
    expect(nodes[0].version).toBe(1);
    expect(data.corpusFindings.totalCount).toBe(4);
    expect(data.searchFindings.map((h) => h.finding.reference)).toEqual(['DUD-2']);
    expect(data.searchFindings[0].snippet).toContain('<mark>face</mark> <mark>value</mark>');
  });

  it("reads a published review's live row as its snapshot's", async () => {
    const QUERY = `query($f: CorpusFilter) { corpusReviews(filter: $f) { edges { node {
      reference title partnership type publishedAt publicationYear incidentYear version
      caseCharacteristics practiceThemes categories agencySectors } } } }`;
    type Nodes = { corpusReviews: { edges: { node: Record<string, unknown> }[] } };
    const snapshot = (await ok<Nodes>(t, QUERY, { f: { collectionId } }, analyst)).corpusReviews
      .edges[0].node;
    const liveRow = (await ok<Nodes>(t, QUERY, { f: live() }, lead)).corpusReviews.edges.find(
      (e) => e.node.reference === 'DUD-1',
    )!.node;
    expect(liveRow).toEqual(snapshot);
  });

  it('downloads the live matrix, a year left empty for a review never published', async () => {
    const csv = await t
      .http()
      .get(`/api/corpus/matrix.csv?collectionId=${collectionId}&live=true`)
      .set('authorization', `Bearer ${lead}`);
    expect(csv.status).toBe(200);
    const rows = Papa.parse<string[]>(csv.text.replace(/^\ufeff/, '').trim()).data;
    const heading = rows[0];
    const column = (key: string) => rows.slice(1).map((row) => row[heading.indexOf(key)]);
    expect(column('reference')).toEqual(['DUD-1', 'DUD-2', 'DUD-3', 'DUD-4']);
    expect(column('year')[1]).toBe('');
    expect(column('parental-substance-misuse')).toEqual(['1', '1', '1', '0']);
    expect(column('neglect')).toEqual(['1', '1', '1', '1']);

    const xlsx = await t
      .http()
      .get(`/api/corpus/matrix.xlsx?collectionId=${collectionId}&live=true`)
      .set('authorization', `Bearer ${lead}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    expect(workbook.getWorksheet('Matrix')!.rowCount).toBe(5);
  });

  it('refuses whoever cannot read every review, saying how many but not which', async () => {
    const refusal = async (token: string, filter: Record<string, unknown>) => {
      const result = await t.gql(PREVALENCE, { f: filter, k: 'CASE_CHARACTERISTIC' }, token);
      expect(result.data).toBeNull();
      return result.errors![0];
    };
    // an analyst reads the published DUD-1 only
    const analystRefused = await refusal(analyst, live());
    expect(analystRefused.extensions?.code).toBe('FORBIDDEN');
    expect(analystRefused.message).toBe(
      'You may not read 3 of the 4 reviews of this collection, so it cannot be analysed as it is now; its published reviews can be (without live).',
    );
    const outsiderRefused = await refusal(outsider, live());
    expect(outsiderRefused.extensions?.code).toBe('FORBIDDEN');
    expect(outsiderRefused.message).toContain('You may not read 4 of the 4 reviews');
    for (const error of [analystRefused, outsiderRefused])
      expect(JSON.stringify(error)).not.toMatch(/DUD-|Audit case/);
    // a reviewer without live: the published corpus is not theirs
    expect((await refusal(lead, { collectionId })).extensions?.code).toBe('FORBIDDEN');
    // the matrix is refused alike
    const csv = await t
      .http()
      .get(`/api/corpus/matrix.csv?collectionId=${collectionId}&live=true`)
      .set('authorization', `Bearer ${analyst}`);
    expect(csv.status).toBe(403);
    expect(csv.text).not.toMatch(/DUD-/);
    // live needs a collection, and one that exists
    expect((await refusal(lead, { live: true })).extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await refusal(lead, { live: true, collectionId: '00000000-0000-4000-8000-000000000000' }))
        .extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('says on the collection whether you may analyse it live', async () => {
    const QUERY = 'query($id: ID!) { collection(id: $id) { canAnalyse } }';
    const canAnalyse = async (token: string) =>
      (await ok<{ collection: { canAnalyse: boolean } }>(t, QUERY, { id: collectionId }, token))
        .collection.canAnalyse;
    expect(await canAnalyse(lead)).toBe(true);
    expect(await canAnalyse(admin)).toBe(true);
    expect(await canAnalyse(analyst)).toBe(false);
    expect(await canAnalyse(outsider)).toBe(false);
  });

  it('says whether a corpus review is published now, and whether you may open it', async () => {
    const QUERY = `query($f: CorpusFilter) { corpusReviews(filter: $f) { edges { node { reference currentlyPublished readable } } }
      searchFindings(query: "cumulative", filter: $f) { review { reference currentlyPublished readable } } }`;
    type Result = {
      corpusReviews: { edges: { node: Record<string, unknown> }[] };
      searchFindings: { review: Record<string, unknown> }[];
    };
    const before = await ok<Result>(t, QUERY, { f: { collectionId } }, analyst);
    expect(before.corpusReviews.edges[0].node).toEqual({
      reference: 'DUD-1',
      currentlyPublished: true,
      readable: true,
    });
    await ok(
      t,
      'mutation($id: ID!) { reopenReview(id: $id, reason: "Correct a date") { status } }',
      { id: ids.get('DUD-1') },
      lead,
    );
    const after = await ok<Result>(t, QUERY, { f: { collectionId } }, analyst);
    const reopened = { reference: 'DUD-1', currentlyPublished: false, readable: false };
    expect(after.corpusReviews.edges[0].node).toEqual(reopened);
    expect(after.searchFindings[0].review).toEqual(reopened);
    // the administrator may still open it
    const forAdmin = await ok<Result>(t, QUERY, { f: { collectionId } }, admin);
    expect(forAdmin.corpusReviews.edges[0].node).toMatchObject({ readable: true });
  });
});
