import { Client } from 'pg';
import { adminToken, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

describe('undoing the removal of a chronology event', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'RESTORE-1')).id;
  });
  afterAll(() => t.close());

  const gql = <T>(query: string, variables: Record<string, unknown>) =>
    ok<T>(t, query, { r: reviewId, ...variables }, token);

  const EVENT_FIELDS =
    'id occurredOn precision sortDate title description source version agency { id } people { id } comments { body }';

  it('puts the event back with its people, episodes, finding evidence and comments', async () => {
    const setup = await gql<{
      a: { id: string };
      p: { id: string };
      e: { id: string }[];
    }>(
      `mutation($r: ID!) {
        a: addAgency(reviewId: $r, input: { name: "Northmoor Police", sector: POLICE }) { id }
        p: addPerson(reviewId: $r, input: { pseudonym: "Child A" }) { id }
        e: addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-03-01", title: "Referral" }, { occurredOn: "2022-03-01", title: "Strategy discussion" }]) { id }
      }`,
      {},
    );
    const [kept, removed] = setup.e.map((e) => e.id);
    await gql(
      `mutation($id: ID!, $a: ID!, $p: ID!) {
        updateTimelineEvent(id: $id, expectedVersion: 1, input: { agencyId: $a, personIds: [$p], description: "Police and social care", source: "Police log 12" }) { id }
      }`,
      { id: removed, a: setup.a.id, p: setup.p.id },
    );
    const links = await gql<{ k: { id: string }; n: { id: string } }>(
      `mutation($r: ID!, $e: ID!, $kept: ID!) {
        k: createEpisode(reviewId: $r, input: { title: "The strategy discussion", eventIds: [$kept, $e] }) { id }
        n: createFinding(reviewId: $r, input: { title: "Handover", category: TOOLS, effect: MAKES_PROBLEMS_MORE_LIKELY, eventIds: [$e, $kept] }) { id }
        c: addComment(reviewId: $r, input: { eventId: $e, body: "Who chaired it?" }) { id }
      }`,
      { e: removed, kept },
    );
    const readBack = async () => {
      const data = await gql<{
        review: {
          events: { edges: { node: { id: string } & Record<string, unknown> }[] };
          episodes: { id: string; events: { id: string }[] }[];
          findings: { id: string; events: { id: string }[] }[];
        };
      }>(
        `query($r: ID!) {
          review(id: $r) {
            events(first: 100) { edges { node { ${EVENT_FIELDS} } } }
            episodes { id events { id } }
            findings { id events { id } }
          }
        }`,
        {},
      );
      return {
        ...data,
        order: data.review.events.edges.map((e) => e.node.id),
        event: data.review.events.edges.find((e) => e.node.id === removed)?.node ?? null,
      };
    };
    const before = await readBack();

    const dryRun = await gql<{
      removeTimelineEvents: { removed: boolean; consequences: string[] };
    }>(
      'mutation($r: ID!, $e: ID!) { removeTimelineEvents(reviewId: $r, ids: [$e], dryRun: true) { removed consequences } }',
      { e: removed },
    );
    expect(dryRun.removeTimelineEvents).toEqual({
      removed: false,
      consequences: [
        '1 key practice episode will lose linked events',
        '1 finding will lose evidence',
      ],
    });
    await gql(
      'mutation($r: ID!, $e: ID!) { removeTimelineEvents(reviewId: $r, ids: [$e]) { removed } }',
      {
        e: removed,
      },
    );
    const gone = await readBack();
    expect(gone.event).toBeNull();
    expect(gone.review.episodes[0].events).toEqual([{ id: kept }]);
    expect(gone.review.findings[0].events).toEqual([{ id: kept }]);

    const restored = await gql<{ restoreTimelineEvents: Record<string, unknown>[] }>(
      `mutation($r: ID!, $e: ID!) { restoreTimelineEvents(reviewId: $r, ids: [$e]) { ${EVENT_FIELDS} } }`,
      { e: removed },
    );
    expect(restored.restoreTimelineEvents).toEqual([before.event]);
    const after = await readBack();
    // The same order in the chronology, the same episode links, the evidence at its place.
    expect(after).toEqual(before);
    expect(after.review.findings[0].events).toEqual([{ id: removed }, { id: kept }]);
    expect(links.n.id).toBe(after.review.findings[0].id);
  });

  it('brings back the contact with each person, and reads a removal kept before contacts as MENTIONED', async () => {
    const setup = await gql<{ p: { id: string }; e: { id: string }[] }>(
      `mutation($r: ID!) {
        p: addPerson(reviewId: $r, input: { pseudonym: "Sibling 1" }) { id }
        e: addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-04-02", title: "School visit" }]) { id }
      }`,
      {},
    );
    const eventId = setup.e[0].id;
    const contacts = async () =>
      (
        await gql<{
          timelineEvent: { peopleContacts: { person: { id: string }; contact: string }[] };
        }>(
          'query($e: ID!) { timelineEvent(id: $e) { peopleContacts { person { id } contact } } }',
          { e: eventId },
        )
      ).timelineEvent.peopleContacts;
    await gql(
      `mutation($e: ID!, $p: ID!) {
        updateTimelineEvent(id: $e, expectedVersion: 1, input: { personContacts: [{ personId: $p, contact: SEEN_ALONE }] }) { id }
      }`,
      { e: eventId, p: setup.p.id },
    );
    const remove = () =>
      gql(
        'mutation($r: ID!, $e: ID!) { removeTimelineEvents(reviewId: $r, ids: [$e]) { removed } }',
        {
          e: eventId,
        },
      );
    const restore = () =>
      gql('mutation($r: ID!, $e: ID!) { restoreTimelineEvents(reviewId: $r, ids: [$e]) { id } }', {
        e: eventId,
      });
    await remove();
    await restore();
    expect(await contacts()).toEqual([{ person: { id: setup.p.id }, contact: 'SEEN_ALONE' }]);

    // A removal recorded before links carried a contact: its people rows have none.
    await remove();
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO audit_event (review_id, actor_id, actor_email, entity_type, entity_id, action, before, after)
         SELECT review_id, actor_id, actor_email, entity_type, entity_id, action,
                jsonb_set(before, '{removed,people}',
                  (SELECT coalesce(jsonb_agg(p - 'contact'), '[]') FROM jsonb_array_elements(before -> 'removed' -> 'people') p)),
                after
         FROM audit_event
         WHERE entity_id = $1 AND action = 'remove'
         ORDER BY id DESC LIMIT 1`,
        [eventId],
      );
    } finally {
      await db.end();
    }
    await restore();
    expect(await contacts()).toEqual([{ person: { id: setup.p.id }, contact: 'MENTIONED' }]);
  });

  it('refuses to restore an event that is there, or that was never removed from this review', async () => {
    const added = await gql<{ addTimelineEvents: { id: string }[] }>(
      'mutation($r: ID!) { addTimelineEvents(reviewId: $r, events: [{ occurredOn: "2022-05", title: "Home visit" }]) { id } }',
      {},
    );
    const id = added.addTimelineEvents[0].id;
    const again = await t.gql(
      'mutation($r: ID!, $e: ID!) { restoreTimelineEvents(reviewId: $r, ids: [$e]) { id } }',
      { r: reviewId, e: id },
      token,
    );
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const other = (await createReview(t, token, 'RESTORE-2')).id;
    await gql(
      'mutation($r: ID!, $e: ID!) { removeTimelineEvents(reviewId: $r, ids: [$e]) { removed } }',
      {
        e: id,
      },
    );
    const elsewhere = await t.gql(
      'mutation($r: ID!, $e: ID!) { restoreTimelineEvents(reviewId: $r, ids: [$e]) { id } }',
      { r: other, e: id },
      token,
    );
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
