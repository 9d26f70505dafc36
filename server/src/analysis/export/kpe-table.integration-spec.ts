import Papa from 'papaparse';
import { adminToken, createReview, ok } from '../../testing/accounts';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('the key practice episode table as CSV', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;

  const download = (id: string) =>
    t
      .http()
      .get(`/api/reviews/${id}/kpe-table.csv`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => done(null, body));
      });

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'KPE-1')).id;
    const events = await ok<{ addTimelineEvents: { id: string }[] }>(
      t,
      'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id } }',
      {
        r: reviewId,
        e: [
          { occurredOn: '2022-04-23', title: 'Police called to a domestic incident' },
          { occurredOn: '2022-05', precision: 'MONTH', title: 'Case closed, "no further action"' },
        ],
      },
      token,
    );
    const eventIds = events.addTimelineEvents.map((e) => e.id);
    const episode = async (input: Record<string, unknown>) =>
      (
        await ok<{ createEpisode: { id: string } }>(
          t,
          'mutation($r: ID!, $i: EpisodeInput!) { createEpisode(reviewId: $r, input: $i) { id } }',
          { r: reviewId, i: input },
          token,
        )
      ).createEpisode.id;
    const first = await episode({
      title: 'The front-door decision',
      summary: 'The MASH screened the notification.',
      eventIds: [eventIds[1], eventIds[0]],
      viewFromTheTunnel: 'A single incident, graded standard.',
      appraisal: 'BELOW_EXPECTED',
      appraisalNarrative: 'Less information than the threshold guidance expects.',
      explanation: 'Sixty notifications that week; a 24-hour target.',
    });
    await episode({ title: '=HYPERLINK("http://x")', summary: '+44 7700 900000' });
    const factor = (level: string, description: string) =>
      ok(
        t,
        'mutation($e: ID!, $i: FactorInput!) { addContributoryFactor(episodeId: $e, input: $i) { id } }',
        { e: first, i: { level, description } },
        token,
      );
    await factor('CONDITIONS_OF_WORK', 'Sixty notifications a week.');
    await factor('FAMILY', 'Mother declined the DASH questions; she was frightened.');
  });
  afterAll(() => t.close());

  it('has one row per episode in order, in the layout of SCIE appendix 4', async () => {
    const response = await download(reviewId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="KPE-1-key-practice-episodes.csv"',
    );
    const text = response.body as string;
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, '').trim()).data;
    expect(rows).toEqual([
      [
        'Episode',
        'What happened',
        'View from the tunnel',
        'Appraisal of practice',
        'Explanation: why it made sense at the time',
        'Contributory factors',
      ],
      [
        '1. The front-door decision',
        'The MASH screened the notification.\n23 Apr 2022: Police called to a domestic incident\nMay 2022: Case closed, "no further action"',
        'A single incident, graded standard.',
        'Below what was expected: Less information than the threshold guidance expects.',
        'Sixty notifications that week; a 24-hour target.',
        'The family: Mother declined the DASH questions; she was frightened.; Conditions of work: Sixty notifications a week.',
      ],
      ['2. =HYPERLINK("http://x")', "'+44 7700 900000", '', 'Not yet appraised', '', ''],
    ]);
  });

  it('keeps a cell that starts like a formula as text', async () => {
    const other = (await createReview(t, token, 'KPE-2')).id;
    await ok(
      t,
      'mutation($r: ID!, $i: EpisodeInput!) { createEpisode(reviewId: $r, input: $i) { id } }',
      { r: other, i: { title: 'x', viewFromTheTunnel: '=1+1', explanation: '@SUM(A1)' } },
      token,
    );
    const rows = Papa.parse<string[]>(
      (await download(other)).body.replace(/^\ufeff/, '').trim(),
    ).data;
    expect(rows[1].slice(2, 5)).toEqual(["'=1+1", 'Not yet appraised', "'@SUM(A1)"]);
  });

  it('records every download in the audit trail, without register names', async () => {
    await download(reviewId);
    const trail = await ok<{
      review: { auditTrail: { edges: { node: { action: string; after: unknown } }[] } };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { auditTrail(first: 5) { edges { node { action after } } } } }',
      { id: reviewId },
      token,
    );
    expect(trail.review.auditTrail.edges[0].node).toEqual({
      action: 'download',
      after: { download: 'kpe-table.csv', realNames: false },
    });
  });
});
