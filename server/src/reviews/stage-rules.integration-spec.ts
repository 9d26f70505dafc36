import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { GraphqlResult, startTestApp, TestApp } from '../testing/test-app';

const UPDATE =
  'mutation($id: ID!, $v: Int!, $i: UpdateReviewInput!) { updateReview(id: $id, expectedVersion: $v, input: $i) { status version } }';
const SIGN_OFF =
  'mutation($r: ID!) { signOffAnalysis(reviewId: $r) { caseGroupSignedOffAt caseGroupSignedOffBy } }';
const WITHDRAW =
  'mutation($r: ID!) { withdrawAnalysisSignOff(reviewId: $r) { caseGroupSignedOffAt caseGroupSignedOffBy } }';

interface AuditNode {
  action: string;
  entityType: string;
  after: { status?: string; stageOverride?: { reason: string; missing: string[] } } | null;
}

describe('the stage rules on the server', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let team: string;
  let caseGroup: string;
  let memberIds: [string, string][];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    const accounts = await Promise.all(
      ['lead', 'team', 'case-group'].map((name) =>
        createAccount(t, admin, `${name}@stages.test`, 'REVIEWER'),
      ),
    );
    [lead, team, caseGroup] = accounts.map((account) => account.token);
    memberIds = [
      [accounts[1].id, 'REVIEW_TEAM'],
      [accounts[2].id, 'CASE_GROUP'],
    ];
  });
  afterAll(() => t.close());

  async function reviewWithMembers(reference: string): Promise<string> {
    const id = (await createReview(t, lead, reference)).id;
    for (const [userId, role] of memberIds)
      await ok(
        t,
        'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }',
        { r: id, u: userId, role },
        lead,
      );
    return id;
  }

  const version = async (id: string) =>
    (
      await ok<{ review: { version: number } }>(
        t,
        'query($id: ID!) { review(id: $id) { version } }',
        { id },
        lead,
      )
    ).review.version;

  const move = async (id: string, input: Record<string, unknown>, token = lead) =>
    t.gql<{ updateReview: { status: string; version: number } }>(
      UPDATE,
      { id, v: await version(id), i: input },
      token,
    );

  const trail = async (id: string): Promise<AuditNode[]> =>
    (
      await ok<{ review: { auditTrail: { edges: { node: AuditNode }[] } } }>(
        t,
        'query($id: ID!) { review(id: $id) { auditTrail(first: 50) { edges { node { action entityType after } } } } }',
        { id },
        lead,
      )
    ).review.auditTrail.edges.map((edge) => edge.node);

  it('refuses a move to a later stage with something missing, listing what', async () => {
    const id = await reviewWithMembers('STAGES-1');
    const refused: GraphqlResult = await move(id, { status: 'DATA_GATHERING' });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
      missing: ['The review needs at least one agency involved with the family.'],
    });
    expect(refused.errors?.[0].message).toMatch(/^Not ready for data gathering: The review needs/);
    // Two stages ahead: what each stage on the way needs.
    const further = await move(id, { status: 'ANALYSIS' });
    expect(further.errors?.[0].extensions?.missing).toEqual([
      'The review needs at least one agency involved with the family.',
      'The chronology needs at least one event.',
    ]);
    // This update's own period counts: clearing the period adds to what is missing.
    const noPeriod = await move(id, { status: 'DATA_GATHERING', periodEnd: null });
    expect(noPeriod.errors?.[0].extensions?.missing).toEqual([
      'The review needs at least one agency involved with the family.',
      'The review needs the end of the period under review.',
    ]);
    const review = await ok<{ review: { status: string } }>(
      t,
      'query($id: ID!) { review(id: $id) { status } }',
      { id },
      lead,
    );
    expect(review.review.status).toBe('SCOPING');
  });

  it('moves on once nothing is missing, and back a stage without any override', async () => {
    const id = await reviewWithMembers('STAGES-2');
    await ok(
      t,
      'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Health visiting", sector: HEALTH }) { id } }',
      { r: id },
      lead,
    );
    const moved = await move(id, { status: 'DATA_GATHERING' });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateReview.status).toBe('DATA_GATHERING');
    const back = await move(id, { status: 'SCOPING' });
    expect(back.data!.updateReview.status).toBe('SCOPING');
    const reasonOnBack = await move(id, { status: 'SCOPING', stageOverrideReason: 'why not' });
    expect(reasonOnBack.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'stageOverrideReason',
    });
  });

  it('holds publication while a review question has no finding answering it', async () => {
    const id = await reviewWithMembers('STAGES-Q');
    const made = await ok<{ q: { id: string }; n: { id: string; version: number } }>(
      t,
      `mutation($r: ID!) {
        q: addReviewQuestion(reviewId: $r, input: { text: "Was the child seen?" }) { id }
        n: createFinding(reviewId: $r, input: { title: "Seen but not heard", category: FAMILY_PROFESSIONAL_INTERACTION, effect: MAKES_PROBLEMS_MORE_LIKELY }) { id version }
      }`,
      { r: id },
      lead,
    );
    const unanswered = 'Review question 1 “Was the child seen?” needs a finding that answers it.';
    // Publication goes through publishReview, whose check lists what the readiness rules miss.
    const refused = await move(id, { status: 'PUBLISHED' });
    expect(refused.errors?.[0].message).toContain('publishReview');
    const readiness = async () =>
      (
        await ok<{ publicationProblems: { kind: string; excerpt: string }[] }>(
          t,
          'query($r: ID!) { publicationProblems(reviewId: $r) { kind excerpt } }',
          { r: id },
          lead,
        )
      ).publicationProblems
        .filter((p) => p.kind === 'READINESS')
        .map((p) => p.excerpt);
    expect(await readiness()).toContain(unanswered);
    await ok(
      t,
      'mutation($id: ID!, $v: Int!, $i: FindingInput!) { updateFinding(id: $id, expectedVersion: $v, input: $i) { id } }',
      {
        id: made.n.id,
        v: made.n.version,
        i: {
          title: 'Seen but not heard',
          category: 'FAMILY_PROFESSIONAL_INTERACTION',
          answersQuestionIds: [made.q.id],
        },
      },
      lead,
    );
    expect(await readiness()).not.toContain(unanswered);
  });

  it('goes through with an override reason, kept in the audit trail with what was missing', async () => {
    const id = await reviewWithMembers('STAGES-3');
    const blank = await move(id, { status: 'DATA_GATHERING', stageOverrideReason: '   ' });
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await move(id, {
      status: 'DATA_GATHERING',
      stageOverrideReason: 'x'.repeat(2001),
    });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const moved = await move(id, {
      status: 'DATA_GATHERING',
      stageOverrideReason: 'The agencies are named at the first panel meeting.',
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateReview.status).toBe('DATA_GATHERING');
    const update = (await trail(id)).find(
      (node) => node.action === 'update' && node.after?.status === 'DATA_GATHERING',
    );
    expect(update?.after?.stageOverride).toEqual({
      reason: 'The agencies are named at the first panel meeting.',
      missing: ['The review needs at least one agency involved with the family.'],
    });
  });

  it("asks for the case group's sign-off before drafting; only the lead records or withdraws it", async () => {
    const id = await reviewWithMembers('STAGES-4');
    await move(id, { status: 'ANALYSIS', stageOverrideReason: 'Set up for this test.' });
    const missing = async () =>
      ((await move(id, { status: 'DRAFTING' })).errors?.[0].extensions?.missing ?? []) as string[];
    expect(await missing()).toContain("The analysis needs the case group's sign-off.");

    for (const token of [caseGroup, team]) {
      const refused = await t.gql(SIGN_OFF, { r: id }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const signed = await ok<{
      signOffAnalysis: { caseGroupSignedOffAt: string | null; caseGroupSignedOffBy: string };
    }>(t, SIGN_OFF, { r: id }, lead);
    expect(signed.signOffAnalysis.caseGroupSignedOffAt).not.toBeNull();
    expect(signed.signOffAnalysis.caseGroupSignedOffBy).toBe('lead');
    expect(await missing()).not.toContain("The analysis needs the case group's sign-off.");

    const refusedWithdrawal = await t.gql(WITHDRAW, { r: id }, caseGroup);
    expect(refusedWithdrawal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const withdrawn = await ok<{
      withdrawAnalysisSignOff: { caseGroupSignedOffAt: string | null; caseGroupSignedOffBy: null };
    }>(t, WITHDRAW, { r: id }, lead);
    expect(withdrawn.withdrawAnalysisSignOff).toEqual({
      caseGroupSignedOffAt: null,
      caseGroupSignedOffBy: null,
    });
    expect(await missing()).toContain("The analysis needs the case group's sign-off.");
    const actions = (await trail(id)).map((node) => node.action);
    expect(actions).toEqual(
      expect.arrayContaining(['case-group-sign-off', 'withdraw-case-group-sign-off']),
    );
  });
});
