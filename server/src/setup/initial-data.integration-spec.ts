import { createApp } from '../bootstrap/create-app';
import { RequestLoadersFactory } from '../common/request-loaders';
import { LearningBriefingsService } from '../documents/learning-briefings/learning-briefings.service';
import { PublicationService } from '../publication/publication.service';
import { UsersService } from '../users/users.service';
import { loadConfig } from '../config/load-config';
import { createTestDatabase, dropTestDatabase } from '../testing/test-database';
import { Client } from 'pg';

async function countAccounts(url: string): Promise<{ role: string; n: number }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    'SELECT role, count(*)::int AS n FROM user_account GROUP BY role ORDER BY role',
  );
  await client.end();
  return rows;
}

describe('first start on an empty database', () => {
  let url: string;
  let printed: string;
  const write = process.stdout.write.bind(process.stdout);

  beforeEach(async () => {
    url = await createTestDatabase();
    printed = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await dropTestDatabase(url);
  });

  const boot = async (env: Record<string, string>) => {
    const app = await createApp(
      loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', CLIENT_DIR: '/nonexistent', ...env }),
      url,
    );
    await app.init();
    await app.close();
  };

  it('creates admin@localhost with a generated password, prints it once, and seeds the demo once', async () => {
    await boot({ SCR_DEMO_DATA: 'true' });
    const password = /Password: (\S+)/.exec(printed)?.[1];
    expect(password).toHaveLength(16);
    expect(printed).toContain('admin@localhost');
    expect(printed).toContain('demo data added');
    expect(await countAccounts(url)).toEqual([
      { role: 'ADMIN', n: 1 },
      { role: 'REVIEWER', n: 1 },
      { role: 'ANALYST', n: 1 },
      { role: 'TRAINER', n: 1 },
    ]);

    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`
      SELECT r.reference, r.type::text, r.status::text,
             (SELECT count(*)::int FROM agency a WHERE a.review_id = r.id) AS agencies,
             (SELECT count(*)::int FROM timeline_event e WHERE e.review_id = r.id) AS events,
             (SELECT count(*)::int FROM practice_episode k WHERE k.review_id = r.id) AS episodes,
             (SELECT count(*)::int FROM contributory_factor f WHERE f.review_id = r.id) AS factors,
             (SELECT count(*)::int FROM finding n WHERE n.review_id = r.id) AS findings,
             (SELECT count(*)::int FROM board_action b JOIN finding n ON n.id = b.finding_id
               WHERE n.review_id = r.id) AS "boardActions",
             (SELECT array_agg(m.role::text ORDER BY m.role) FROM review_member m WHERE m.review_id = r.id) AS roles
      FROM review r WHERE r.reference NOT LIKE 'DEMO-SYN-%' ORDER BY r.reference`);
    await client.end();
    // Child M is published with the partnership's response to its findings; Child T is still at
    // the analysis stage: episodes partly appraised, no findings, so no response yet.
    expect(rows).toEqual([
      {
        reference: 'NSCP-LCSPR-2023-01',
        type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
        status: 'PUBLISHED',
        agencies: 11,
        events: 66,
        episodes: 7,
        factors: 22,
        findings: 5,
        boardActions: 9,
        roles: ['LEAD_REVIEWER', 'LEAD_REVIEWER'],
      },
      {
        reference: 'NSCP-LCSPR-2025-02',
        type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
        status: 'ANALYSIS',
        agencies: 4,
        events: 27,
        episodes: 2,
        factors: 4,
        findings: 0,
        boardActions: 0,
        roles: ['LEAD_REVIEWER', 'LEAD_REVIEWER'],
      },
    ]);
    expect(printed).toContain('Demo review NSCP-LCSPR-2023-01: "Child M"');
    expect(printed).toContain('Demo review NSCP-LCSPR-2025-02: "Child T"');

    printed = '';
    await boot({ SCR_DEMO_DATA: 'true' });
    expect(printed).toBe('');
    expect((await countAccounts(url)).reduce((sum, row) => sum + row.n, 0)).toBe(4);
    write('');
  });

  it('publishes Child M through the publication service: snapshot version 1, a corpus entry, no problems', async () => {
    const app = await createApp(
      loadConfig({
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        CLIENT_DIR: '/nonexistent',
        SCR_DEMO_DATA: 'true',
      }),
      url,
    );
    await app.init();
    try {
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`
        SELECT r.id, r.status::text, r.published_at IS NOT NULL AS "hasPublishedAt",
               s.version, s.override_reason AS "overrideReason",
               (e.snapshot_id = s.id) AS current, e.withdrawn_at AS "withdrawnAt",
               (SELECT count(*)::int FROM corpus_finding f WHERE f.snapshot_id = s.id) AS findings
        FROM review r JOIN review_snapshot s ON s.review_id = r.id
        JOIN corpus_entry e ON e.review_id = r.id
        WHERE r.reference = 'NSCP-LCSPR-2023-01'`);
      await client.end();
      expect(rows).toEqual([
        {
          id: expect.any(String),
          status: 'PUBLISHED',
          hasPublishedAt: true,
          version: 1,
          overrideReason: null,
          current: true,
          withdrawnAt: null,
          findings: 5,
        },
      ]);
      const administrator = (await app.get(UsersService).firstAdministrator())!;
      const problems = await app
        .get(PublicationService)
        .problems(administrator, rows[0].id, app.get(RequestLoadersFactory).create());
      // Reopened for correction, it could be published again as it is.
      expect(problems).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("gives Child M the partnership's learning briefing, its themes computed from the case", async () => {
    const app = await createApp(
      loadConfig({
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        CLIENT_DIR: '/nonexistent',
        SCR_DEMO_DATA: 'true',
      }),
      url,
    );
    await app.init();
    try {
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        `SELECT id FROM review WHERE reference = 'NSCP-LCSPR-2023-01'`,
      );
      await client.end();
      const reviewer = (await app.get(UsersService).findForSignIn('reviewer@demo.local'))!;
      const briefing = await app
        .get(LearningBriefingsService)
        .forReview(reviewer, rows[0].id, app.get(RequestLoadersFactory).create());
      expect(briefing).toMatchObject({ version: 1, editable: true, anonymisationWarnings: [] });
      expect(briefing.keyFindings.length).toBeGreaterThan(0);
      expect(briefing.emergingThemes.caseCount).toBe(1);
      expect(briefing.emergingThemes.rows.map((row) => row.sentence)).toContain(
        '100% of cases had neglect',
      );
    } finally {
      await app.close();
    }
  });

  it('adds a demo corpus of 40 published fictional reviews once, for the demo analyst', async () => {
    await boot({ SCR_DEMO_DATA: 'true' });
    expect(printed).toContain('Demo corpus: 40 fictional published reviews');
    expect(printed).toMatch(/ANALYST\s+analyst@demo\.local\s+\S{16}/);
    const corpus = async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`
        SELECT (SELECT count(*)::int FROM review
                  WHERE reference LIKE 'DEMO-SYN-%' AND status = 'PUBLISHED') AS published,
               (SELECT count(*)::int FROM corpus_entry e
                  JOIN corpus_review c ON c.snapshot_id = e.snapshot_id
                  JOIN review_snapshot s ON s.id = e.snapshot_id
                  WHERE e.withdrawn_at IS NULL AND c.reference LIKE 'DEMO-SYN-%') AS "inCorpus",
               (SELECT count(DISTINCT partnership)::int FROM corpus_review) AS partnerships,
               (SELECT count(DISTINCT publication_year)::int FROM corpus_review) AS years,
               (SELECT count(*)::int FROM corpus_finding) > 40 * 6 AS "hasFindings",
               (SELECT count(*)::int FROM corpus_review WHERE 'neglect' = ANY (case_characteristics))
                 > (SELECT count(*)::int FROM corpus_review WHERE 'child-sexual-exploitation' = ANY (case_characteristics))
                 AS "neglectCommoner",
               (SELECT array_agg(role::text) FROM user_account WHERE email = 'analyst@demo.local') AS analyst,
               (SELECT array_agg(reference ORDER BY reference) FROM
                  (SELECT reference FROM review ORDER BY updated_at DESC LIMIT 2) latest) AS "latestChanged"`);
      await client.end();
      return rows[0];
    };
    const first = await corpus();
    expect(first).toEqual({
      published: 40,
      inCorpus: 40,
      partnerships: expect.any(Number),
      years: expect.any(Number),
      hasFindings: true,
      neglectCommoner: true,
      analyst: ['ANALYST'],
      // The reviews list, latest change first, still opens on the two demo reviews.
      latestChanged: ['NSCP-LCSPR-2023-01', 'NSCP-LCSPR-2025-02'],
    });
    expect(first.partnerships).toBeGreaterThanOrEqual(5);
    expect(first.years).toBeGreaterThanOrEqual(6);

    printed = '';
    await boot({ SCR_DEMO_DATA: 'true' });
    expect(printed).toBe('');
    expect(await corpus()).toEqual(first);
    write('');
  });

  it("adds the seed's practice issue 1 for the demo trainer, drawing on the demo corpus, once", async () => {
    await boot({ SCR_DEMO_DATA: 'true' });
    expect(printed).toContain(
      'Demo practice issues: “Disagreement about use of early help assessment”, drawing on 40 published demo reviews',
    );
    const read = async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`
        SELECT s.title AS "set", i.number, i.title, cardinality(i.reasons_from_reviews) AS reasons,
               jsonb_array_length(i.reasons_from_practice) AS "practiceReasons",
               jsonb_array_length(i.questions) AS groups,
               (SELECT count(*)::int FROM practice_issue_set_review r WHERE r.set_id = s.id) AS reviews,
               (SELECT count(*)::int FROM practice_issue_finding f WHERE f.issue_id = i.id) AS findings,
               (SELECT email FROM user_account u WHERE u.id = s.created_by) AS "createdBy"
        FROM practice_issue_set s JOIN practice_issue i ON i.set_id = s.id`);
      await client.end();
      return rows;
    };
    const first = await read();
    expect(first).toEqual([
      {
        set: 'Practice issues from case reviews',
        number: 1,
        title: 'Disagreement about use of early help assessment',
        reasons: 3,
        practiceReasons: 3,
        groups: 3,
        reviews: 40,
        findings: expect.any(Number),
        createdBy: 'trainer@demo.local',
      },
    ]);
    expect(first[0].findings).toBeGreaterThan(0);
    printed = '';
    await boot({ SCR_DEMO_DATA: 'true' });
    expect(await read()).toEqual(first);
    write('');
  });

  it('creates the administrator and the demo data once when two instances start together', async () => {
    await Promise.all([boot({ SCR_DEMO_DATA: 'true' }), boot({ SCR_DEMO_DATA: 'true' })]);
    expect(printed.match(/Password: /g)).toHaveLength(1);
    expect(printed.match(/demo data added/g)).toHaveLength(1);
    expect((await countAccounts(url)).reduce((sum, row) => sum + row.n, 0)).toBe(4);
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM review');
    await client.end();
    expect(rows[0].n).toBe(2 + 40);
  });

  it('takes the administrator from the environment and prints no password', async () => {
    await boot({
      SCR_ADMIN_EMAIL: 'lead@partnership.org',
      SCR_ADMIN_PASSWORD: 'a perfectly long password',
      SCR_DEMO_DATA: 'false',
    });
    expect(printed).toBe('');
    expect(await countAccounts(url)).toEqual([{ role: 'ADMIN', n: 1 }]);
  });
});
