import { adminToken, createAccount, createReview, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';

describe('the review casebook over GraphQL', () => {
  let t: TestApp;
  let lead: string;
  let reviewId: string;

  beforeAll(async () => {
    t = await startTestApp();
    lead = (await createAccount(t, await adminToken(t), 'lead@test.local', 'REVIEWER')).token;
    reviewId = (await createReview(t, lead, 'NSCP-1')).id;
  });
  afterAll(() => t.close());

  const addAgency = async (name: string, sector = 'HEALTH', review = reviewId) =>
    (
      await ok<{ addAgency: { id: string } }>(
        t,
        'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
        { r: review, i: { name, sector } },
        lead,
      )
    ).addAgency.id;

  const addEvents = (events: Record<string, unknown>[], review = reviewId) =>
    t.gql<{
      addTimelineEvents: { id: string; occurredOn: string; precision: string; sortDate: string }[];
    }>(
      'mutation($r: ID!, $e: [TimelineEventInput!]!) { addTimelineEvents(reviewId: $r, events: $e) { id occurredOn precision sortDate } }',
      { r: review, e: events },
      lead,
    );

  const eventTitles = async () =>
    (
      await ok<{
        review: { events: { totalCount: number; edges: { node: { title: string } }[] } };
      }>(
        t,
        'query($id: ID!) { review(id: $id) { events(first: 500) { totalCount edges { node { title } } } } }',
        { id: reviewId },
        lead,
      )
    ).review.events;

  it('makes the creator lead reviewer and starts at version 1 in scoping', async () => {
    const data = await ok<{
      review: {
        version: number;
        status: string;
        myRole: string;
        members: { role: string; user: { email: string } }[];
      };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { version status myRole members { role user { email } } } }',
      { id: reviewId },
      lead,
    );
    expect(data.review).toEqual({
      version: 1,
      status: 'SCOPING',
      myRole: 'LEAD_REVIEWER',
      members: [{ role: 'LEAD_REVIEWER', user: { email: 'lead@test.local' } }],
    });
  });

  it('refuses an end before the start and an empty title, naming the field and the value', async () => {
    const backwards = await t.gql(
      'mutation($input: CreateReviewInput!) { createReview(input: $input) { id } }',
      {
        input: {
          reference: 'X-1',
          title: 'Child X',
          type: 'RAPID_REVIEW',
          periodStart: '2023-01-10',
          periodEnd: '2022-12-31',
        },
      },
      lead,
    );
    expect(backwards.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'periodEnd',
      value: '2022-12-31',
    });
    const blank = await t.gql(
      'mutation($input: CreateReviewInput!) { createReview(input: $input) { id } }',
      {
        input: { reference: 'X-2', title: '   ', type: 'RAPID_REVIEW' },
      },
      lead,
    );
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].extensions?.problems).toEqual([
      { field: 'title', value: '', message: 'title must not be empty' },
    ]);
    const impossible = await t.gql(
      'mutation($input: CreateReviewInput!) { createReview(input: $input) { id } }',
      {
        input: {
          reference: 'X-3',
          title: 'Child X',
          type: 'RAPID_REVIEW',
          periodStart: '2023-02-30',
        },
      },
      lead,
    );
    expect(impossible.errors?.[0].message).toBe(
      'periodStart must be a calendar day YYYY-MM-DD (got "2023-02-30")',
    );
  });

  it('updates with the expected version, and refuses a stale one with CONFLICT, changing nothing', async () => {
    const UPDATE =
      'mutation($id: ID!, $v: Int!, $i: UpdateReviewInput!) { updateReview(id: $id, expectedVersion: $v, input: $i) { version title status } }';
    const first = await ok<{ updateReview: { version: number; title: string } }>(
      t,
      UPDATE,
      {
        id: reviewId,
        v: 1,
        i: {
          title: 'Child M',
          status: 'DATA_GATHERING',
          stageOverrideReason: 'The agencies are named at the first panel meeting.',
        },
      },
      lead,
    );
    expect(first.updateReview).toEqual({ version: 2, title: 'Child M', status: 'DATA_GATHERING' });
    const stale = await t.gql(UPDATE, { id: reviewId, v: 1, i: { title: 'Overwritten' } }, lead);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
      expectedVersion: 1,
    });
    const now = await ok<{ review: { title: string; version: number } }>(
      t,
      'query($id: ID!) { review(id: $id) { title version } }',
      { id: reviewId },
      lead,
    );
    expect(now.review).toEqual({ title: 'Child M', version: 2 });
  });

  it('sorts partial dates at the start of their period, then in the order they were added', async () => {
    const police = await addAgency('Northmoor Police', 'POLICE');
    const result = await addEvents([
      { occurredOn: '2022-03-02', title: 'b: 2 March', agencyId: police },
      { occurredOn: '2022-03', title: 'a: March (month)' },
      { occurredOn: '2022', precision: 'APPROXIMATE', title: '0: about 2022' },
      { occurredOn: '2022-03-02', title: 'c: 2 March, added later' },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data?.addTimelineEvents.map((e) => [e.precision, e.sortDate])).toEqual([
      ['DAY', '2022-03-02'],
      ['MONTH', '2022-03-01'],
      ['APPROXIMATE', '2022-01-01'],
      ['DAY', '2022-03-02'],
    ]);
    const events = await eventTitles();
    expect(events.edges.map((e) => e.node.title)).toEqual([
      '0: about 2022',
      'a: March (month)',
      'b: 2 March',
      'c: 2 March, added later',
    ]);
  });

  it('stores nothing of a batch with one impossible date, naming the row, field and value', async () => {
    const before = (await eventTitles()).totalCount;
    const result = await addEvents([
      { occurredOn: '2022-05-01', title: 'fine' },
      { occurredOn: '2022-02-30', title: 'impossible' },
    ]);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'events[1].occurredOn',
      value: '2022-02-30',
    });
    expect(result.errors?.[0].message).toContain('is not a day of the calendar');
    expect((await eventTitles()).totalCount).toBe(before);
  });

  it('refuses a precision that does not fit the date string', async () => {
    const result = await addEvents([{ occurredOn: '2022-05', precision: 'DAY', title: 'x' }]);
    expect(result.errors?.[0].message).toBe(
      'events[0].occurredOn: precision DAY does not fit "2022-05" (a month date).',
    );
  });

  it('refuses an agency of another review for an event', async () => {
    const other = (await createReview(t, lead, 'NSCP-OTHER')).id;
    const foreignAgency = await addAgency('Elsewhere Health', 'HEALTH', other);
    const result = await addEvents([
      { occurredOn: '2022-05-01', title: 'x', agencyId: foreignAgency },
    ]);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agencyId',
      value: foreignAgency,
    });
  });

  it('pages through the chronology with cursors', async () => {
    const page = async (after?: string) =>
      (
        await ok<{
          review: {
            events: {
              totalCount: number;
              edges: { cursor: string; node: { title: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        }>(
          t,
          'query($id: ID!, $after: String) { review(id: $id) { events(first: 3, after: $after) { totalCount edges { cursor node { title } } pageInfo { hasNextPage endCursor } } } }',
          { id: reviewId, after },
          lead,
        )
      ).review.events;
    const one = await page();
    expect(one.totalCount).toBe(4);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await page(one.pageInfo.endCursor);
    expect(two.edges.map((e) => e.node.title)).toEqual(['c: 2 March, added later']);
    expect(two.totalCount).toBe(4);
    expect(two.pageInfo.hasNextPage).toBe(false);
    const bad = await t.gql(
      'query($id: ID!) { review(id: $id) { events(after: "nonsense") { totalCount } } }',
      { id: reviewId },
      lead,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('episodes, factors and findings', () => {
    let eventIds: string[];
    const episodeIds: string[] = [];
    let factorId: string;
    let findingId: string;

    beforeAll(async () => {
      const events = await addEvents([
        { occurredOn: '2022-06-01', title: 'Strategy discussion' },
        { occurredOn: '2022-06-03', title: 'Section 47 enquiry begins' },
      ]);
      eventIds = events.data!.addTimelineEvents.map((e) => e.id);
    });

    const CREATE_EPISODE =
      'mutation($r: ID!, $i: EpisodeInput!) { createEpisode(reviewId: $r, input: $i) { id ordinal version events { title } } }';

    it('creates episodes with their events, numbered in order', async () => {
      for (const title of ['The strategy discussion', 'The enquiry', 'The step-down']) {
        const data = await ok<{
          createEpisode: { id: string; ordinal: number; events: { title: string }[] };
        }>(
          t,
          CREATE_EPISODE,
          {
            r: reviewId,
            i: {
              title,
              eventIds: title === 'The strategy discussion' ? eventIds : [],
              startDate: '2022-06-01',
              endDate: '2022-06-30',
            },
          },
          lead,
        );
        episodeIds.push(data.createEpisode.id);
      }
      const first = await ok<{
        review: { episodes: { ordinal: number; title: string; events: { title: string }[] }[] };
      }>(
        t,
        'query($id: ID!) { review(id: $id) { episodes { ordinal title events { title } } } }',
        { id: reviewId },
        lead,
      );
      expect(first.review.episodes.map((e) => e.ordinal)).toEqual([1, 2, 3]);
      expect(first.review.episodes[0].events.map((e) => e.title)).toEqual([
        'Strategy discussion',
        'Section 47 enquiry begins',
      ]);
    });

    it('refuses an event of another review in an episode, naming it', async () => {
      const other = (await createReview(t, lead, 'NSCP-OTHER-2')).id;
      const foreign = (await addEvents([{ occurredOn: '2022-01-01', title: 'elsewhere' }], other))
        .data!.addTimelineEvents[0].id;
      const result = await t.gql(
        CREATE_EPISODE,
        { r: reviewId, i: { title: 'x', eventIds: [foreign] } },
        lead,
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'eventIds',
        value: foreign,
      });
      expect(result.errors?.[0].message).toBe(
        `eventIds: event ${foreign} is not part of this review.`,
      );
    });

    it('refuses an episode that ends before it starts', async () => {
      const result = await t.gql(
        CREATE_EPISODE,
        { r: reviewId, i: { title: 'x', startDate: '2022-06-30', endDate: '2022-06-01' } },
        lead,
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'endDate',
      });
    });

    it('appraises an episode with the expected version, and refuses a stale save', async () => {
      const UPDATE =
        'mutation($id: ID!, $v: Int!, $i: UpdateEpisodeInput!) { updateEpisode(id: $id, expectedVersion: $v, input: $i) { version appraisal viewFromTheTunnel } }';
      const saved = await ok<{ updateEpisode: { version: number; appraisal: string } }>(
        t,
        UPDATE,
        {
          id: episodeIds[0],
          v: 1,
          i: {
            appraisal: 'BELOW_EXPECTED',
            viewFromTheTunnel: 'The social worker believed the police would lead.',
          },
        },
        lead,
      );
      expect(saved.updateEpisode).toMatchObject({ version: 2, appraisal: 'BELOW_EXPECTED' });
      const stale = await t.gql(
        UPDATE,
        { id: episodeIds[0], v: 1, i: { appraisal: 'GOOD' } },
        lead,
      );
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    });

    it('keeps the explanation apart from the appraisal and its reason', async () => {
      const UPDATE =
        'mutation($id: ID!, $v: Int!, $i: UpdateEpisodeInput!) { updateEpisode(id: $id, expectedVersion: $v, input: $i) { version appraisalNarrative explanation } }';
      const current = await ok<{ review: { episodes: { id: string; version: number }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { episodes { id version } } }',
        { id: reviewId },
        lead,
      );
      const version = current.review.episodes.find((e) => e.id === episodeIds[1])!.version;
      const saved = await ok<{
        updateEpisode: { appraisalNarrative: string | null; explanation: string | null };
      }>(
        t,
        UPDATE,
        {
          id: episodeIds[1],
          v: version,
          i: {
            appraisalNarrative: 'Below what the threshold guidance expects.',
            explanation: '  The front door was short of two managers that month.  ',
          },
        },
        lead,
      );
      expect(saved.updateEpisode).toMatchObject({
        appraisalNarrative: 'Below what the threshold guidance expects.',
        explanation: 'The front door was short of two managers that month.',
      });
      const kept = await ok<{ updateEpisode: { appraisalNarrative: string; explanation: string } }>(
        t,
        UPDATE,
        { id: episodeIds[1], v: version + 1, i: { appraisalNarrative: 'Changed reason.' } },
        lead,
      );
      expect(kept.updateEpisode.explanation).toBe(
        'The front door was short of two managers that month.',
      );
      const tooLong = await t.gql(
        UPDATE,
        { id: episodeIds[1], v: version + 2, i: { explanation: 'x'.repeat(50001) } },
        lead,
      );
      expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(tooLong.errors?.[0])).toContain('explanation');
    });

    it('records factors with themes, and refuses an unknown theme', async () => {
      const ADD =
        'mutation($e: ID!, $i: FactorInput!) { addContributoryFactor(episodeId: $e, input: $i) { id level themes { key label } } }';
      const added = await ok<{
        addContributoryFactor: { id: string; themes: { key: string; label: string }[] };
      }>(
        t,
        ADD,
        {
          e: episodeIds[0],
          i: {
            level: 'INTER_AGENCY',
            description: 'No shared view of who would lead the enquiry.',
            themeKeys: ['strategy-discussions'],
          },
        },
        lead,
      );
      factorId = added.addContributoryFactor.id;
      expect(added.addContributoryFactor.themes).toEqual([
        { key: 'strategy-discussions', label: 'Strategy discussions' },
      ]);
      const unknown = await t.gql(
        ADD,
        { e: episodeIds[0], i: { level: 'ROLE', description: 'x', themeKeys: ['no-such-theme'] } },
        lead,
      );
      expect(unknown.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'themeKeys',
        value: 'no-such-theme',
      });
    });

    it('records whether a factor helped or hindered and its tier, hindering at the front line unless said', async () => {
      const ADD =
        'mutation($e: ID!, $i: FactorInput!) { addContributoryFactor(episodeId: $e, input: $i) { id effect tier version } }';
      const plain = await ok<{
        addContributoryFactor: { id: string; effect: string; tier: string };
      }>(
        t,
        ADD,
        { e: episodeIds[0], i: { level: 'ROLE', description: 'No deputy for the team manager.' } },
        lead,
      );
      expect(plain.addContributoryFactor).toMatchObject({
        effect: 'MAKES_PROBLEMS_MORE_LIKELY',
        tier: 'FRONTLINE',
      });
      const helped = await ok<{
        addContributoryFactor: { id: string; effect: string; tier: string; version: number };
      }>(
        t,
        ADD,
        {
          e: episodeIds[0],
          i: {
            level: 'INTER_AGENCY',
            description: 'The partnership had just published threshold guidance.',
            effect: 'SUPPORTS_GOOD_PRACTICE',
            tier: 'LOCAL_STRATEGIC',
          },
        },
        lead,
      );
      expect(helped.addContributoryFactor).toMatchObject({
        effect: 'SUPPORTS_GOOD_PRACTICE',
        tier: 'LOCAL_STRATEGIC',
      });
      const updated = await ok<{ updateContributoryFactor: { effect: string; tier: string } }>(
        t,
        'mutation($id: ID!, $v: Int!, $i: UpdateFactorInput!) { updateContributoryFactor(id: $id, expectedVersion: $v, input: $i) { effect tier } }',
        { id: helped.addContributoryFactor.id, v: 1, i: { tier: 'NATIONAL' } },
        lead,
      );
      expect(updated.updateContributoryFactor).toEqual({
        effect: 'SUPPORTS_GOOD_PRACTICE',
        tier: 'NATIONAL',
      });
      const wrong = await t.gql(
        ADD,
        { e: episodeIds[0], i: { level: 'ROLE', description: 'x', tier: 'REGIONAL' } },
        lead,
      );
      expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      for (const id of [plain.addContributoryFactor.id, helped.addContributoryFactor.id])
        await ok(
          t,
          'mutation($id: ID!) { removeContributoryFactor(id: $id) { removed } }',
          { id },
          lead,
        );
    });

    it('writes a finding with evidence and ordered questions, and updates it with its version', async () => {
      const created = await ok<{
        createFinding: {
          id: string;
          ordinal: number;
          version: number;
          categoryLabel: string;
          questions: string[];
          episodes: { id: string }[];
          factors: { id: string }[];
          events: { id: string }[];
        };
      }>(
        t,
        'mutation($r: ID!, $i: FindingInput!) { createFinding(reviewId: $r, input: $i) { id ordinal version categoryLabel questions episodes { id } factors { id } events { id } } }',
        {
          r: reviewId,
          i: {
            title: 'Strategy discussions without a lead',
            category: 'INCIDENTS_AND_CRISES',
            effect: 'MAKES_PROBLEMS_MORE_LIKELY',
            statement:
              'Strategy discussions in Northmoor often end without anyone agreed to lead the enquiry.',
            questions: ['How does the board know?', 'What would change it?'],
            episodeIds: [episodeIds[0]],
            factorIds: [factorId],
            eventIds: [eventIds[0]],
            themeKeys: ['strategy-discussions'],
          },
        },
        lead,
      );
      findingId = created.createFinding.id;
      expect(created.createFinding).toMatchObject({
        ordinal: 1,
        version: 1,
        categoryLabel:
          'Patterns in communication and collaboration in multi-agency working in response to incidents/crises',
        questions: ['How does the board know?', 'What would change it?'],
        episodes: [{ id: episodeIds[0] }],
        factors: [{ id: factorId }],
        events: [{ id: eventIds[0] }],
      });
      const UPDATE =
        'mutation($id: ID!, $v: Int!, $i: FindingInput!) { updateFinding(id: $id, expectedVersion: $v, input: $i) { version questions episodes { id } } }';
      const updated = await ok<{
        updateFinding: { version: number; questions: string[]; episodes: { id: string }[] };
      }>(
        t,
        UPDATE,
        {
          id: findingId,
          v: 1,
          i: {
            title: 'Strategy discussions without a lead',
            category: 'INCIDENTS_AND_CRISES',
            questions: ['What would change it?', 'How does the board know?'],
          },
        },
        lead,
      );
      expect(updated.updateFinding).toEqual({
        version: 2,
        questions: ['What would change it?', 'How does the board know?'],
        episodes: [{ id: episodeIds[0] }],
      });
      const stale = await t.gql(
        UPDATE,
        { id: findingId, v: 1, i: { title: 'x', category: 'TOOLS' } },
        lead,
      );
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    });

    it('reorders episodes', async () => {
      const order = [episodeIds[2], episodeIds[0], episodeIds[1]];
      const data = await ok<{ reorderEpisodes: { id: string; ordinal: number }[] }>(
        t,
        'mutation($r: ID!, $ids: [ID!]!) { reorderEpisodes(reviewId: $r, episodeIds: $ids) { id ordinal } }',
        { r: reviewId, ids: order },
        lead,
      );
      expect(data.reorderEpisodes.map((e) => e.id)).toEqual(order);
      const partial = await t.gql(
        'mutation($r: ID!, $ids: [ID!]!) { reorderEpisodes(reviewId: $r, episodeIds: $ids) { id } }',
        { r: reviewId, ids: order.slice(1) },
        lead,
      );
      expect(partial.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('says what removing an episode would do, then does it and closes the numbering', async () => {
      const REMOVE =
        'mutation($id: ID!, $dry: Boolean!) { removeEpisode(id: $id, dryRun: $dry) { removed consequences } }';
      const dry = await ok<{ removeEpisode: { removed: boolean; consequences: string[] } }>(
        t,
        REMOVE,
        { id: episodeIds[0], dry: true },
        lead,
      );
      expect(dry.removeEpisode).toEqual({
        removed: false,
        consequences: [
          'its 1 contributory factor will be removed too',
          '1 finding will lose evidence',
        ],
      });
      await ok(t, REMOVE, { id: episodeIds[0], dry: false }, lead);
      const after = await ok<{
        review: {
          episodes: { id: string; ordinal: number }[];
          findings: { episodes: unknown[]; factors: unknown[] }[];
        };
      }>(
        t,
        'query($id: ID!) { review(id: $id) { episodes { id ordinal } findings { episodes { id } factors { id } } } }',
        { id: reviewId },
        lead,
      );
      expect(after.review.episodes).toEqual([
        { id: episodeIds[2], ordinal: 1 },
        { id: episodeIds[1], ordinal: 2 },
      ]);
      expect(after.review.findings[0]).toEqual({ episodes: [], factors: [] });
    });

    it('keeps the board response, flags overdue actions, and wants a reason to drop one', async () => {
      const ADD =
        'mutation($f: ID!, $i: BoardActionInput!) { addBoardAction(findingId: $f, input: $i) { id overdue status } }';
      const overdue = await ok<{ addBoardAction: { overdue: boolean } }>(
        t,
        ADD,
        {
          f: findingId,
          i: {
            description: 'Revise the strategy discussion protocol',
            dueDate: '2020-01-31',
            status: 'IN_PROGRESS',
          },
        },
        lead,
      );
      expect(overdue.addBoardAction.overdue).toBe(true);
      await ok(
        t,
        ADD,
        {
          f: findingId,
          i: {
            description: 'Audit strategy discussions',
            dueDate: '2020-01-31',
            status: 'DONE',
            impactNote: 'Re-audit showed leads agreed in 9 of 10',
          },
        },
        lead,
      );
      const dropped = await t.gql(
        ADD,
        { f: findingId, i: { description: 'x', status: 'DROPPED' } },
        lead,
      );
      expect(dropped.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'droppedReason',
      });
      const listed = await ok<{ review: { overdueActions: { description: string }[] } }>(
        t,
        'query($id: ID!) { review(id: $id) { overdueActions { description } } }',
        { id: reviewId },
        lead,
      );
      expect(listed.review.overdueActions).toEqual([
        { description: 'Revise the strategy discussion protocol' },
      ]);
    });
  });

  it('takes only case characteristics as case characteristics', async () => {
    const SET =
      'mutation($r: ID!, $k: [String!]!) { setCaseCharacteristics(reviewId: $r, themeKeys: $k) { caseCharacteristics { key } } }';
    const wrongKind = await t.gql(SET, { r: reviewId, k: ['neglect', 'escalation'] }, lead);
    expect(wrongKind.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'themeKeys',
      value: 'escalation',
    });
    const set = await ok<{ setCaseCharacteristics: { caseCharacteristics: { key: string }[] } }>(
      t,
      SET,
      { r: reviewId, k: ['neglect', 'domestic-abuse'] },
      lead,
    );
    expect(set.setCaseCharacteristics.caseCharacteristics.map((c) => c.key).sort()).toEqual([
      'domestic-abuse',
      'neglect',
    ]);
  });

  it('keeps an audit trail of every change, with before and after', async () => {
    const trail = await ok<{
      review: {
        auditTrail: {
          totalCount: number;
          edges: {
            node: {
              actorEmail: string;
              entityType: string;
              action: string;
              before: unknown;
              after: { title?: string } | null;
            };
          }[];
        };
      };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { auditTrail(first: 200) { totalCount edges { node { actorEmail entityType action before after } } } } }',
      { id: reviewId },
      lead,
    );
    const nodes = trail.review.auditTrail.edges.map((e) => e.node);
    expect(nodes.every((n) => n.actorEmail === 'lead@test.local')).toBe(true);
    const titleChange = nodes.find(
      (n) => n.entityType === 'Review' && n.action === 'update' && n.after?.title === 'Child M',
    );
    expect(titleChange?.before).toMatchObject({ title: 'Child NSCP-1', version: 1 });
    const kinds = new Set(nodes.map((n) => `${n.entityType}:${n.action}`));
    for (const kind of [
      'Review:create',
      'Agency:create',
      'TimelineEvent:create',
      'PracticeEpisode:create',
      'PracticeEpisode:update',
      'PracticeEpisode:reorder',
      'PracticeEpisode:remove',
      'ContributoryFactor:create',
      'Finding:create',
      'Finding:update',
      'BoardAction:create',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(trail.review.auditTrail.totalCount).toBe(nodes.length);
  });
});
