import { Client } from 'pg';
import { adminToken, createAccount, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

/** A small review ready for publication, with nothing that identifies anyone in its texts. */
function cleanBundle(reference: string) {
  return {
    format: 'scr-workbench/review-bundle',
    formatVersion: 1,
    review: {
      reference,
      title: 'Child P',
      partnership: 'Eastshire Safeguarding Children Partnership',
      type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
      status: 'DRAFTING',
      methodology: 'LEARNING_TOGETHER',
      periodStart: '2022-01-01',
      periodEnd: '2023-06-30',
      summary: 'Child P was two when she was admitted to hospital with an injury.',
      caseCharacteristics: ['neglect'],
      caseGroupSignOff: { at: '2024-01-10T10:00:00.000Z', by: 'Helen Marsh' },
    },
    agencies: [
      { ref: 'a1', name: 'Eastshire Children’s Social Care', sector: 'CHILDRENS_SOCIAL_CARE' },
      { ref: 'a2', name: 'Hollins Academy', sector: 'EDUCATION' },
    ],
    people: [
      {
        ref: 'p1',
        name: 'Poppy Lister',
        aliases: ['Pops'],
        pseudonym: 'Child P',
        relationship: 'Subject child',
        sex: 'FEMALE',
        bornOn: '2021-02-03',
        ageAtPeriodStart: null,
        diedOn: null,
        deceased: false,
        isSubjectChild: true,
        households: [],
      },
    ],
    relationships: [],
    events: [
      {
        ref: 'e1',
        occurredOn: '2022-03-14',
        precision: 'DAY',
        time: null,
        agency: 'a1',
        title: 'Referral about home conditions',
        description: 'A neighbour reported concerns about home conditions.',
        source: 'Children’s social care records',
        people: ['p1'],
        contacts: { p1: 'MENTIONED' },
      },
    ],
    episodes: [
      {
        ref: 'k1',
        ordinal: 1,
        title: 'The response to the first referral',
        summary: 'The referral was screened and closed without a visit.',
        startDate: '2022-03-14',
        endDate: '2022-03-20',
        events: ['e1'],
        viewFromTheTunnel: 'The screening team had no record of earlier concerns.',
        appraisal: 'BELOW_EXPECTED',
        appraisalNarrative: 'A visit would have shown the conditions.',
        explanation: 'Demand at the front door was high.',
      },
    ],
    factors: [
      {
        ref: 'f1',
        episode: 'k1',
        level: 'OWN_TEAM',
        description: 'Referrals from neighbours are given less weight.',
        themes: ['thresholds'],
        effect: 'MAKES_PROBLEMS_MORE_LIKELY',
        tier: 'FRONTLINE',
      },
    ],
    reviewQuestions: [{ ref: 'q1', text: 'How were referrals from the community weighed?' }],
    conversations: [],
    findings: [
      {
        ref: 'n1',
        ordinal: 1,
        title: 'Community referrals given less weight',
        category: 'INCIDENTS_AND_CRISES',
        statement: 'Referrals from neighbours are routinely closed without a visit.',
        manifestation: 'In March 2022 a referral was closed without a visit.',
        prevalence: null,
        significance: 'Neighbours often see what agencies do not.',
        notPeculiar: 'The case group said this is usual.',
        questions: ['How will the partnership know that community referrals are weighed fairly?'],
        episodes: ['k1'],
        factors: ['f1'],
        events: [],
        themes: ['referrals-and-contacts'],
        effect: 'MAKES_PROBLEMS_MORE_LIKELY',
        references: [
          {
            kind: 'AUDIT',
            citation: 'Eastshire front door audit, 2023',
            url: null,
            reviewId: null,
          },
        ],
        answers: ['q1'],
        boardActions: [],
        comments: [],
      },
    ],
  };
}

interface Problem {
  recordType: string;
  recordId: string;
  field: string;
  excerpt: string;
  kind: string;
  fixAt: string;
}

const PROBLEMS =
  'query($r: ID!) { publicationProblems(reviewId: $r) { recordType recordId field excerpt kind fixAt } }';
const PUBLISH =
  'mutation($id: ID!, $why: String) { publishReview(id: $id, overrideReason: $why) { published version problems { kind field excerpt fixAt recordType } } }';
const REOPEN =
  'mutation($id: ID!, $why: String!) { reopenReview(id: $id, reason: $why) { status publishedAt } }';
const WITHDRAW =
  'mutation($id: ID!, $why: String!) { withdrawReview(id: $id, reason: $why) { status } }';

describe('publication', () => {
  let t: TestApp;
  let db: Client;
  let admin: string;
  let lead: string;
  let team: string;
  let teamId: string;
  let analyst: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    admin = await adminToken(t);
    lead = (await createAccount(t, admin, 'lead@publication.test', 'REVIEWER')).token;
    const teamAccount = await createAccount(t, admin, 'team@publication.test', 'REVIEWER');
    [team, teamId] = [teamAccount.token, teamAccount.id];
    analyst = (await createAccount(t, admin, 'analyst@publication.test', 'ANALYST')).token;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function imported(bundle: object): Promise<string> {
    const response = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${lead}`)
      .send(bundle);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    const id = response.body.reviewId as string;
    await ok(
      t,
      'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: REVIEW_TEAM) { id } }',
      { r: id, u: teamId },
      lead,
    );
    return id;
  }

  const problemsOf = async (id: string, token = lead) =>
    (await ok<{ publicationProblems: Problem[] }>(t, PROBLEMS, { r: id }, token))
      .publicationProblems;

  const publish = (id: string, why: string | null, token = lead) =>
    t.gql<{ publishReview: { published: boolean; version: number | null; problems: Problem[] } }>(
      PUBLISH,
      { id, why },
      token,
    );

  const count = async (sql: string, params: unknown[]) =>
    Number(Object.values((await db.query(sql, params)).rows[0])[0]);

  it('publishes a clean, ready review: status, snapshot v1 without real names, corpus rows and entry', async () => {
    const id = await imported(cleanBundle('PUB-CLEAN'));
    expect(await problemsOf(id)).toEqual([]);
    const result = await publish(id, null, team);
    expect(result.errors).toBeUndefined();
    expect(result.data!.publishReview).toEqual({ published: true, version: 1, problems: [] });

    const review = await ok<{ review: { status: string; publishedAt: string | null } }>(
      t,
      'query($id: ID!) { review(id: $id) { status publishedAt } }',
      { id },
      analyst,
    );
    expect(review.review.status).toBe('PUBLISHED');
    expect(review.review.publishedAt).not.toBeNull();

    const { rows: snapshots } = await db.query(
      'SELECT version, content FROM review_snapshot WHERE review_id = $1',
      [id],
    );
    expect(snapshots).toHaveLength(1);
    const content = JSON.stringify(snapshots[0].content);
    expect(content).not.toMatch(/Poppy|Lister|Pops|2021-02-03|Helen Marsh/);
    expect(snapshots[0].content.people[0]).toMatchObject({ pseudonym: 'Child P', name: null });
    expect(snapshots[0].content.review.status).toBe('PUBLISHED');

    const { rows: corpus } = await db.query(
      `SELECT c.reference, c.publication_year, c.incident_year, c.case_characteristics,
              c.practice_themes, c.categories::text[] AS categories, c.agency_sectors::text[] AS sectors
       FROM corpus_entry e JOIN corpus_review c ON c.snapshot_id = e.snapshot_id
       WHERE e.review_id = $1 AND e.withdrawn_at IS NULL`,
      [id],
    );
    expect(corpus).toEqual([
      {
        reference: 'PUB-CLEAN',
        publication_year: new Date().getFullYear(),
        incident_year: 2023,
        case_characteristics: ['neglect'],
        practice_themes: ['referrals-and-contacts', 'thresholds'],
        categories: ['INCIDENTS_AND_CRISES'],
        sectors: ['CHILDRENS_SOCIAL_CARE', 'EDUCATION'],
      },
    ]);
    const { rows: findings } = await db.query(
      `SELECT f.title, f.theme_keys, f.questions FROM corpus_finding f
       JOIN corpus_entry e ON e.snapshot_id = f.snapshot_id WHERE e.review_id = $1`,
      [id],
    );
    expect(findings).toEqual([
      {
        title: 'Community referrals given less weight',
        theme_keys: ['referrals-and-contacts'],
        questions: ['How will the partnership know that community referrals are weighed fairly?'],
      },
    ]);
  });

  it('finds every kind of problem in a realistic review, with the record, field, excerpt and where to fix it', async () => {
    const bundle = cleanBundle('PUB-DIRTY');
    bundle.review.summary = 'Poppy was two when she was admitted to hospital.';
    bundle.events[0].source = 'hv.xlsx, row 2; recorded by HV Okafor';
    bundle.events[0].description =
      'Okafor visited 12 Mill Lane (postcode EA1 2BX) and rang 07700 900123; she also wrote to hv@example.org.';
    bundle.episodes[0].summary = "Pops's DOB was checked; she attends St Anne's Primary School.";
    bundle.factors[0].description = 'Lister family referrals were given less weight.';
    bundle.findings[0].references[0].citation = 'Audit by Poppy’s school, 2023';
    bundle.reviewQuestions.push({ ref: 'q2', text: 'Was she registered at Oak Lane Surgery?' });
    const id = await imported(bundle);

    const problems = await problemsOf(id);
    const kinds = new Set(problems.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(
      [
        'ADDRESS',
        'DATE_OF_BIRTH',
        'EMAIL',
        'NAMED_PLACE',
        'PHONE',
        'POSTCODE',
        'PRACTITIONER_NAME',
        'READINESS',
        'REAL_NAME',
      ].sort(),
    );
    const episodeId = (
      await db.query<{ id: string }>('SELECT id FROM practice_episode WHERE review_id = $1', [id])
    ).rows[0].id;
    expect(problems).toContainEqual({
      recordType: 'PracticeEpisode',
      recordId: episodeId,
      field: 'summary',
      excerpt: expect.stringContaining("Pops's"),
      kind: 'REAL_NAME',
      fixAt: `episodes/${episodeId}`,
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        recordType: 'Finding',
        field: 'prevalenceReferences.citation',
        kind: 'REAL_NAME',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        recordType: 'TimelineEvent',
        field: 'source',
        kind: 'PRACTITIONER_NAME',
      }),
    );
    // The second review question has no finding answering it: a readiness rule not met.
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'READINESS', fixAt: 'findings' }),
    );
    // The agency's own register name is not a named place.
    expect(problems.filter((p) => p.excerpt.includes('Hollins Academy'))).toEqual([]);
    expect(problems.every((p) => p.excerpt.length <= 80)).toBe(true);

    // Refused without a reason: nothing written.
    const refused = await publish(id, null);
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.publishReview.published).toBe(false);
    expect(refused.data!.publishReview.version).toBeNull();
    expect(refused.data!.publishReview.problems).toHaveLength(problems.length);
    expect(await count('SELECT count(*) FROM review_snapshot WHERE review_id = $1', [id])).toBe(0);
    expect(
      await count("SELECT count(*) FROM review WHERE id = $1 AND status = 'PUBLISHED'", [id]),
    ).toBe(0);

    // The review team may not override; the lead reviewer may, and the trail keeps why.
    const byTeam = await publish(id, 'The team thinks it is fine.', team);
    expect(byTeam.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const blank = await publish(id, '   ');
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await publish(id, 'x'.repeat(2001));
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('SELECT count(*) FROM review_snapshot WHERE review_id = $1', [id])).toBe(0);

    const overridden = await publish(id, 'The panel agreed these are fictional details.');
    expect(overridden.errors).toBeUndefined();
    expect(overridden.data!.publishReview).toMatchObject({ published: true, version: 1 });
    const { rows: audit } = await db.query(
      `SELECT after FROM audit_event WHERE review_id = $1 AND action = 'publish'`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after.overrideReason).toBe('The panel agreed these are fictional details.');
    expect(audit[0].after.problems).toHaveLength(problems.length);
    const { rows: snapshot } = await db.query(
      'SELECT override_reason FROM review_snapshot WHERE review_id = $1',
      [id],
    );
    expect(snapshot[0].override_reason).toBe('The panel agreed these are fictional details.');
  });

  it('refuses to change or delete a snapshot or the corpus rows in the database', async () => {
    const id = await imported(cleanBundle('PUB-IMMUTABLE'));
    await publish(id, null);
    for (const sql of [
      `UPDATE review_snapshot SET content = '{}' WHERE review_id = $1`,
      `DELETE FROM review_snapshot WHERE review_id = $1`,
      `UPDATE corpus_review SET title = 'changed' WHERE review_id = $1`,
      `DELETE FROM corpus_finding WHERE snapshot_id IN (SELECT id FROM review_snapshot WHERE review_id = $1)`,
    ])
      await expect(db.query(sql, [id])).rejects.toThrow(/a published snapshot cannot be changed/);
  });

  it('makes a published review read-only, but for the board’s response; updateReview no longer publishes', async () => {
    const ready = await imported(cleanBundle('PUB-VIA-UPDATE'));
    const viaUpdate = await t.gql(
      'mutation($id: ID!) { updateReview(id: $id, expectedVersion: 1, input: { status: PUBLISHED }) { status } }',
      { id: ready },
      lead,
    );
    expect(viaUpdate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaUpdate.errors?.[0].message).toContain('publishReview');

    const id = await imported(cleanBundle('PUB-READ-ONLY'));
    await publish(id, null);
    const ids = await ok<{
      review: { version: number; episodes: { id: string }[]; findings: { id: string }[] };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { version episodes { id } findings { id } } }',
      { id },
      lead,
    );
    const edits: [string, Record<string, unknown>][] = [
      [
        'mutation($id: ID!, $v: Int!) { updateReview(id: $id, expectedVersion: $v, input: { title: "Changed" }) { id } }',
        { id, v: ids.review.version },
      ],
      [
        'mutation($r: ID!) { addReviewQuestion(reviewId: $r, input: { text: "Another?" }) { id } }',
        { r: id },
      ],
      [
        'mutation($id: ID!) { removeEpisode(id: $id) { removed } }',
        { id: ids.review.episodes[0].id },
      ],
      ['mutation($r: ID!) { signOffAnalysis(reviewId: $r) { id } }', { r: id }],
    ];
    // The review team could never sign off the analysis: that stays FORBIDDEN for them.
    for (const [token, allowed] of [
      [lead, edits],
      [admin, edits],
      [team, edits.slice(0, 3)],
    ] as const)
      for (const [query, variables] of allowed) {
        const refused = await t.gql(query, variables, token);
        expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(refused.errors?.[0].message).toMatch(/published and read-only/);
      }
    const action = await t.gql<{ addBoardAction: { id: string } }>(
      'mutation($f: ID!) { addBoardAction(findingId: $f, input: { description: "Audit community referrals" }) { id } }',
      { f: ids.review.findings[0].id },
      team,
    );
    expect(action.errors).toBeUndefined();
    const again = await publish(id, null);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reopens for correction and publishes again as version 2; the corpus shows version 1 meanwhile', async () => {
    const id = await imported(cleanBundle('PUB-REOPEN'));
    await publish(id, null);
    const byTeam = await t.gql(REOPEN, { id, why: 'A typo.' }, team);
    expect(byTeam.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const blank = await t.gql(REOPEN, { id, why: ' ' }, lead);
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const reopened = await ok<{ reopenReview: { status: string; publishedAt: string | null } }>(
      t,
      REOPEN,
      { id, why: 'The agency asked for a correction to finding 1.' },
      lead,
    );
    expect(reopened.reopenReview).toEqual({ status: 'DRAFTING', publishedAt: null });
    const { rows: audit } = await db.query(
      `SELECT after FROM audit_event WHERE review_id = $1 AND action = 'reopen'`,
      [id],
    );
    expect(audit[0].after.reason).toBe('The agency asked for a correction to finding 1.');
    const v1 = await db.query<{ id: string }>(
      'SELECT id FROM review_snapshot WHERE review_id = $1 AND version = 1',
      [id],
    );
    expect(
      (await db.query('SELECT snapshot_id FROM corpus_entry WHERE review_id = $1', [id])).rows[0]
        .snapshot_id,
    ).toBe(v1.rows[0].id);

    const review = await ok<{ review: { version: number; publishedVersion: number | null } }>(
      t,
      'query($id: ID!) { review(id: $id) { version publishedVersion } }',
      { id },
      lead,
    );
    expect(review.review.publishedVersion).toBe(1);
    await ok(
      t,
      'mutation($id: ID!, $v: Int!) { updateReview(id: $id, expectedVersion: $v, input: { title: "Child P (corrected)" }) { id } }',
      { id, v: review.review.version },
      lead,
    );
    const second = await publish(id, null);
    expect(second.data!.publishReview).toMatchObject({ published: true, version: 2 });
    const again = await ok<{ review: { publishedVersion: number | null } }>(
      t,
      'query($id: ID!) { review(id: $id) { publishedVersion } }',
      { id },
      team,
    );
    expect(again.review.publishedVersion).toBe(2);
    const { rows } = await db.query(
      `SELECT s.version, c.title, (e.snapshot_id = s.id) AS current
       FROM review_snapshot s JOIN corpus_review c ON c.snapshot_id = s.id
       JOIN corpus_entry e ON e.review_id = s.review_id
       WHERE s.review_id = $1 ORDER BY s.version`,
      [id],
    );
    expect(rows).toEqual([
      { version: 1, title: 'Child P', current: false },
      { version: 2, title: 'Child P (corrected)', current: true },
    ]);
  });

  it('withdraws a review from the corpus (administrators only), hiding it from analysts', async () => {
    const id = await imported(cleanBundle('PUB-WITHDRAW'));
    const never = await t.gql(WITHDRAW, { id, why: 'Not published yet.' }, admin);
    expect(never.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await publish(id, null);
    const seen = await t.gql('query($id: ID!) { review(id: $id) { id } }', { id }, analyst);
    expect(seen.errors).toBeUndefined();
    for (const token of [lead, team, analyst]) {
      const refused = await t.gql(WITHDRAW, { id, why: 'Family objected.' }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const withdrawn = await ok<{ withdrawReview: { status: string } }>(
      t,
      WITHDRAW,
      { id, why: 'The family objected to publication.' },
      admin,
    );
    expect(withdrawn.withdrawReview.status).toBe('ARCHIVED');
    const { rows } = await db.query(
      'SELECT withdrawn_at IS NOT NULL AS withdrawn, withdrawn_by_name, withdraw_reason FROM corpus_entry WHERE review_id = $1',
      [id],
    );
    expect(rows[0]).toMatchObject({
      withdrawn: true,
      withdraw_reason: 'The family objected to publication.',
    });
    const hidden = await t.gql('query($id: ID!) { review(id: $id) { id } }', { id }, analyst);
    expect(hidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { rows: audit } = await db.query(
      `SELECT actor_email, after FROM audit_event WHERE review_id = $1 AND action = 'withdraw'`,
      [id],
    );
    expect(audit[0]).toMatchObject({
      actor_email: 'admin@test.local',
      after: { reason: 'The family objected to publication.' },
    });
    // Two snapshot rows stay; nothing was deleted.
    expect(await count('SELECT count(*) FROM review_snapshot WHERE review_id = $1', [id])).toBe(1);
  });
});
