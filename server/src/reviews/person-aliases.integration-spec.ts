import { MAX_PERSON_ALIASES, TEXT_LIMITS } from '@scr/shared';
import { Account, adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const ADD_PERSON = `mutation($r: ID!, $i: PersonInput!) { addPerson(reviewId: $r, input: $i) { id name aliases version } }`;
const UPDATE_PERSON = `mutation($id: ID!, $v: Int!, $i: PersonInput!) {
  updatePerson(id: $id, expectedVersion: $v, input: $i) { id name aliases version } }`;
const ADD_MEMBER =
  'mutation($r: ID!, $u: ID!, $role: ReviewRole!) { addMember(reviewId: $r, userId: $u, role: $role) { id } }';
const PEOPLE = `query($id: ID!) { review(id: $id) { myCapabilities people { pseudonym name aliases } } }`;

interface PersonRow {
  id: string;
  name: string | null;
  aliases: string[];
  version: number;
}
interface BundlePerson {
  pseudonym: string;
  name: string | null;
  aliases?: string[];
}

/** Issue 11: the other names a person was known by are real names, kept and shown as such. */
describe('people: the other names they were known by (aliases)', () => {
  let t: TestApp;
  let admin: string;
  let lead: Account;
  let team: Account;
  let analyst: Account;
  let reviewId: string;
  let mother: PersonRow;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    lead = await createAccount(t, admin, 'alias-lead@test.local', 'REVIEWER');
    team = await createAccount(t, admin, 'alias-team@test.local', 'REVIEWER');
    analyst = await createAccount(t, admin, 'alias-analyst@test.local', 'ANALYST');
    reviewId = (await createReview(t, lead.token, 'ALIASES-11')).id;
    await ok(t, ADD_MEMBER, { r: reviewId, u: team.id, role: 'REVIEW_TEAM' }, lead.token);
    await ok(t, ADD_MEMBER, { r: reviewId, u: analyst.id, role: 'OBSERVER' }, lead.token);
    mother = (
      await ok<{ addPerson: PersonRow }>(
        t,
        ADD_PERSON,
        {
          r: reviewId,
          i: { pseudonym: 'Mother', name: 'Leanne Ward', aliases: ['  Lee ', 'Jay Ward'] },
        },
        lead.token,
      )
    ).addPerson;
  });
  afterAll(() => t.close());

  const update = (id: string, version: number, input: Record<string, unknown>) =>
    t.gql<{ updatePerson: PersonRow }>(
      UPDATE_PERSON,
      { id, v: version, i: { pseudonym: 'Mother', ...input } },
      lead.token,
    );

  const problemFields = (errors: readonly { extensions?: Record<string, unknown> }[] = []) => ({
    code: errors[0]?.extensions?.code,
    fields: ((errors[0]?.extensions?.problems ?? []) as { field: string }[]).map((p) => p.field),
  });

  it('saves the other names trimmed, keeps them when an update leaves them out, and replaces them when it gives them', async () => {
    expect(mother).toMatchObject({ name: 'Leanne Ward', aliases: ['Lee', 'Jay Ward'] });
    const kept = await update(mother.id, mother.version, { relationship: 'Mother' });
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.updatePerson.aliases).toEqual(['Lee', 'Jay Ward']);
    const replaced = await update(mother.id, kept.data!.updatePerson.version, {
      aliases: ['Leanne W'],
    });
    expect(replaced.data!.updatePerson.aliases).toEqual(['Leanne W']);
    const emptied = await update(mother.id, replaced.data!.updatePerson.version, { aliases: [] });
    expect(emptied.data!.updatePerson.aliases).toEqual([]);
    const restored = await update(mother.id, emptied.data!.updatePerson.version, {
      aliases: ['Lee', 'Jay Ward'],
    });
    mother = restored.data!.updatePerson;
    expect(mother.aliases).toEqual(['Lee', 'Jay Ward']);
  });

  it('refuses null, an empty name, a name too long, too many names, the same name twice and a NUL', async () => {
    const tooLong = 'x'.repeat(TEXT_LIMITS.personAlias + 1);
    const tooMany = Array.from({ length: MAX_PERSON_ALIASES + 1 }, (_, i) => `Name ${i}`);
    for (const aliases of [
      null,
      ['Lee', '   '],
      [tooLong],
      tooMany,
      ['Lee', ' lee '],
      ['Le\u0000e'],
    ]) {
      const result = await update(mother.id, mother.version, { aliases });
      const { code, fields } = problemFields(result.errors);
      expect({ aliases, code }).toEqual({ aliases, code: 'BAD_USER_INPUT' });
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.every((f) => f.startsWith('aliases'))).toBe(true);
    }
    const added = await t.gql(
      ADD_PERSON,
      { r: reviewId, i: { pseudonym: 'X', aliases: [tooLong] } },
      lead.token,
    );
    expect(problemFields(added.errors).code).toBe('BAD_USER_INPUT');
  });

  it('shows the other names to members who read real names, and to no one else', async () => {
    type Read = { review: { myCapabilities: string[]; people: BundlePerson[] } };
    const asTeam = await ok<Read>(t, PEOPLE, { id: reviewId }, team.token);
    expect(asTeam.review.people).toEqual([
      { pseudonym: 'Mother', name: 'Leanne Ward', aliases: ['Lee', 'Jay Ward'] },
    ]);
    const asAnalyst = await ok<Read>(t, PEOPLE, { id: reviewId }, analyst.token);
    expect(asAnalyst.review.myCapabilities).not.toContain('readRealNames');
    expect(asAnalyst.review.people).toEqual([{ pseudonym: 'Mother', name: null, aliases: [] }]);
  });

  it('leaves the other names out of a bundle without real names', async () => {
    for (const [token, query] of [
      [analyst.token, ''],
      [team.token, ''],
      [lead.token, '?names=pseudonyms'],
    ]) {
      const response = await t
        .http()
        .get(`/api/reviews/${reviewId}/bundle.json${query}`)
        .set('authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.body.source.realNames).toBe(false);
      expect(response.body.people).toEqual([
        expect.objectContaining({ pseudonym: 'Mother', name: null, aliases: [] }),
      ]);
      expect(JSON.stringify(response.body)).not.toMatch(/Jay Ward|"Lee"/);
    }
  });

  it('carries the other names through a bundle with real names and back, and reads bundles without them', async () => {
    const exported = await t
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json?names=real`)
      .set('authorization', `Bearer ${lead.token}`);
    expect(exported.status).toBe(200);
    const bundle = exported.body;
    expect(bundle.people).toEqual([
      expect.objectContaining({ name: 'Leanne Ward', aliases: ['Lee', 'Jay Ward'] }),
    ]);

    bundle.review.reference = 'ALIASES-11-COPY';
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${lead.token}`)
      .send(bundle);
    expect(imported.status).toBe(201);
    const again = await t
      .http()
      .get(`/api/reviews/${imported.body.reviewId}/bundle.json?names=real`)
      .set('authorization', `Bearer ${lead.token}`);
    expect(again.body.people).toEqual(bundle.people);

    const older = structuredClone(bundle);
    older.review.reference = 'ALIASES-11-OLDER';
    for (const person of older.people) delete person.aliases;
    const old = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${lead.token}`)
      .send(older);
    expect(old.status).toBe(201);
    const read = await ok<{ review: { people: BundlePerson[] } }>(
      t,
      PEOPLE,
      { id: old.body.reviewId },
      lead.token,
    );
    expect(read.review.people).toEqual([{ pseudonym: 'Mother', name: 'Leanne Ward', aliases: [] }]);
  });

  it('counts a bundle whose people have only other names as one with real names', async () => {
    const exported = await t
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json?names=real`)
      .set('authorization', `Bearer ${lead.token}`);
    const bundle = exported.body;
    bundle.review.reference = 'ALIASES-11-ONLY';
    bundle.people[0].name = '';
    delete bundle.source;
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${lead.token}`)
      .send(bundle);
    expect(imported.status).toBe(201);
    const read = await ok<{ review: { importedFrom: { realNames: boolean } | null } }>(
      t,
      'query($id: ID!) { review(id: $id) { importedFrom { realNames } } }',
      { id: imported.body.reviewId },
      lead.token,
    );
    expect(read.review.importedFrom?.realNames).toBe(true);
  });

  it('refuses a bundle whose other names are not a list of distinct, short, non-empty names', async () => {
    const exported = await t
      .http()
      .get(`/api/reviews/${reviewId}/bundle.json?names=real`)
      .set('authorization', `Bearer ${lead.token}`);
    const bundle = exported.body;
    bundle.review.reference = 'ALIASES-11-BAD';
    bundle.people.push(
      { ...bundle.people[0], ref: 'p2', pseudonym: 'Father', aliases: 'Jay' },
      { ...bundle.people[0], ref: 'p3', pseudonym: 'Uncle', aliases: ['Jay', ' jay'] },
      {
        ...bundle.people[0],
        ref: 'p4',
        pseudonym: 'Aunt',
        aliases: ['x'.repeat(TEXT_LIMITS.personAlias + 1)],
      },
      {
        ...bundle.people[0],
        ref: 'p5',
        pseudonym: 'Cousin',
        aliases: Array.from({ length: MAX_PERSON_ALIASES + 1 }, (_, i) => `N${i}`),
      },
    );
    const response = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${lead.token}`)
      .send(bundle);
    expect(response.status).toBe(400);
    const paths = response.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'people[1].aliases',
        'people[2].aliases[1]',
        'people[3].aliases[0]',
        'people[4].aliases',
      ]),
    );
  });
});
