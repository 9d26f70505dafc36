import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse } from 'graphql';
import Papa from 'papaparse';
import { queryCost } from '../graphql/query-cost';
import ExcelJS from 'exceljs';
import { adminToken, createAccount, ok } from '../testing/accounts';
import { InsertedReview, insertSmallCorpus } from '../testing/corpus-fixtures';
import { startTestApp, TestApp } from '../testing/test-app';
import { DataSource } from 'typeorm';
import { WHOLE_CORPUS } from './corpus-scope';
import { CorpusRepository } from './corpus.repository';

interface PlanNode {
  'Node Type': string;
  Output: string[];
  Plans?: PlanNode[];
}

/*
 * The small corpus (testing/corpus-fixtures.ts), worked by hand. In the corpus: CR-01 (its
 * version 2), CR-02, CR-03, CR-04; never counted: CR-01's version 1, CR-05 (withdrawn), CR-06
 * (never published).
 *
 *          case characteristics                     categories (effect)                  published  incident
 *   CR-01  neglect, domestic-abuse, p-alcohol       TOOLS(good) MANAGEMENT(problem)     2022       2021
 *   CR-02  neglect, p-drug                          TOOLS(problem) HUMAN(problem)       2022       2022
 *   CR-03  domestic-abuse, p-mental-health          INCIDENTS(good) TOOLS(good)         2023       2022
 *   CR-04  neglect                                  LONGER_TERM(problem)                2023       —
 *
 * Broader: parental-substance-misuse ⊃ p-alcohol, p-drug; toxic-trio ⊃ domestic-abuse,
 * p-mental-health, parental-substance-misuse.
 */
describe('the corpus API over published snapshots', () => {
  let t: TestApp;
  let analyst: string;
  let trainer: string;
  let reviewer: string;
  let admin: string;
  let corpus: Map<string, InsertedReview>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    analyst = (await createAccount(t, admin, 'analyst@test.local', 'ANALYST')).token;
    trainer = (await createAccount(t, admin, 'trainer@test.local', 'TRAINER')).token;
    reviewer = (await createAccount(t, admin, 'reviewer@test.local', 'REVIEWER')).token;
    corpus = await insertSmallCorpus(t);
  });
  afterAll(() => t.close());

  const PREVALENCE = `query($f: CorpusFilter, $k: ThemeKind!) {
    themePrevalence(filter: $f, kind: $k) { denominator rows { key label count percent } } }`;
  const prevalence = async (kind: string, filter?: Record<string, unknown>) =>
    (
      await ok<{
        themePrevalence: {
          denominator: number;
          rows: { key: string; label: string; count: number; percent: number }[];
        };
      }>(t, PREVALENCE, { f: filter, k: kind }, analyst)
    ).themePrevalence;
  const counts = (
    table: { rows: { key: string; count: number; percent: number }[] },
    keys: string[],
  ) =>
    Object.fromEntries(
      keys.map((key) => {
        const row = table.rows.find((r) => r.key === key);
        return [key, row ? [row.count, row.percent] : undefined];
      }),
    );

  it('counts case characteristics over current, not withdrawn snapshots, broader terms once', async () => {
    const table = await prevalence('CASE_CHARACTERISTIC');
    expect(table.denominator).toBe(4);
    expect(
      counts(table, [
        'neglect',
        'domestic-abuse',
        'parental-alcohol-misuse',
        'parental-drug-misuse',
        'parental-substance-misuse',
        'parental-mental-health',
        'toxic-trio',
        'child-under-one',
      ]),
    ).toEqual({
      neglect: [3, 75],
      'domestic-abuse': [2, 50],
      'parental-alcohol-misuse': [1, 25],
      'parental-drug-misuse': [1, 25],
      'parental-substance-misuse': [2, 50],
      'parental-mental-health': [1, 25],
      // CR-01 has domestic abuse and alcohol misuse: counted once
      'toxic-trio': [3, 75],
      // only in CR-01's superseded version 1
      'child-under-one': [0, 0],
    });
    expect(table.rows.find((r) => r.key === 'parental-substance-misuse')?.label).toBe(
      'Parental substance misuse',
    );
    expect(table.rows[0].count).toBeGreaterThanOrEqual(table.rows[1].count);
  });

  it('seeds the broader terms: substance misuse, and the toxic trio above it', async () => {
    const data = await ok<{ themes: { key: string; label: string; broaderKey: string | null }[] }>(
      t,
      '{ themes(kind: CASE_CHARACTERISTIC) { key label broaderKey } }',
      {},
      analyst,
    );
    const broader = Object.fromEntries(data.themes.map((theme) => [theme.key, theme.broaderKey]));
    expect(broader).toMatchObject({
      'parental-alcohol-misuse': 'parental-substance-misuse',
      'parental-drug-misuse': 'parental-substance-misuse',
      'parental-substance-misuse': 'toxic-trio',
      'domestic-abuse': 'toxic-trio',
      'parental-mental-health': 'toxic-trio',
      'toxic-trio': null,
      neglect: null,
    });
    expect(data.themes.find((theme) => theme.key === 'toxic-trio')?.label).toBe(
      'Domestic abuse, parental mental ill-health and substance misuse',
    );
  });

  it('counts practice themes from the findings', async () => {
    const table = await prevalence('PRACTICE_THEME');
    expect(table.denominator).toBe(4);
    expect(counts(table, ['escalation', 'supervision', 'voice-of-the-child'])).toEqual({
      escalation: [3, 75],
      supervision: [1, 25],
      'voice-of-the-child': [0, 0],
    });
  });

  it('rounds percentages to one decimal over a NOT filter', async () => {
    const table = await prevalence('CASE_CHARACTERISTIC', {
      withoutThemeKeys: ['parental-mental-health'],
    });
    expect(table.denominator).toBe(3);
    expect(counts(table, ['neglect', 'domestic-abuse', 'parental-substance-misuse'])).toEqual({
      neglect: [3, 100],
      'domestic-abuse': [1, 33.3],
      'parental-substance-misuse': [2, 66.7],
    });
  });

  const REVIEWS = `query($f: CorpusFilter, $first: Int, $after: String) {
    corpusReviews(filter: $f, first: $first, after: $after) {
      totalCount edges { node { id reviewId reference title partnership type publishedAt publicationYear
        version caseCharacteristics practiceThemes categories } } pageInfo { hasNextPage endCursor } } }`;
  const references = async (filter: Record<string, unknown>) =>
    (
      await ok<{ corpusReviews: { totalCount: number; edges: { node: { reference: string } }[] } }>(
        t,
        REVIEWS,
        { f: filter },
        analyst,
      )
    ).corpusReviews.edges.map((e) => e.node.reference);

  it('filters with AND, OR and NOT, broader keys matching their narrower ones', async () => {
    expect(await references({ themeKeys: ['neglect', 'domestic-abuse'] })).toEqual(['CR-01']);
    expect(
      await references({
        themeKeys: ['neglect'],
        anyThemeKeys: ['domestic-abuse', 'parental-drug-misuse'],
        withoutThemeKeys: ['parental-mental-health'],
      }),
    ).toEqual(['CR-01', 'CR-02']);
    expect(await references({ themeKeys: ['parental-substance-misuse'] })).toEqual([
      'CR-01',
      'CR-02',
    ]);
    expect(await references({ withoutThemeKeys: ['toxic-trio'] })).toEqual(['CR-04']);
    expect(await references({ partnership: 'Northmoor SCP' })).toEqual(['CR-01', 'CR-02']);
    expect(await references({ reviewTypes: ['LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW'] })).toEqual(
      ['CR-03'],
    );
    expect(await references({ agencySectors: ['EDUCATION'] })).toEqual(['CR-03', 'CR-04']);
    expect(await references({ publishedFrom: '2023-01-01', publishedTo: '2023-12-31' })).toEqual([
      'CR-03',
      'CR-04',
    ]);
  });

  it('filters by a collection, counting its published members only', async () => {
    const collection = await ok<{ createCollection: { id: string } }>(
      t,
      'mutation { createCollection(input: { name: "Audit round" }) { id } }',
      {},
      admin,
    );
    const id = collection.createCollection.id;
    await ok(
      t,
      'mutation($c: ID!, $r: [ID!]!) { addToCollection(collectionId: $c, reviewIds: $r) { id } }',
      { c: id, r: ['CR-02', 'CR-05', 'CR-06'].map((reference) => corpus.get(reference)!.reviewId) },
      admin,
    );
    expect(await references({ collectionId: id })).toEqual(['CR-02']);
  });

  it('lists the reviews behind a figure, current version, page by page', async () => {
    const first = await ok<{
      corpusReviews: {
        totalCount: number;
        edges: { node: Record<string, unknown> }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(t, REVIEWS, { f: { categories: ['TOOLS'] }, first: 2 }, analyst);
    expect(first.corpusReviews.totalCount).toBe(3);
    expect(first.corpusReviews.edges[0].node).toEqual({
      id: corpus.get('CR-01')!.snapshotIds[1],
      reviewId: corpus.get('CR-01')!.reviewId,
      reference: 'CR-01',
      title: 'Child A',
      partnership: 'Northmoor SCP',
      type: 'SERIOUS_CASE_REVIEW',
      publishedAt: '2022-03-10T09:00:00.000Z',
      publicationYear: 2022,
      version: 2,
      caseCharacteristics: ['neglect', 'domestic-abuse', 'parental-alcohol-misuse'],
      practiceThemes: ['escalation', 'supervision'],
      categories: ['TOOLS', 'MANAGEMENT_SYSTEMS'],
    });
    expect(first.corpusReviews.pageInfo.hasNextPage).toBe(true);
    const rest = await ok<{ corpusReviews: { edges: { node: { reference: string } }[] } }>(
      t,
      REVIEWS,
      { f: { categories: ['TOOLS'] }, first: 2, after: first.corpusReviews.pageInfo.endCursor },
      analyst,
    );
    expect(rest.corpusReviews.edges.map((e) => e.node.reference)).toEqual(['CR-03']);
  });

  const CATEGORIES = `query($f: CorpusFilter) {
    categoryPrevalence(filter: $f) { denominator rows { key label count percent } } }`;

  it('counts categories in SCIE order, and good practice and problems apart', async () => {
    const all = await ok<{
      categoryPrevalence: { denominator: number; rows: Record<string, unknown>[] };
    }>(t, CATEGORIES, {}, analyst);
    expect(all.categoryPrevalence.denominator).toBe(4);
    expect(all.categoryPrevalence.rows.map((r) => [r.key, r.count, r.percent])).toEqual([
      ['TOOLS', 3, 75],
      ['MANAGEMENT_SYSTEMS', 1, 25],
      ['INCIDENTS_AND_CRISES', 1, 25],
      ['LONGER_TERM_WORK', 1, 25],
      ['FAMILY_PROFESSIONAL_INTERACTION', 0, 0],
      ['HUMAN_REASONING', 1, 25],
    ]);
    expect(all.categoryPrevalence.rows[0].label).toBe('1. Patterns in human–tool operation');
    expect(String(all.categoryPrevalence.rows[5].label).startsWith('6. ')).toBe(true);

    const both = await ok<{
      good: { denominator: number; rows: { key: string; count: number; percent: number }[] };
      problems: { denominator: number; rows: { key: string; count: number; percent: number }[] };
    }>(
      t,
      `{ good: categoryPrevalence(filter: { effects: [SUPPORTS_GOOD_PRACTICE] }) { denominator rows { key count percent } }
         problems: categoryPrevalence(filter: { effects: [MAKES_PROBLEMS_MORE_LIKELY] }) { denominator rows { key count percent } } }`,
      {},
      analyst,
    );
    expect(both.good.denominator).toBe(4);
    expect(both.problems.denominator).toBe(4);
    expect(both.good.rows.map((r) => [r.key, r.count, r.percent])).toEqual([
      ['TOOLS', 2, 50],
      ['MANAGEMENT_SYSTEMS', 0, 0],
      ['INCIDENTS_AND_CRISES', 1, 25],
      ['LONGER_TERM_WORK', 0, 0],
      ['FAMILY_PROFESSIONAL_INTERACTION', 0, 0],
      ['HUMAN_REASONING', 0, 0],
    ]);
    expect(both.problems.rows.map((r) => [r.key, r.count])).toEqual([
      ['TOOLS', 1],
      ['MANAGEMENT_SYSTEMS', 1],
      ['INCIDENTS_AND_CRISES', 0],
      ['LONGER_TERM_WORK', 1],
      ['FAMILY_PROFESSIONAL_INTERACTION', 0],
      ['HUMAN_REASONING', 1],
    ]);
    // the drill-down of "TOOLS, good practice: 2"
    expect(
      await references({ categories: ['TOOLS'], effects: ['SUPPORTS_GOOD_PRACTICE'] }),
    ).toEqual(['CR-01', 'CR-03']);
    const findings = await ok<{
      corpusFindings: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(
      t,
      `query($f: CorpusFilter) { corpusFindings(filter: $f) { totalCount edges { node {
         id reviewId reference ordinal title category effect statement manifestation notPeculiar
         prevalence significance questions themeKeys } } } }`,
      { f: { categories: ['TOOLS'], effects: ['SUPPORTS_GOOD_PRACTICE'] } },
      analyst,
    );
    expect(findings.corpusFindings.totalCount).toBe(2);
    expect(findings.corpusFindings.edges.map((e) => [e.node.reference, e.node.title])).toEqual([
      ['CR-01', 'Escalation policy used well'],
      ['CR-03', 'Shared record flagged risk'],
    ]);
    expect(findings.corpusFindings.edges[0].node).toMatchObject({
      id: corpus.get('CR-01')!.findingIds[1][0],
      ordinal: 1,
      category: 'TOOLS',
      effect: 'SUPPORTS_GOOD_PRACTICE',
      statement: 'Practitioners escalated concerns through the escalation policy.',
      manifestation: null,
      questions: [],
      themeKeys: ['escalation'],
    });
  });

  it('counts each pair of keys once, broader terms included', async () => {
    const data = await ok<{
      themeCooccurrence: { keys: string[]; cells: { a: string; b: string; count: number }[] };
    }>(
      t,
      `{ themeCooccurrence(themeKeys: ["neglect", "domestic-abuse", "parental-substance-misuse"]) { keys cells { a b count } } }`,
      {},
      analyst,
    );
    expect(data.themeCooccurrence).toEqual({
      keys: ['neglect', 'domestic-abuse', 'parental-substance-misuse'],
      cells: [
        { a: 'neglect', b: 'domestic-abuse', count: 1 },
        { a: 'neglect', b: 'parental-substance-misuse', count: 2 },
        { a: 'domestic-abuse', b: 'parental-substance-misuse', count: 1 },
      ],
    });
  });

  it('gives trends per year of publication or of the incident, themes and categories alike', async () => {
    const TREND = `query($by: TrendBasis) { themeTrend(keys: ["neglect", "TOOLS"], by: $by) { year key count denominator percent } }`;
    const published = await ok<{ themeTrend: unknown[] }>(
      t,
      TREND,
      { by: 'PUBLICATION_YEAR' },
      analyst,
    );
    expect(published.themeTrend).toEqual([
      { year: 2022, key: 'neglect', count: 2, denominator: 2, percent: 100 },
      { year: 2022, key: 'TOOLS', count: 2, denominator: 2, percent: 100 },
      { year: 2023, key: 'neglect', count: 1, denominator: 2, percent: 50 },
      { year: 2023, key: 'TOOLS', count: 1, denominator: 2, percent: 50 },
    ]);
    const incident = await ok<{ themeTrend: unknown[] }>(
      t,
      TREND,
      { by: 'INCIDENT_YEAR' },
      analyst,
    );
    expect(incident.themeTrend).toEqual([
      { year: 2021, key: 'neglect', count: 1, denominator: 1, percent: 100 },
      { year: 2021, key: 'TOOLS', count: 1, denominator: 1, percent: 100 },
      { year: 2022, key: 'neglect', count: 1, denominator: 2, percent: 50 },
      { year: 2022, key: 'TOOLS', count: 2, denominator: 2, percent: 100 },
    ]);
    // the drill-down of the point (2022, TOOLS) by year of the incident
    expect(
      await references({ incidentYearFrom: 2022, incidentYearTo: 2022, categories: ['TOOLS'] }),
    ).toEqual(['CR-02', 'CR-03']);
    const categories = await ok<{ categoryTrend: { year: number; key: string; count: number }[] }>(
      t,
      '{ categoryTrend(filter: { effects: [MAKES_PROBLEMS_MORE_LIKELY] }) { year key count } }',
      {},
      analyst,
    );
    expect(categories.categoryTrend.filter((p) => p.count > 0)).toEqual([
      { year: 2022, key: 'TOOLS', count: 1 },
      { year: 2022, key: 'MANAGEMENT_SYSTEMS', count: 1 },
      { year: 2022, key: 'HUMAN_REASONING', count: 1 },
      { year: 2023, key: 'LONGER_TERM_WORK', count: 1 },
    ]);
    expect(categories.categoryTrend).toHaveLength(12);
  });

  it('refuses unknown theme keys by name, and answers an empty set with zeros', async () => {
    const unknown = await t.gql(
      PREVALENCE,
      {
        f: { themeKeys: ['neglect', 'no-such-theme'], withoutThemeKeys: [] },
        k: 'CASE_CHARACTERISTIC',
      },
      analyst,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toBe('themeKeys: unknown theme key "no-such-theme".');
    const trend = await t.gql('{ themeTrend(keys: ["nope", "TOOLS"]) { year } }', {}, analyst);
    expect(trend.errors?.[0].message).toBe('keys: unknown theme key "nope".');

    const empty = await prevalence('CASE_CHARACTERISTIC', { partnership: 'Nowhere' });
    expect(empty.denominator).toBe(0);
    expect(empty.rows.every((r) => r.count === 0 && r.percent === 0)).toBe(true);
    const emptyCategories = await ok<{ categoryPrevalence: { denominator: number } }>(
      t,
      CATEGORIES,
      { f: { partnership: 'Nowhere' } },
      analyst,
    );
    expect(emptyCategories.categoryPrevalence.denominator).toBe(0);
  });

  const SEARCH = `query($q: String!, $f: CorpusFilter) { searchFindings(query: $q, filter: $f) {
    finding { id reference title } review { id reference version title } snippet rank } }`;
  const search = async (query: string, filter?: Record<string, unknown>) =>
    (
      await ok<{
        searchFindings: {
          finding: { id: string; reference: string; title: string };
          review: { reference: string; version: number; title: string };
          snippet: string;
          rank: number;
        }[];
      }>(t, SEARCH, { q: query, f: filter }, analyst)
    ).searchFindings;

  it('searches published findings with stemming, phrases and prefixes', async () => {
    const hits = await search('escalating');
    expect(hits.map((h) => [h.finding.reference, h.finding.title])).toEqual([
      ['CR-01', 'Escalation policy used well'],
      ['CR-04', 'Drift in child in need planning'],
    ]);
    expect(hits[0].review).toEqual({
      id: corpus.get('CR-01')!.snapshotIds[1],
      reference: 'CR-01',
      version: 2,
      title: 'Child A',
    });
    expect(hits[0].snippet).toContain('<mark>Escalation</mark>');
    expect(hits[0].rank).toBeGreaterThan(hits[1].rank);
    expect((await search('"strategy discussion"')).map((h) => h.finding.reference)).toEqual([
      'CR-03',
    ]);
    expect((await search('"discussion strategy"')).length).toBe(0);
    expect((await search('supervis*')).map((h) => h.finding.title)).toEqual([
      'Supervision lacked challenge',
    ]);
    expect((await search('escalation', { partnership: 'Northmoor SCP' })).length).toBe(1);
    expect(await search('the and of')).toEqual([]);
    expect(await search('!!! ??? *')).toEqual([]);
    expect(await search('Realname')).toEqual([]);
  });

  it('refuses a search query longer than 500 characters', async () => {
    const result = await t.gql(SEARCH, { q: 'a'.repeat(10_000) }, analyst);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe('query: at most 500 characters (got 10000).');
  });

  it('finds findings of other published reviews like a finding', async () => {
    const SIMILAR = `query($id: ID!) { similarFindings(findingId: $id) { finding { reference title } rank } }`;
    const data = await ok<{
      similarFindings: { finding: { reference: string; title: string }; rank: number }[];
    }>(t, SIMILAR, { id: corpus.get('CR-01')!.findingIds[1][0] }, analyst);
    const found = data.similarFindings.map((h) => h.finding.reference);
    expect(found[0]).toBe('CR-04');
    expect(found).toContain('CR-03');
    expect(found.every((reference) => ['CR-02', 'CR-03', 'CR-04'].includes(reference))).toBe(true);
    // a finding whose words hold a backslash and an apostrophe
    const fromPath = await ok<{ similarFindings: { finding: { reference: string } }[] }>(
      t,
      SIMILAR,
      { id: corpus.get('CR-04')!.findingIds[0][0] },
      analyst,
    );
    expect(fromPath.similarFindings.map((h) => h.finding.reference)).toContain('CR-01');
    for (const hidden of [
      corpus.get('CR-06')!.findingIds[0][0],
      corpus.get('CR-05')!.findingIds[0][0],
      corpus.get('CR-01')!.findingIds[0][0],
    ]) {
      const refused = await t.gql<{ similarFindings: unknown }>(SIMILAR, { id: hidden }, analyst);
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(refused.errors?.[0].message).toBe(`There is no finding ${hidden} in the corpus.`);
    }
  });

  it('ranks similar findings and search hits by id, reading only the page whole', async () => {
    // The sort that picks the page (the one under a LIMIT) must carry no text: the findings'
    // text is read, and snippets cut, only for the page.
    const repository = t.app.get(CorpusRepository);
    const dataSource = t.app.get(DataSource);
    const plansOf = async (run: (r: CorpusRepository) => Promise<unknown>) => {
      const queries: [string, unknown[]][] = [];
      // The repository's manager is the data source's.
      const spy = jest
        .spyOn(dataSource.manager, 'query')
        .mockImplementation(async (query: string, parameters?: unknown) => {
          queries.push([query, (parameters as unknown[] | undefined) ?? []]);
          return [];
        });
      try {
        await run(repository);
      } finally {
        spy.mockRestore();
      }
      return Promise.all(
        queries.map(async ([query, parameters]) => {
          const [row] = await dataSource.query(
            `EXPLAIN (VERBOSE, FORMAT JSON) ${query}`,
            parameters,
          );
          return row['QUERY PLAN'][0].Plan as PlanNode;
        }),
      );
    };
    const sortsUnderLimit = (node: PlanNode, underLimit = false): PlanNode[] => [
      ...(underLimit && node['Node Type'] === 'Sort' ? [node] : []),
      ...(node.Plans ?? []).flatMap((child) =>
        sortsUnderLimit(child, underLimit || node['Node Type'] === 'Limit'),
      ),
    ];
    const findingId = corpus.get('CR-01')!.findingIds[1][0];
    for (const plan of [
      ...(await plansOf((r) => r.similar(findingId, 10))),
      ...(await plansOf((r) =>
        r.search({ ...WHOLE_CORPUS, sources: ['REVIEW'] }, 'escalation', [], 10),
      )),
    ]) {
      const sorts = sortsUnderLimit(plan);
      expect(sorts.length).toBeGreaterThan(0);
      for (const sort of sorts)
        expect(sort.Output.filter((column) => /statement|title|ts_headline/.test(column))).toEqual(
          [],
        );
    }
    // With coded reports too, the ranking carries no statement, quote or snippet either (a
    // report's reference is its title).
    for (const plan of await plansOf((r) => r.search(WHOLE_CORPUS, 'escalation', [], 10))) {
      const sorts = sortsUnderLimit(plan);
      expect(sorts.length).toBeGreaterThan(0);
      for (const sort of sorts)
        expect(
          sort.Output.filter((column) => /statement|quoted_text|ts_headline/.test(column)),
        ).toEqual([]);
    }
  });

  const download = (path: string, token: string) =>
    t
      .http()
      .get(path)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('downloads the case × theme matrix as CSV, formulas made text', async () => {
    const response = await download('/api/corpus/matrix.csv', analyst);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = Papa.parse<string[]>(
      (response.body as Buffer)
        .toString('utf8')
        .replace(/^\ufeff/, '')
        .trim(),
    ).data;
    const heading = rows[0];
    expect(heading.slice(0, 4)).toEqual(['reference', 'partnership', 'type', 'year']);
    expect(heading.slice(-6)).toEqual([
      'TOOLS',
      'MANAGEMENT_SYSTEMS',
      'INCIDENTS_AND_CRISES',
      'LONGER_TERM_WORK',
      'FAMILY_PROFESSIONAL_INTERACTION',
      'HUMAN_REASONING',
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['CR-01', 'CR-02', 'CR-03', 'CR-04']);
    const cell = (reference: string, column: string) =>
      rows.find((row) => row[0] === reference)![heading.indexOf(column)];
    expect(rows[1].slice(0, 4)).toEqual(['CR-01', 'Northmoor SCP', 'SERIOUS_CASE_REVIEW', '2022']);
    expect(
      [
        'neglect',
        'domestic-abuse',
        'parental-substance-misuse',
        'toxic-trio',
        'parental-mental-health',
        'child-under-one',
        'escalation',
        'TOOLS',
        'MANAGEMENT_SYSTEMS',
        'HUMAN_REASONING',
      ].map((column) => cell('CR-01', column)),
    ).toEqual(['1', '1', '1', '1', '0', '0', '1', '1', '1', '0']);
    expect(cell('CR-04', 'partnership')).toBe("'=Eastvale SP");

    const filtered = await download(
      '/api/corpus/matrix.csv?themeKeys=parental-substance-misuse&withoutThemeKeys=domestic-abuse&incidentYearFrom=2022',
      analyst,
    );
    const filteredRows = Papa.parse<string[]>(
      (filtered.body as Buffer)
        .toString('utf8')
        .replace(/^\ufeff/, '')
        .trim(),
    ).data;
    expect(filteredRows.slice(1).map((row) => row[0])).toEqual(['CR-02']);

    const bad = await download('/api/corpus/matrix.csv?themeKeys=nope', analyst);
    expect(bad.status).toBe(400);
    expect((bad.body as Buffer).toString('utf8')).toContain('unknown theme key \\"nope\\"');
    expect((await download('/api/corpus/matrix.csv?colour=red', analyst)).status).toBe(400);
    expect((await download('/api/corpus/matrix.csv?incidentYearTo=soon', analyst)).status).toBe(
      400,
    );
  });

  it('downloads the matrix as XLSX', async () => {
    const response = await download('/api/corpus/matrix.xlsx?partnership=Northmoor%20SCP', trainer);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const sheet = workbook.getWorksheet('Matrix')!;
    expect(sheet.rowCount).toBe(3);
    const heading = sheet.getRow(1).values as unknown[];
    const row = sheet.getRow(3).values as unknown[];
    expect(row.slice(1, 5)).toEqual(['CR-02', 'Northmoor SCP', 'SERIOUS_CASE_REVIEW', 2022]);
    expect(row[heading.indexOf('parental-substance-misuse')]).toBe(1);
    expect(row[heading.indexOf('domestic-abuse')]).toBe(0);
  });

  it('refuses bad input as BAD_USER_INPUT, naming nothing from the corpus', async () => {
    const refused = async (query: string, variables: Record<string, unknown> = {}) => {
      const result = await t.gql(query, variables, analyst);
      expect({ query, code: result.errors?.[0].extensions?.code }).toEqual({
        query,
        code: 'BAD_USER_INPUT',
      });
      return result.errors![0].message;
    };
    await refused('{ corpusReviews(filter: { publishedFrom: "2023-02-30" }) { totalCount } }');
    await refused('{ corpusReviews(filter: { collectionId: "nope" }) { totalCount } }');
    await refused('{ corpusFindings(first: 501) { totalCount } }');
    await refused('{ corpusReviews(after: "not a cursor") { totalCount } }');
    await refused('{ searchFindings(query: "escalation", first: 101) { rank } }');
    await refused(
      'query($p: String) { themePrevalence(filter: { partnership: $p }, kind: PRACTICE_THEME) { denominator } }',
      {
        p: 'North\u0000moor',
      },
    );
    expect(
      await refused('query($k: [String!]!) { themeCooccurrence(themeKeys: $k) { keys } }', {
        k: Array.from({ length: 51 }, (_, i) => `key-${i}`),
      }),
    ).toBe('themeKeys: at most 50 keys (got 51).');
    const missing = await t.gql('{ similarFindings(findingId: "nope") { rank } }', {}, analyst);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('charges a page of corpus reviews or findings by its size', () => {
    const costOf = (query: string) =>
      queryCost(t.app.get(GraphQLSchemaHost).schema, parse(query), {});
    const findings = (n: number) =>
      costOf(`{ corpusFindings(first: ${n}) { edges { node { id title statement themeKeys } } } }`);
    expect(findings(500)).toBeGreaterThan(findings(5) * 20);
    const reviews = (n: number) =>
      costOf(`{ corpusReviews(first: ${n}) { edges { node { id reference categories } } } }`);
    expect(reviews(500)).toBeGreaterThan(reviews(5) * 20);
    expect(
      costOf('{ themeCooccurrence(themeKeys: ["a"]) { cells { a b count } } }'),
    ).toBeGreaterThan(costOf('{ categoryPrevalence { rows { key count } } }'));
  });

  it('lets analysts, trainers and administrators in, and refuses reviewers', async () => {
    const QUERY = '{ categoryPrevalence { denominator } }';
    for (const token of [analyst, trainer, admin])
      expect(
        (await ok<{ categoryPrevalence: { denominator: number } }>(t, QUERY, {}, token))
          .categoryPrevalence.denominator,
      ).toBe(4);
    const refused = await t.gql(QUERY, {}, reviewer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await download('/api/corpus/matrix.csv', reviewer)).status).toBe(403);
    expect((await t.http().get('/api/corpus/matrix.csv')).status).toBe(401);
  });
});
