import { Client } from 'pg';
import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const ADD_MEMBER =
  'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }';
const READ = 'query($id: ID!) { review(id: $id) { id myCapabilities people { name pseudonym } } }';

interface ReadResult {
  review: { id: string; myCapabilities: string[]; people: { name: string | null }[] } | null;
}

describe('who sees what', () => {
  let t: TestApp;
  let admin: string;
  let lead: { id: string; token: string };
  let analyst: { id: string; token: string };
  let trainer: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    lead = await createAccount(t, admin, 'lead@test.local', 'REVIEWER');
    analyst = await createAccount(t, admin, 'analyst@test.local', 'ANALYST');
    trainer = await createAccount(t, admin, 'trainer@test.local', 'TRAINER');
  });
  afterAll(() => t.close());

  async function draftWithAPerson(reference: string): Promise<string> {
    const id = (await createReview(t, lead.token, reference)).id;
    await ok(
      t,
      'mutation($r: ID!) { addPerson(reviewId: $r, input: { name: "Amy Example", pseudonym: "Child A" }) { id } }',
      { r: id },
      lead.token,
    );
    return id;
  }

  async function setAccountRole(userId: string, role: string): Promise<void> {
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query('UPDATE user_account SET role = $2 WHERE id = $1', [userId, role]);
    } finally {
      await client.end();
    }
  }

  describe('membership follows the account role (item 1)', () => {
    it.each([
      ['analyst', 'LEAD_REVIEWER'],
      ['analyst', 'REVIEW_TEAM'],
      ['analyst', 'CASE_GROUP'],
      ['trainer', 'LEAD_REVIEWER'],
      ['trainer', 'REVIEW_TEAM'],
      ['trainer', 'CASE_GROUP'],
    ])('a lead reviewer cannot make an %s a %s', async (who, role) => {
      const review = await draftWithAPerson(`REFUSE-${who}-${role}`);
      const account = who === 'analyst' ? analyst : trainer;
      const result = await t.gql(ADD_MEMBER, { r: review, u: account.id, role }, lead.token);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/may at most be OBSERVER/);
      const read = await t.gql<ReadResult>(READ, { id: review }, account.token);
      expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('lets an analyst observe a draft, but never see a real name', async () => {
      const review = await draftWithAPerson('OBSERVED-1');
      await ok(t, ADD_MEMBER, { r: review, u: analyst.id, role: 'OBSERVER' }, lead.token);
      const read = await ok<ReadResult>(t, READ, { id: review }, analyst.token);
      expect(read.review?.myCapabilities).toEqual(['read']);
      expect(read.review?.people).toEqual([{ name: null, pseudonym: 'Child A' }]);
      const bundle = await t
        .http()
        .get(`/api/reviews/${review}/bundle.json`)
        .set('authorization', `Bearer ${analyst.token}`);
      expect(JSON.stringify(bundle.body)).not.toContain('Amy Example');
    });

    it('takes edit and real names from a member at once when the account becomes an analyst', async () => {
      const member = await createAccount(t, admin, 'demoted@test.local', 'REVIEWER');
      const review = await draftWithAPerson('DEMOTED-1');
      await ok(t, ADD_MEMBER, { r: review, u: member.id, role: 'REVIEW_TEAM' }, lead.token);
      const before = await ok<ReadResult>(t, READ, { id: review }, member.token);
      expect(before.review?.people[0].name).toBe('Amy Example');
      expect(before.review?.myCapabilities).toContain('edit');

      await setAccountRole(member.id, 'ANALYST');

      const after = await ok<ReadResult>(t, READ, { id: review }, member.token);
      expect(after.review?.people[0].name).toBeNull();
      expect(after.review?.myCapabilities).toEqual(['read']);
      const roles = await ok<{
        review: { myRole: string; members: { user: { id: string }; role: string }[] };
      }>(
        t,
        'query($id: ID!) { review(id: $id) { myRole members { user { id } role } } }',
        { id: review },
        lead.token,
      );
      expect(roles.review.members).toContainEqual({ user: { id: member.id }, role: 'OBSERVER' });
      const own = await ok<{ review: { myRole: string } }>(
        t,
        'query($id: ID!) { review(id: $id) { myRole } }',
        { id: review },
        member.token,
      );
      expect(own.review.myRole).toBe('OBSERVER');
      const edit = await t.gql(
        'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Police", sector: POLICE }) { id } }',
        { r: review },
        member.token,
      );
      expect(edit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('un-publishing hides (item 3)', () => {
    it('hides a review from analysts as soon as it is reopened, and clears publishedAt', async () => {
      const review = await draftWithAPerson('UNPUBLISH-1');
      const publish = await ok<{ publishReview: { published: boolean } }>(
        t,
        'mutation($id: ID!) { publishReview(id: $id, overrideReason: "Published to test who reads it") { published } }',
        { id: review },
        lead.token,
      );
      expect(publish.publishReview.published).toBe(true);
      expect((await ok<ReadResult>(t, READ, { id: review }, analyst.token)).review?.id).toBe(
        review,
      );

      const back = await ok<{ reopenReview: { publishedAt: string | null } }>(
        t,
        'mutation($id: ID!) { reopenReview(id: $id, reason: "A correction") { publishedAt } }',
        { id: review },
        lead.token,
      );
      expect(back.reopenReview.publishedAt).toBeNull();
      for (const reader of [analyst, trainer]) {
        const read = await t.gql<ReadResult>(READ, { id: review }, reader.token);
        expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        const list = await ok<{ reviews: { edges: { node: { id: string } }[] } }>(
          t,
          '{ reviews(first: 100) { edges { node { id } } } }',
          {},
          reader.token,
        );
        expect(list.reviews.edges.map((e) => e.node.id)).not.toContain(review);
      }
    });
  });

  describe('collections are changed by their owner and administrators only (item 4)', () => {
    it('refuses analysts, trainers, observers and the case group', async () => {
      const review = await draftWithAPerson('COLLECTED-1');
      const observer = await createAccount(t, admin, 'observer@test.local', 'REVIEWER');
      const caseGroup = await createAccount(t, admin, 'casegroup@test.local', 'REVIEWER');
      await ok(t, ADD_MEMBER, { r: review, u: observer.id, role: 'OBSERVER' }, lead.token);
      await ok(t, ADD_MEMBER, { r: review, u: caseGroup.id, role: 'CASE_GROUP' }, lead.token);
      await ok(t, ADD_MEMBER, { r: review, u: analyst.id, role: 'OBSERVER' }, lead.token);
      await ok(t, ADD_MEMBER, { r: review, u: trainer.id, role: 'OBSERVER' }, lead.token);
      const collection = (
        await ok<{ createCollection: { id: string } }>(
          t,
          'mutation { createCollection(input: { name: "Audit round 2026" }) { id } }',
          {},
          admin,
        )
      ).createCollection.id;
      const add = (token: string) =>
        t.gql<{ addToCollection: { reviews: { id: string }[] } }>(
          'mutation($c: ID!, $r: ID!) { addToCollection(collectionId: $c, reviewIds: [$r]) { id } }',
          { c: collection, r: review },
          token,
        );
      for (const token of [analyst.token, trainer.token, observer.token, caseGroup.token]) {
        expect((await add(token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect((await add(lead.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await add(admin)).errors).toBeUndefined();

      const own = (
        await ok<{ createCollection: { id: string } }>(
          t,
          'mutation { createCollection(input: { name: "Mine" }) { id } }',
          {},
          lead.token,
        )
      ).createCollection.id;
      const mine = await t.gql(
        'mutation($c: ID!, $r: ID!) { addToCollection(collectionId: $c, reviewIds: [$r]) { id } }',
        { c: own, r: review },
        lead.token,
      );
      expect(mine.errors).toBeUndefined();
    });

    it('takes reviews out for the owner and administrators only, and says who may change it', async () => {
      const review = await draftWithAPerson('COLLECTED-2');
      const own = (
        await ok<{ createCollection: { id: string } }>(
          t,
          'mutation { createCollection(input: { name: "Lead round" }) { id } }',
          {},
          lead.token,
        )
      ).createCollection.id;
      await ok(
        t,
        'mutation($c: ID!, $r: ID!) { addToCollection(collectionId: $c, reviewIds: [$r]) { id } }',
        { c: own, r: review },
        lead.token,
      );
      const READ_COLLECTION = 'query($c: ID!) { collection(id: $c) { editable reviews { id } } }';
      const read = (token: string) =>
        ok<{ collection: { editable: boolean; reviews: { id: string }[] } }>(
          t,
          READ_COLLECTION,
          { c: own },
          token,
        );
      expect((await read(lead.token)).collection).toEqual({
        editable: true,
        reviews: [{ id: review }],
      });
      expect((await read(admin)).collection.editable).toBe(true);
      expect((await read(analyst.token)).collection.editable).toBe(false);

      const remove = (token: string) =>
        t.gql<{ removeFromCollection: { reviews: { id: string }[] } }>(
          'mutation($c: ID!, $r: ID!) { removeFromCollection(collectionId: $c, reviewIds: [$r]) { reviews { id } } }',
          { c: own, r: review },
          token,
        );
      expect((await remove(analyst.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await read(lead.token)).collection.reviews).toEqual([{ id: review }]);
      const removed = await remove(lead.token);
      expect(removed.errors).toBeUndefined();
      expect(removed.data?.removeFromCollection.reviews).toEqual([]);
      expect((await read(lead.token)).collection.reviews).toEqual([]);
      // Taking out a review that is not there changes nothing and is no error.
      expect((await remove(admin)).errors).toBeUndefined();
    });
  });
});
