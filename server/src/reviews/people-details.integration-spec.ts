import { SqlStatementCounter } from '../database/sql-statement-counter';
import { adminToken, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

const PERSON_FIELDS = `id pseudonym sex bornOn ageAtPeriodStart diedOn deceased isSubjectChild household
  households { household from to knownToAgencies note } version`;
const ADD_PERSON = `mutation($r: ID!, $i: PersonInput!) { addPerson(reviewId: $r, input: $i) { ${PERSON_FIELDS} } }`;
const UPDATE_PERSON = `mutation($id: ID!, $v: Int!, $i: PersonInput!) { updatePerson(id: $id, expectedVersion: $v, input: $i) { ${PERSON_FIELDS} } }`;
const ADD_EVENTS = `mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id version } }`;
const UPDATE_EVENT = `mutation($id: ID!, $v: Int!, $i: UpdateTimelineEventInput!) {
  updateTimelineEvent(id: $id, expectedVersion: $v, input: $i) { id peopleContacts { person { pseudonym } contact } } }`;
const SUMMARY = `query($id: ID!) { review(id: $id) { people { pseudonym contactSummary {
  seen seenAlone spokenTo mentioned total byAgency { agencyId seen seenAlone spokenTo mentioned total } } } } }`;

interface PersonRow {
  id: string;
  pseudonym: string;
  version: number;
  [key: string]: unknown;
}

describe('people: sex, birth, death, households and contacts', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'PEOPLE-11')).id;
  });
  afterAll(() => t.close());

  async function addPerson(input: Record<string, unknown>, r = reviewId): Promise<PersonRow> {
    const data = await ok<{ addPerson: PersonRow }>(t, ADD_PERSON, { r, i: input }, token);
    return data.addPerson;
  }

  async function addAgency(name: string, r = reviewId): Promise<string> {
    const data = await ok<{ addAgency: { id: string } }>(
      t,
      'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
      { r, i: { name, sector: 'HEALTH' } },
      token,
    );
    return data.addAgency.id;
  }

  it('records sex, partial dates of birth and death, the subject child and dated households', async () => {
    const person = await addPerson({
      pseudonym: 'Mr B',
      sex: 'MALE',
      bornOn: '1990-04',
      diedOn: '2024',
      households: [
        { household: 'Household 1', from: '2022-04', knownToAgencies: false, note: 'around April' },
        { household: 'Household 2', from: '2019', to: '2022-03-31' },
      ],
    });
    expect(person).toMatchObject({
      sex: 'MALE',
      bornOn: '1990-04',
      ageAtPeriodStart: null,
      diedOn: '2024',
      deceased: true,
      isSubjectChild: false,
      household: 'Household 1',
      households: [
        {
          household: 'Household 1',
          from: '2022-04',
          to: null,
          knownToAgencies: false,
          note: 'around April',
        },
        {
          household: 'Household 2',
          from: '2019',
          to: '2022-03-31',
          knownToAgencies: true,
          note: null,
        },
      ],
    });
    const child = await addPerson({
      pseudonym: 'Child C',
      ageAtPeriodStart: 3,
      isSubjectChild: true,
    });
    expect(child).toMatchObject({
      sex: 'NOT_KNOWN',
      ageAtPeriodStart: 3,
      isSubjectChild: true,
      deceased: false,
      households: [],
      household: null,
    });
  });

  it('keeps households when an update says nothing of them, and replaces them when it does', async () => {
    const person = await addPerson({
      pseudonym: 'Ms D',
      households: [{ household: 'Household 1' }],
    });
    const kept = await ok<{ updatePerson: PersonRow }>(
      t,
      UPDATE_PERSON,
      { id: person.id, v: person.version, i: { pseudonym: 'Ms D', sex: 'FEMALE' } },
      token,
    );
    expect(kept.updatePerson).toMatchObject({
      sex: 'FEMALE',
      households: [{ household: 'Household 1' }],
    });
    const replaced = await ok<{ updatePerson: PersonRow }>(
      t,
      UPDATE_PERSON,
      {
        id: person.id,
        v: kept.updatePerson.version,
        i: { pseudonym: 'Ms D', household: 'Household 3' },
      },
      token,
    );
    expect(replaced.updatePerson).toMatchObject({
      household: 'Household 3',
      households: [{ household: 'Household 3', from: null, to: null, knownToAgencies: true }],
    });
  });

  it('refuses dates that are not partial dates and ages out of range', async () => {
    for (const input of [
      { pseudonym: 'X', bornOn: '04/1990' },
      { pseudonym: 'X', diedOn: '2024-13' },
      { pseudonym: 'X', ageAtPeriodStart: -1 },
      { pseudonym: 'X', households: [{ household: 'H1', from: '2022-02-30' }] },
      { pseudonym: 'X', households: [{ household: '  ' }] },
    ]) {
      const result = await t.gql(ADD_PERSON, { r: reviewId, i: input }, token);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('says whether a partnership has separated', async () => {
    const a = await addPerson({ pseudonym: 'Partner A' });
    const b = await addPerson({ pseudonym: 'Partner B' });
    const data = await ok<{ addRelationship: { separated: boolean; endedOn: string | null } }>(
      t,
      `mutation($r: ID!, $i: RelationshipInput!) { addRelationship(reviewId: $r, input: $i) { separated endedOn } }`,
      {
        r: reviewId,
        i: { fromPersonId: a.id, toPersonId: b.id, kind: 'PARTNER_OF', endedOn: '2023-05' },
      },
      token,
    );
    expect(data.addRelationship).toEqual({ separated: true, endedOn: '2023-05' });
  });

  it('counts each person’s contacts by type and by agency', async () => {
    const r = (await createReview(t, token, 'PEOPLE-11-CONTACTS')).id;
    const health = await addAgency('Health visiting', r);
    const police = await addAgency('Police', r);
    const mother = (await addPerson({ pseudonym: 'Mother' }, r)).id;
    const child = (await addPerson({ pseudonym: 'Child', isSubjectChild: true }, r)).id;
    const partner = (await addPerson({ pseudonym: 'Partner', sex: 'MALE' }, r)).id;
    const event = (agencyId: string | null, day: number, people: Record<string, unknown>) => ({
      occurredOn: `2023-01-${String(day).padStart(2, '0')}`,
      title: `Visit ${day}`,
      agencyId,
      ...people,
    });
    const created = await ok<{ addTimelineEvents: { id: string; version: number }[] }>(
      t,
      ADD_EVENTS,
      {
        r,
        e: [
          event(health, 1, {
            personContacts: [
              { personId: mother, contact: 'SEEN' },
              { personId: child, contact: 'SEEN_ALONE' },
            ],
            personIds: [partner],
          }),
          event(health, 2, {
            personContacts: [
              { personId: mother, contact: 'SPOKEN_TO' },
              { personId: child, contact: 'SEEN' },
            ],
          }),
          event(police, 3, {
            personContacts: [
              { personId: mother, contact: 'SEEN' },
              { personId: partner, contact: 'SPOKEN_TO' },
            ],
          }),
          event(null, 4, { personIds: [partner, child] }),
        ],
      },
      token,
    );
    const data = await ok<{
      review: { people: { pseudonym: string; contactSummary: Record<string, unknown> }[] };
    }>(t, SUMMARY, { id: r }, token);
    const summary = Object.fromEntries(
      data.review.people.map((p) => [p.pseudonym, p.contactSummary]),
    );
    const counts = (
      agencyId: string | null,
      seen: number,
      seenAlone: number,
      spokenTo: number,
      mentioned: number,
    ) => ({
      agencyId,
      seen,
      seenAlone,
      spokenTo,
      mentioned,
      total: seen + seenAlone + spokenTo + mentioned,
    });
    expect(summary.Mother).toEqual({
      seen: 2,
      seenAlone: 0,
      spokenTo: 1,
      mentioned: 0,
      total: 3,
      byAgency: expect.arrayContaining([counts(health, 1, 0, 1, 0), counts(police, 1, 0, 0, 0)]),
    });
    expect(summary.Child).toMatchObject({
      seen: 1,
      seenAlone: 1,
      spokenTo: 0,
      mentioned: 1,
      total: 3,
    });
    expect(summary.Child.byAgency).toEqual(
      expect.arrayContaining([counts(health, 1, 1, 0, 0), counts(null, 0, 0, 0, 1)]),
    );
    expect(summary.Partner).toMatchObject({
      seen: 0,
      seenAlone: 0,
      spokenTo: 1,
      mentioned: 2,
      total: 3,
    });

    // personIds keeps a person's contact; personContacts changes it; those left out go.
    const [first] = created.addTimelineEvents;
    const updated = await ok<{
      updateTimelineEvent: { peopleContacts: { person: { pseudonym: string }; contact: string }[] };
    }>(
      t,
      UPDATE_EVENT,
      {
        id: first.id,
        v: first.version,
        i: { personIds: [mother], personContacts: [{ personId: partner, contact: 'SEEN' }] },
      },
      token,
    );
    const contacts = Object.fromEntries(
      updated.updateTimelineEvent.peopleContacts.map((c) => [c.person.pseudonym, c.contact]),
    );
    expect(contacts).toEqual({ Mother: 'SEEN', Partner: 'SEEN' });
  });

  it('reads the summaries and households of every person in a fixed number of statements', async () => {
    const query = `query($id: ID!) { review(id: $id) {
      people { id households { household } contactSummary { total byAgency { agencyId seen } } }
      events(first: 200) { edges { node { id peopleContacts { contact person { id } } } } } } }`;
    async function statementsFor(people: number): Promise<number> {
      const r = (await createReview(t, token, `PEOPLE-11-COUNT-${people}`)).id;
      const ids: string[] = [];
      for (let i = 0; i < people; i += 1)
        ids.push(
          (await addPerson({ pseudonym: `P${i}`, households: [{ household: 'H1' }] }, r)).id,
        );
      await ok(
        t,
        ADD_EVENTS,
        {
          r,
          e: ids.map((id, i) => ({
            occurredOn: '2023-02-01',
            title: `E${i}`,
            personContacts: [{ personId: id, contact: 'SEEN' }],
          })),
        },
        token,
      );
      SqlStatementCounter.reset();
      await ok(t, query, { id: r }, token);
      return SqlStatementCounter.count;
    }
    const few = await statementsFor(2);
    const many = await statementsFor(12);
    expect(many).toBe(few);
  });

  it('carries the new fields through a bundle and back without loss, and reads older bundles', async () => {
    const r = (await createReview(t, token, 'PEOPLE-11-BUNDLE')).id;
    const agency = await addAgency('Police', r);
    const mother = await addPerson(
      {
        pseudonym: 'Mother',
        sex: 'FEMALE',
        bornOn: '1995',
        households: [{ household: 'Household 1', from: '2021-06', knownToAgencies: true }],
      },
      r,
    );
    const partner = await addPerson(
      {
        pseudonym: 'Mr B',
        sex: 'MALE',
        ageAtPeriodStart: 31,
        deceased: true,
        households: [
          { household: 'Household 1', from: '2022-04', knownToAgencies: false, note: 'n' },
        ],
      },
      r,
    );
    await ok(
      t,
      `mutation($r: ID!, $i: RelationshipInput!) { addRelationship(reviewId: $r, input: $i) { id } }`,
      {
        r,
        i: { fromPersonId: mother.id, toPersonId: partner.id, kind: 'PARTNER_OF', separated: true },
      },
      token,
    );
    await ok(
      t,
      ADD_EVENTS,
      {
        r,
        e: [
          {
            occurredOn: '2023-03-01',
            title: 'Home visit',
            agencyId: agency,
            personContacts: [
              { personId: mother.id, contact: 'SEEN' },
              { personId: partner.id, contact: 'MENTIONED' },
            ],
          },
        ],
      },
      token,
    );
    const http = () => t.http();
    const exported = await http()
      .get(`/api/reviews/${r}/bundle.json`)
      .set('authorization', `Bearer ${token}`);
    expect(exported.status).toBe(200);
    const bundle = exported.body;
    expect(bundle.people[1]).toMatchObject({
      pseudonym: 'Mr B',
      sex: 'MALE',
      ageAtPeriodStart: 31,
      deceased: true,
      households: [
        { household: 'Household 1', from: '2022-04', knownToAgencies: false, note: 'n' },
      ],
    });
    expect(bundle.relationships[0]).toMatchObject({ separated: true, endedOn: null });
    expect(bundle.events[0].contacts).toEqual({ p1: 'SEEN', p2: 'MENTIONED' });

    bundle.review.reference = 'PEOPLE-11-BUNDLE-COPY';
    const imported = await http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${token}`)
      .send(bundle);
    expect(imported.status).toBe(201);
    const again = await http()
      .get(`/api/reviews/${imported.body.reviewId}/bundle.json`)
      .set('authorization', `Bearer ${token}`);
    const strip = (b: Record<string, unknown>) => ({
      ...b,
      exportedAt: null,
      exportedBy: null,
      review: null,
      source: null,
    });
    expect(strip(again.body)).toEqual(strip(bundle));

    const older = structuredClone(bundle);
    older.review.reference = 'PEOPLE-11-BUNDLE-OLD';
    for (const person of older.people) {
      delete person.households;
      delete person.sex;
      person.household = 'Household 9';
    }
    for (const event of older.events) delete event.contacts;
    const old = await http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${token}`)
      .send(older);
    expect(old.status).toBe(201);
    const data = await ok<{
      review: {
        people: { sex: string; households: { household: string }[] }[];
        events: { edges: { node: { peopleContacts: { contact: string }[] } }[] };
      };
    }>(
      t,
      `query($id: ID!) { review(id: $id) { people { sex households { household } }
         events(first: 5) { edges { node { peopleContacts { contact } } } } } }`,
      { id: old.body.reviewId },
      token,
    );
    expect(data.review.people.map((p) => [p.sex, p.households])).toEqual([
      ['NOT_KNOWN', [{ household: 'Household 9' }]],
      ['NOT_KNOWN', [{ household: 'Household 9' }]],
    ]);
    expect(data.review.events.edges[0].node.peopleContacts.map((c) => c.contact)).toEqual([
      'MENTIONED',
      'MENTIONED',
    ]);
  });

  it('refuses a bundle with a bad partial date or contact type', async () => {
    const r = (await createReview(t, token, 'PEOPLE-11-BAD')).id;
    await addPerson({ pseudonym: 'Mother' }, r);
    const exported = await t
      .http()
      .get(`/api/reviews/${r}/bundle.json`)
      .set('authorization', `Bearer ${token}`);
    const bundle = exported.body;
    bundle.review.reference = 'PEOPLE-11-BAD-COPY';
    bundle.people[0].bornOn = '1990-13';
    bundle.people[0].households = [{ household: 'H1', to: 'soon' }];
    bundle.events = [
      {
        ref: 'e1',
        occurredOn: '2023',
        precision: 'YEAR',
        agency: null,
        title: 'T',
        description: null,
        source: null,
        people: ['p1'],
        contacts: { p1: 'WAVED_AT' },
      },
    ];
    const response = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${token}`)
      .send(bundle);
    expect(response.status).toBe(400);
    const paths = response.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'people[0].bornOn',
        'people[0].households[0].to',
        'events[0].contacts.p1',
      ]),
    );
  });
});
