import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const ADD_COMMENT =
  'mutation($r: ID!, $i: CommentInput!) { addComment(reviewId: $r, input: $i) { id findingId episodeId eventId body authorName resolvedAt resolvedBy } }';
const RESOLVE =
  'mutation($id: ID!, $resolved: Boolean!) { resolveComment(id: $id, resolved: $resolved) { id resolvedAt resolvedBy } }';

interface CommentRow {
  id: string;
  findingId: string | null;
  episodeId: string | null;
  eventId: string | null;
  body: string;
  authorName: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

describe('case group comments', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let team: string;
  let caseGroup: string;
  let observer: string;
  let reviewId: string;
  let findingId: string;
  let episodeId: string;
  let otherFindingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    const accounts = await Promise.all(
      ['lead', 'team', 'case-group', 'observer'].map((name) =>
        createAccount(t, admin, `${name}@comments.test`, 'REVIEWER'),
      ),
    );
    [lead, team, caseGroup, observer] = accounts.map((account) => account.token);
    reviewId = (await createReview(t, lead, 'COMMENTS-1')).id;
    const roles = ['REVIEW_TEAM', 'CASE_GROUP', 'OBSERVER'];
    for (const [i, role] of roles.entries())
      await ok(
        t,
        'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }',
        { r: reviewId, u: accounts[i + 1].id, role },
        lead,
      );
    const finding = (r: string, title: string) =>
      ok<{ createFinding: { id: string } }>(
        t,
        'mutation($r: ID!, $title: String!) { createFinding(reviewId: $r, input: { title: $title, category: TOOLS, effect: MAKES_PROBLEMS_MORE_LIKELY }) { id } }',
        { r, title },
        admin,
      ).then((data) => data.createFinding.id);
    findingId = await finding(reviewId, 'Who lives in the home');
    episodeId = (
      await ok<{ createEpisode: { id: string } }>(
        t,
        'mutation($r: ID!) { createEpisode(reviewId: $r, input: { title: "The strategy discussion" }) { id } }',
        { r: reviewId },
        admin,
      )
    ).createEpisode.id;
    otherFindingId = await finding((await createReview(t, admin, 'COMMENTS-2')).id, 'Elsewhere');
  });
  afterAll(() => t.close());

  const comment = (input: Record<string, unknown>, token = caseGroup) =>
    t.gql<{ addComment: CommentRow }>(ADD_COMMENT, { r: reviewId, i: input }, token);

  it('lets a case group member comment on a finding and on an episode, each listed where it belongs', async () => {
    const onFinding = await comment({ findingId, body: 'The health visitor knew of the partner.' });
    expect(onFinding.errors).toBeUndefined();
    expect(onFinding.data!.addComment).toMatchObject({
      findingId,
      episodeId: null,
      eventId: null,
      resolvedAt: null,
      resolvedBy: null,
    });
    const onEpisode = await comment({ episodeId, body: 'The police were not invited.' });
    expect(onEpisode.errors).toBeUndefined();

    const page = await ok<{
      review: {
        findings: { id: string; comments: { body: string }[] }[];
        episodes: { id: string; comments: { body: string }[] }[];
        comments: { body: string }[];
      };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { findings { id comments { body } } episodes { id comments { body } } comments(state: OPEN) { body } } }',
      { id: reviewId },
      caseGroup,
    );
    expect(page.review.findings[0].comments).toEqual([
      { body: 'The health visitor knew of the partner.' },
    ]);
    expect(page.review.episodes[0].comments).toEqual([{ body: 'The police were not invited.' }]);
    expect(page.review.comments.map((c) => c.body)).toEqual([
      'The health visitor knew of the partner.',
      'The police were not invited.',
    ]);
  });

  it('refuses a comment on two things at once, and on a finding of another review', async () => {
    const both = await comment({ findingId, episodeId, body: 'Both at once.' });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const elsewhere = await comment({ findingId: otherFindingId, body: 'Not this review.' });
    expect(elsewhere.errors?.[0].extensions?.code).toBeDefined();
    expect(elsewhere.data).toBeNull();
  });

  it('does not let an observer comment', async () => {
    const refused = await comment({ findingId, body: 'Only watching.' }, observer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets only the lead reviewer (or an administrator) resolve a comment and reopen it, each in the audit trail', async () => {
    const made = await comment({ findingId, body: 'The GP letter is missing.' });
    const id = made.data!.addComment.id;

    for (const token of [caseGroup, team, observer]) {
      const refused = await t.gql(RESOLVE, { id, resolved: true }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }

    const resolved = await ok<{ resolveComment: CommentRow }>(
      t,
      RESOLVE,
      { id, resolved: true },
      lead,
    );
    expect(resolved.resolveComment.resolvedAt).not.toBeNull();
    expect(resolved.resolveComment.resolvedBy).toBe('lead');

    const lists = await ok<{
      review: { open: { id: string }[]; resolved: { id: string; resolvedBy: string }[] };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { open: comments(state: OPEN) { id } resolved: comments(state: RESOLVED) { id resolvedBy } } }',
      { id: reviewId },
      caseGroup,
    );
    expect(lists.review.open.map((c) => c.id)).not.toContain(id);
    expect(lists.review.resolved).toEqual([{ id, resolvedBy: 'lead' }]);

    const reopened = await ok<{ resolveComment: CommentRow }>(
      t,
      RESOLVE,
      { id, resolved: false },
      admin,
    );
    expect(reopened.resolveComment).toEqual({ id, resolvedAt: null, resolvedBy: null });

    const trail = await ok<{
      review: { auditTrail: { edges: { node: { action: string; entityId: string } }[] } };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { auditTrail(first: 50) { edges { node { action entityId } } } } }',
      { id: reviewId },
      lead,
    );
    const actions = trail.review.auditTrail.edges
      .map((edge) => edge.node)
      .filter((node) => node.entityId === id)
      .map((node) => node.action);
    expect(actions.sort()).toEqual(['create', 'reopen', 'resolve']);
  });
});
