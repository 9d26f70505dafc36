import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

/**
 * Every record edited in place carries a version: a save must name the version it read, and a
 * stale one is refused with CONFLICT and changes nothing.
 */
describe('versioned updates of agencies, people, events, factors and board actions', () => {
  let t: TestApp;
  let lead: string;
  let reviewId: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    lead = (await createAccount(t, await adminToken(t), 'lead@test.local', 'REVIEWER')).token;
    reviewId = (await createReview(t, lead, 'VER-1')).id;
    const agency = await ok<{ addAgency: { id: string; version: number } }>(
      t,
      'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Police", sector: POLICE }) { id version } }',
      { r: reviewId },
      lead,
    );
    const person = await ok<{ addPerson: { id: string; version: number } }>(
      t,
      'mutation($r: ID!) { addPerson(reviewId: $r, input: { pseudonym: "Child A" }) { id version } }',
      { r: reviewId },
      lead,
    );
    const events = await ok<{ addTimelineEvents: { id: string; version: number }[] }>(
      t,
      'mutation($r: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-03-01", title: "Home visit" }]) { id version } }',
      { r: reviewId },
      lead,
    );
    const episode = await ok<{ createEpisode: { id: string } }>(
      t,
      'mutation($r: ID!) { createEpisode(reviewId: $r, input: { title: "Referral" }) { id } }',
      { r: reviewId },
      lead,
    );
    const factor = await ok<{ addContributoryFactor: { id: string; version: number } }>(
      t,
      'mutation($e: ID!) { addContributoryFactor(episodeId: $e, input: { level: FAMILY, description: "Moves" }) { id version } }',
      { e: episode.createEpisode.id },
      lead,
    );
    const finding = await ok<{ createFinding: { id: string } }>(
      t,
      'mutation($r: ID!) { createFinding(reviewId: $r, input: { title: "Handover", category: HUMAN_REASONING, effect: MAKES_PROBLEMS_MORE_LIKELY }) { id } }',
      { r: reviewId },
      lead,
    );
    const action = await ok<{ addBoardAction: { id: string; version: number } }>(
      t,
      'mutation($f: ID!) { addBoardAction(findingId: $f, input: { description: "Audit" }) { id version } }',
      { f: finding.createFinding.id },
      lead,
    );
    for (const created of [
      agency.addAgency,
      person.addPerson,
      events.addTimelineEvents[0],
      factor.addContributoryFactor,
      action.addBoardAction,
    ])
      expect(created.version).toBe(1);
    ids = {
      agency: agency.addAgency.id,
      person: person.addPerson.id,
      event: events.addTimelineEvents[0].id,
      factor: factor.addContributoryFactor.id,
      action: action.addBoardAction.id,
    };
  });
  afterAll(() => t.close());

  const cases: {
    mutation: string;
    record: string;
    inputType: string;
    field: string;
    first: Record<string, unknown>;
    stale: Record<string, unknown>;
    read: string;
  }[] = [
    {
      mutation: 'updateAgency',
      record: 'agency',
      inputType: 'AgencyInput',
      field: 'name',
      first: { name: 'Northmoor Police', sector: 'POLICE' },
      stale: { name: 'Overwritten', sector: 'HEALTH' },
      read: 'agencies { id name version }',
    },
    {
      mutation: 'updatePerson',
      record: 'person',
      inputType: 'PersonInput',
      field: 'pseudonym',
      first: { pseudonym: 'Child B' },
      stale: { pseudonym: 'Overwritten' },
      read: 'people { id pseudonym version }',
    },
    {
      mutation: 'updateTimelineEvent',
      record: 'event',
      inputType: 'UpdateTimelineEventInput',
      field: 'title',
      first: { title: 'Home visit by the health visitor' },
      stale: { title: 'Overwritten' },
      read: 'events(first: 10) { edges { node { id title version } } }',
    },
    {
      mutation: 'updateContributoryFactor',
      record: 'factor',
      inputType: 'UpdateFactorInput',
      field: 'description',
      first: { description: 'Three moves of school' },
      stale: { description: 'Overwritten' },
      read: 'episodes { factors { id description version } }',
    },
    {
      mutation: 'updateBoardAction',
      record: 'action',
      inputType: 'UpdateBoardActionInput',
      field: 'description',
      first: { description: 'Audit the handovers' },
      stale: { description: 'Overwritten' },
      read: 'findings { boardActions { id description version } }',
    },
  ];

  /** The record as the review page reads it. */
  const current = async (read: string, id: string) => {
    const data = await ok<{ review: unknown }>(
      t,
      `query($id: ID!) { review(id: $id) { ${read} } }`,
      { id: reviewId },
      lead,
    );
    const found: Record<string, unknown>[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const row = value as Record<string, unknown>;
        if (row.id === id) found.push(row);
        else Object.values(row).forEach(walk);
      }
    };
    walk(data.review);
    return found[0];
  };

  it.each(cases)(
    '$mutation saves at the expected version and refuses a stale one with CONFLICT',
    async ({ mutation, record, inputType, field, first, stale, read }) => {
      const id = ids[record];
      const UPDATE = `mutation($id: ID!, $v: Int!, $i: ${inputType}!) { ${mutation}(id: $id, expectedVersion: $v, input: $i) { id version ${field} } }`;
      const saved = await ok<Record<string, Record<string, unknown>>>(
        t,
        UPDATE,
        { id, v: 1, i: first },
        lead,
      );
      expect(saved[mutation]).toMatchObject({ version: 2, [field]: first[field] });

      const refused = await t.gql(UPDATE, { id, v: 1, i: stale }, lead);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: 2,
        expectedVersion: 1,
      });
      expect(await current(read, id)).toMatchObject({ version: 2, [field]: first[field] });

      const missing = await t.gql(
        `mutation($id: ID!, $i: ${inputType}!) { ${mutation}(id: $id, input: $i) { id } }`,
        { id, i: stale },
        lead,
      );
      expect(missing.errors?.[0].message).toMatch(/expectedVersion/);
    },
  );
});
