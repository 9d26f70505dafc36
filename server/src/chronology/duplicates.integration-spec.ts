import { Client } from 'pg';
import { adminToken, createReview, ok } from '../testing/accounts';
import { EVERY_PAIR_SQL } from '../testing/every-pair-duplicates';
import { startTestApp, TestApp } from '../testing/test-app';

describe('one occasion recorded by several agencies', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  const agencies: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'DUPLICATES-1')).id;
    for (const [name, sector] of [
      ['Northmoor Police', 'POLICE'],
      ['Northmoor Children’s Social Care', 'CHILDRENS_SOCIAL_CARE'],
    ]) {
      agencies[sector] = (
        await ok<{ addAgency: { id: string } }>(
          t,
          'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
          { r: reviewId, i: { name, sector } },
          token,
        )
      ).addAgency.id;
    }
  });
  afterAll(() => t.close());

  const importFile = (text: string, name: string, agencyId: string) =>
    t
      .http()
      .post(`/api/reviews/${reviewId}/chronology`)
      .set('authorization', `Bearer ${token}`)
      .field('agencyId', agencyId)
      .attach('file', Buffer.from(text), name);

  it('proposes the strategy discussion both agencies recorded, and links the two records as one event', async () => {
    const police = await importFile(
      'Date,Entry,Details\n01/06/2022,Strategy discussion with social care,Police attended the strategy discussion\n03/06/2022,Arrest of Mr B,\n',
      'police.csv',
      agencies.POLICE,
    );
    expect(police.body.duplicateCandidates).toBe(0);
    const social = await importFile(
      'Date,Entry,Details\n01/06/2022,Strategy discussion held with police,Decision: section 47 enquiry\nJune 2022,Home visit,\n',
      'csc.csv',
      agencies.CHILDRENS_SOCIAL_CARE,
    );
    expect(social.body.duplicateCandidates).toBe(1);

    const proposed = await ok<{
      review: {
        duplicateCandidates: {
          score: number;
          first: { id: string; title: string };
          second: { id: string; title: string };
        }[];
      };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { duplicateCandidates { score first { id title } second { id title } } } }',
      { id: reviewId },
      token,
    );
    expect(proposed.review.duplicateCandidates).toHaveLength(1);
    const [pair] = proposed.review.duplicateCandidates;
    expect([pair.first.title, pair.second.title].sort()).toEqual([
      'Strategy discussion held with police',
      'Strategy discussion with social care',
    ]);
    expect(pair.score).toBeGreaterThanOrEqual(0.3);

    const linked = await ok<{
      linkEvents: {
        id: string;
        source: string;
        agency: { name: string };
        linkedEvents: { id: string }[];
      }[];
    }>(
      t,
      'mutation($r: ID!, $ids: [ID!]!) { linkEvents(reviewId: $r, eventIds: $ids) { id source agency { name } linkedEvents { id } } }',
      { r: reviewId, ids: [pair.first.id, pair.second.id] },
      token,
    );
    expect(linked.linkEvents).toHaveLength(2);
    expect(linked.linkEvents.map((e) => e.source).sort()).toEqual([
      'csc.csv, row 2',
      'police.csv, row 2',
    ]);
    expect(linked.linkEvents[0].linkedEvents).toEqual([{ id: linked.linkEvents[1].id }]);

    const after = await ok<{
      review: { duplicateCandidates: unknown[]; events: { totalCount: number } };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { duplicateCandidates { score } events { totalCount } } }',
      { id: reviewId },
      token,
    );
    expect(after.review.duplicateCandidates).toEqual([]);
    expect(after.review.events.totalCount).toBe(4);

    const unlinked = await ok<{ unlinkEvent: { linkedEvents: unknown[] } }>(
      t,
      'mutation($id: ID!) { unlinkEvent(id: $id) { linkedEvents { id } } }',
      { id: pair.first.id },
      token,
    );
    expect(unlinked.unlinkEvent.linkedEvents).toEqual([]);
  });

  it('refuses to link fewer than two events', async () => {
    const result = await t.gql(
      'mutation($r: ID!, $ids: [ID!]!) { linkEvents(reviewId: $r, eventIds: $ids) { id } }',
      { r: reviewId, ids: ['00000000-0000-0000-0000-000000000000'] },
      token,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eventIds',
    });
  });
});

describe('duplicate proposals on a large review', () => {
  const EVENTS = 20_000;
  const TIMEOUT_MS = 1000;
  let t: TestApp;
  let token: string;
  let reviewId: string;
  let db: Client;
  let police: string;
  let socialCare: string;

  const proposals = async (first = 20) =>
    (
      await ok<{
        review: {
          duplicateCandidates: {
            score: number;
            first: { id: string; title: string };
            second: { id: string; title: string };
          }[];
        };
      }>(
        t,
        'query($id: ID!, $first: Int) { review(id: $id) { duplicateCandidates(first: $first) { score first { id title } second { id title } } } }',
        { id: reviewId, first },
        token,
      )
    ).review.duplicateCandidates;

  const titles = (pair: { first: { title: string }; second: { title: string } }) =>
    [pair.first.title, pair.second.title].sort();

  beforeAll(async () => {
    // Every SQL statement of a request is cut off after a second: comparing every pair of a
    // review this size at request time takes several.
    t = await startTestApp({ SCR_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS) });
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'DUPLICATES-LARGE')).id;
    const agencyIds: string[] = [];
    for (const [name, sector] of [
      ['Northmoor Police', 'POLICE'],
      ['Northmoor Children’s Social Care', 'CHILDRENS_SOCIAL_CARE'],
      ['Northmoor Health Visiting', 'HEALTH'],
      ['St Anne’s Primary School', 'EDUCATION'],
    ]) {
      agencyIds.push(
        (
          await ok<{ addAgency: { id: string } }>(
            t,
            'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
            { r: reviewId, i: { name, sector } },
            token,
          )
        ).addAgency.id,
      );
    }
    [police, socialCare] = agencyIds;
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    // Two years of records, one in ten dated only to its month, all in the same few words.
    await db.query(
      `INSERT INTO timeline_event (review_id, occurred_on, precision, sort_date, end_date, agency_id, title, description)
       SELECT $1, to_char(d, CASE WHEN i % 10 = 0 THEN 'YYYY-MM' ELSE 'YYYY-MM-DD' END),
              (CASE WHEN i % 10 = 0 THEN 'MONTH' ELSE 'DAY' END)::date_precision,
              CASE WHEN i % 10 = 0 THEN date_trunc('month', d)::date ELSE d END,
              CASE WHEN i % 10 = 0 THEN (date_trunc('month', d) + interval '1 month - 1 day')::date ELSE d END,
              ($2::uuid[])[1 + i % 4], 'Event ' || (i + 1) || ': contact recorded', 'Synthetic chronology entry.'
       FROM generate_series(0, $3 - 1) i, LATERAL (SELECT ('2021-09-01'::date + i * 730 / $3)::date AS d) day`,
      [reviewId, agencyIds, EVENTS],
    );
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('proposes the most alike pairs within the statement budget', async () => {
    const pairs = await proposals(20);
    expect(pairs).toHaveLength(20);
    const scores = pairs.map((pair) => pair.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.3);
  });

  it('proposes a pair written later first when its words are the same, and forgets it when edited apart or deleted', async () => {
    const added = await ok<{ addTimelineEvents: { id: string }[] }>(
      t,
      'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id } }',
      {
        r: reviewId,
        e: [
          {
            occurredOn: '2022-03-14',
            precision: 'DAY',
            agencyId: police,
            title: 'Strategy meeting about Child A',
          },
          {
            occurredOn: '2022-03-14',
            precision: 'DAY',
            agencyId: socialCare,
            title: 'Strategy meeting about Child A',
          },
        ],
      },
      token,
    );
    const [first, second] = added.addTimelineEvents.map((e) => e.id);
    const [top] = await proposals(5);
    expect(titles(top)).toEqual([
      'Strategy meeting about Child A',
      'Strategy meeting about Child A',
    ]);
    expect(top.score).toBe(1);

    await ok(
      t,
      'mutation($id: ID!, $i: UpdateTimelineEventInput!) { updateTimelineEvent(id: $id, expectedVersion: 1, input: $i) { id } }',
      { id: second, i: { title: 'Quarterly audit of supervision records' } },
      token,
    );
    expect((await proposals(5)).map(titles)).not.toContainEqual([
      'Quarterly audit of supervision records',
      'Strategy meeting about Child A',
    ]);

    await ok(
      t,
      'mutation($id: ID!, $i: UpdateTimelineEventInput!) { updateTimelineEvent(id: $id, expectedVersion: 2, input: $i) { id } }',
      { id: second, i: { title: 'Strategy meeting about Child A' } },
      token,
    );
    expect(titles((await proposals(1))[0])).toEqual([
      'Strategy meeting about Child A',
      'Strategy meeting about Child A',
    ]);
    await ok(
      t,
      'mutation($r: ID!, $ids: [ID!]!) { removeTimelineEvents(reviewId: $r, ids: $ids) { __typename } }',
      { r: reviewId, ids: [first] },
      token,
    );
    expect((await proposals(5)).map(titles)).not.toContainEqual([
      'Strategy meeting about Child A',
      'Strategy meeting about Child A',
    ]);
  });
});

describe('duplicate proposals kept as events are written', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'DUPLICATES-SAME')).id;
    const agencyIds: string[] = [];
    for (const [name, sector] of [
      ['Northmoor Police', 'POLICE'],
      ['Northmoor Children’s Social Care', 'CHILDRENS_SOCIAL_CARE'],
      ['Northmoor Health Visiting', 'HEALTH'],
    ]) {
      agencyIds.push(
        (
          await ok<{ addAgency: { id: string } }>(
            t,
            'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
            { r: reviewId, i: { name, sector } },
            token,
          )
        ).addAgency.id,
      );
    }
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const phrases = [
      'Home visit, child seen with mother',
      'Strategy discussion about the children',
      'Referral received from the school',
      'Missed health appointment',
      'Police attended a domestic incident',
      'Child protection conference',
      'Telephone call with the father',
    ];
    // January: ten events a day from three agencies, so no event has more than ten others to
    // compare with; February: events dated only to the month and a few days within it.
    const days = Array.from({ length: 300 }, (_, i) => ({
      date: `2022-01-${String(1 + Math.floor(i / 10)).padStart(2, '0')}`,
      precision: 'DAY',
      agency: agencyIds[i % 3],
      title: `${phrases[(i * 5) % phrases.length]}${i % 4 === 0 ? '' : ` (${i % 4})`}`,
      description: i % 3 === 0 ? null : `Recorded by worker ${i % 6}`,
    }));
    const months = Array.from({ length: 10 }, (_, i) => ({
      date: i < 4 ? '2022-02-01' : `2022-02-${String(3 * i).padStart(2, '0')}`,
      precision: i < 4 ? 'MONTH' : 'DAY',
      agency: agencyIds[i % 3],
      title: phrases[i % 3],
      description: null,
    }));
    for (const event of [...days, ...months]) {
      await db.query(
        `INSERT INTO timeline_event (review_id, occurred_on, precision, sort_date, end_date, agency_id, title, description)
         VALUES ($1, $2, $3::date_precision, $4::date,
                 CASE WHEN $3::text = 'MONTH' THEN ($4::date + interval '1 month - 1 day')::date ELSE $4::date END, $5, $6, $7)`,
        [
          reviewId,
          event.date,
          event.precision,
          event.date,
          event.agency,
          event.title,
          event.description,
        ],
      );
    }
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('are the pairs that comparing every pair finds, where no event has more than ten to compare with', async () => {
    const everyPair = (
      await db.query<{ first_id: string; second_id: string; score: number }>(EVERY_PAIR_SQL, [
        reviewId,
        100_000,
      ])
    ).rows.map((row) => `${row.first_id} ${row.second_id} ${row.score}`);
    const kept = (
      await db.query<{ pair: string }>(
        `SELECT first_id || ' ' || second_id || ' ' || round(score::numeric, 2)::float AS pair
         FROM duplicate_candidate WHERE review_id = $1`,
        [reviewId],
      )
    ).rows.map((row) => row.pair);
    expect(everyPair.length).toBeGreaterThan(50);
    expect(kept.sort()).toEqual(everyPair.sort());

    const page = (
      await ok<{ review: { duplicateCandidates: { score: number }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { duplicateCandidates(first: 20) { score } } }',
        { id: reviewId },
        token,
      )
    ).review.duplicateCandidates.map((pair) => pair.score);
    expect(page).toEqual(
      everyPair
        .map((pair) => Number(pair.split(' ')[2]))
        .sort((a, b) => b - a)
        .slice(0, 20),
    );
  });
});
