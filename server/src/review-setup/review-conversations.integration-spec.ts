import { TEXT_LIMITS } from '@scr/shared';
import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const FIELDS = `id kind format heldOn precision participants { role agencyId } familyPersonIds familyDescription notes episodeIds version`;
const ADD = `mutation($r: ID!, $i: ReviewConversationInput!) { addReviewConversation(reviewId: $r, input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateReviewConversationInput!) { updateReviewConversation(id: $id, expectedVersion: $v, input: $i) { ${FIELDS} } }`;
const REMOVE = `mutation($id: ID!, $dry: Boolean) { removeReviewConversation(id: $id, dryRun: $dry) { removed } }`;
const LIST = `query($id: ID!) { review(id: $id) { conversations { ${FIELDS} } } }`;

interface Conversation {
  id: string;
  kind: string;
  format: string;
  heldOn: string | null;
  precision: string | null;
  participants: { role: string; agencyId: string | null }[];
  familyPersonIds: string[];
  familyDescription: string | null;
  notes: string | null;
  episodeIds: string[];
  version: number;
}

describe("conversations with practitioners and the family's contribution", () => {
  let t: TestApp;
  let admin: string;
  let observer: string;
  let reviewId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    reviewId = (await createReview(t, admin, 'CONVERSATIONS-1')).id;
    const otherReviewId = (await createReview(t, admin, 'CONVERSATIONS-2')).id;
    const made = await ok<Record<string, { id: string }>>(
      t,
      `mutation($r: ID!, $o: ID!) {
        agency: addAgency(reviewId: $r, input: { name: "Health visiting", sector: HEALTH }) { id }
        mother: addPerson(reviewId: $r, input: { pseudonym: "Mother" }) { id }
        episode: createEpisode(reviewId: $r, input: { title: "The referral" }) { id }
        foreignAgency: addAgency(reviewId: $o, input: { name: "Police", sector: POLICE }) { id }
        foreignPerson: addPerson(reviewId: $o, input: { pseudonym: "Father" }) { id }
        foreignEpisode: createEpisode(reviewId: $o, input: { title: "Elsewhere" }) { id }
      }`,
      { r: reviewId, o: otherReviewId },
      admin,
    );
    for (const [key, value] of Object.entries(made)) ids[key] = value.id;
    const account = await createAccount(t, admin, 'observer-talks@test.local', 'REVIEWER');
    await ok(
      t,
      'mutation($r: ID!, $u: ID!) { addMember(reviewId: $r, userId: $u, role: OBSERVER) { id } }',
      { r: reviewId, u: account.id },
      admin,
    );
    observer = account.token;
  });

  afterAll(() => t.close());

  const learningEvent = () => ({
    kind: 'PRACTITIONERS',
    format: 'GROUP_LEARNING_EVENT',
    heldOn: '2024-03',
    participants: [
      { role: '  Health visitor ', agencyId: ids.agency },
      { role: 'Independent chair' },
    ],
    notes: 'Practitioners described the caseload at the time.',
    episodeIds: [ids.episode],
  });

  it('records a conversation with a partial date, participants by role and the episodes it informs', async () => {
    const { addReviewConversation } = await ok<{ addReviewConversation: Conversation }>(
      t,
      ADD,
      { r: reviewId, i: learningEvent() },
      admin,
    );
    expect(addReviewConversation).toMatchObject({
      kind: 'PRACTITIONERS',
      format: 'GROUP_LEARNING_EVENT',
      heldOn: '2024-03',
      precision: 'MONTH',
      participants: [
        { role: 'Health visitor', agencyId: ids.agency },
        { role: 'Independent chair', agencyId: null },
      ],
      familyPersonIds: [],
      episodeIds: [ids.episode],
      version: 1,
    });
    const { review } = await ok<{ review: { conversations: Conversation[] } }>(
      t,
      LIST,
      { id: reviewId },
      observer,
    );
    expect(review.conversations.map((c) => c.id)).toContain(addReviewConversation.id);
  });

  it("records the family's contribution with members of the register and a description", async () => {
    const { addReviewConversation } = await ok<{ addReviewConversation: Conversation }>(
      t,
      ADD,
      {
        r: reviewId,
        i: {
          kind: 'FAMILY',
          format: 'WRITTEN',
          familyPersonIds: [ids.mother],
          familyDescription: 'Maternal grandmother, who is not on the register',
        },
      },
      admin,
    );
    expect(addReviewConversation).toMatchObject({
      kind: 'FAMILY',
      heldOn: null,
      precision: null,
      familyPersonIds: [ids.mother],
      familyDescription: 'Maternal grandmother, who is not on the register',
    });
  });

  it('refuses a date that does not read, and text over its limit', async () => {
    for (const input of [
      { ...learningEvent(), heldOn: '2024-13' },
      { ...learningEvent(), notes: 'x'.repeat(TEXT_LIMITS.conversationNotes + 1) },
      { ...learningEvent(), participants: [{ role: ' ' }] },
    ]) {
      const result = await t.gql(ADD, { r: reviewId, i: input }, admin);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it("refuses another review's agency, person or episode", async () => {
    for (const [input, field] of [
      [
        { ...learningEvent(), participants: [{ role: 'Officer', agencyId: ids.foreignAgency }] },
        'participants.agencyId',
      ],
      [{ ...learningEvent(), familyPersonIds: [ids.foreignPerson] }, 'familyPersonIds'],
      [{ ...learningEvent(), episodeIds: [ids.foreignEpisode] }, 'episodeIds'],
    ] as const) {
      const result = await t.gql(ADD, { r: reviewId, i: input }, admin);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message.startsWith(field)).toBe(true);
    }
  });

  it('updates at the version read, keeps what is left out, and refuses a stale version', async () => {
    const { addReviewConversation: added } = await ok<{ addReviewConversation: Conversation }>(
      t,
      ADD,
      { r: reviewId, i: learningEvent() },
      admin,
    );
    const { updateReviewConversation: updated } = await ok<{
      updateReviewConversation: Conversation;
    }>(
      t,
      UPDATE,
      { id: added.id, v: 1, i: { format: 'INDIVIDUAL_CONVERSATION', heldOn: '2024-03-14' } },
      admin,
    );
    expect(updated).toMatchObject({
      format: 'INDIVIDUAL_CONVERSATION',
      heldOn: '2024-03-14',
      precision: 'DAY',
      episodeIds: [ids.episode],
      participants: added.participants,
      version: 2,
    });
    const stale = await t.gql(UPDATE, { id: added.id, v: 1, i: { notes: 'Late' } }, admin);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const nullKind = await t.gql(UPDATE, { id: added.id, v: 2, i: { kind: null } }, admin);
    expect(nullKind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets a member who may only read list them but not change them', async () => {
    const { review } = await ok<{ review: { conversations: Conversation[] } }>(
      t,
      LIST,
      { id: reviewId },
      observer,
    );
    const [first] = review.conversations;
    const added = await t.gql(ADD, { r: reviewId, i: learningEvent() }, observer);
    expect(added.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const updated = await t.gql(UPDATE, { id: first.id, v: first.version, i: {} }, observer);
    expect(updated.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const removed = await t.gql(REMOVE, { id: first.id }, observer);
    expect(removed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('removes a conversation, and only says it would when asked for a dry run', async () => {
    const { addReviewConversation } = await ok<{ addReviewConversation: Conversation }>(
      t,
      ADD,
      { r: reviewId, i: learningEvent() },
      admin,
    );
    const dry = await ok<{ removeReviewConversation: { removed: boolean } }>(
      t,
      REMOVE,
      { id: addReviewConversation.id, dry: true },
      admin,
    );
    expect(dry.removeReviewConversation.removed).toBe(false);
    await ok(t, REMOVE, { id: addReviewConversation.id }, admin);
    const { review } = await ok<{ review: { conversations: Conversation[] } }>(
      t,
      LIST,
      { id: reviewId },
      admin,
    );
    expect(review.conversations.map((c) => c.id)).not.toContain(addReviewConversation.id);
  });
});
