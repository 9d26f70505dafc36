import { adminToken, ok } from '../testing/accounts';
import { startTestApp, TestApp } from '../testing/test-app';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from './review-bundle';

/** A small valid bundle, built by hand: one of every record. */
function smallBundle(reference: string) {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    review: {
      reference,
      title: 'Child V',
      partnership: 'Northmoor SCP',
      type: 'SERIOUS_CASE_REVIEW',
      status: 'SCOPING',
      methodology: 'LEARNING_TOGETHER',
      periodStart: '2021-01-01',
      periodEnd: '2022-12-31',
      summary: null,
      caseCharacteristics: [],
    },
    agencies: [{ ref: 'a1', name: 'Police', sector: 'POLICE' }],
    people: [
      {
        ref: 'p1',
        name: 'Vera Example',
        pseudonym: 'Child V',
        relationship: null,
        household: null,
      },
    ],
    relationships: [],
    events: [
      {
        ref: 'e1',
        occurredOn: '2022-03-01',
        precision: 'DAY',
        time: null,
        agency: 'a1',
        title: 'Home visit',
        description: 'Line one\nline two',
        source: null,
        people: ['p1'],
      },
    ],
    episodes: [
      {
        ref: 'k1',
        ordinal: 1,
        title: 'Referral',
        summary: null,
        startDate: null,
        endDate: null,
        events: ['e1'],
        viewFromTheTunnel: null,
        appraisal: 'NOT_APPRAISED',
        appraisalNarrative: null,
      },
    ],
    factors: [{ ref: 'f1', episode: 'k1', level: 'FAMILY', description: 'Moves', themes: [] }],
    findings: [
      {
        ref: 'n1',
        ordinal: 1,
        title: 'Handover',
        category: 'TOOLS',
        statement: null,
        manifestation: null,
        prevalence: null,
        significance: null,
        questions: ['How do handovers happen?'],
        episodes: ['k1'],
        factors: ['f1'],
        events: ['e1'],
        themes: [],
        boardActions: [
          {
            description: 'Audit',
            owningAgency: 'a1',
            dueDate: null,
            status: 'PLANNED',
            droppedReason: null,
            impactNote: null as string | null,
          },
        ],
      },
    ],
  };
}

describe('bundle import validation', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t.close());

  const importBundle = (bundle: unknown) =>
    t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${admin}`)
      .send(bundle as object);

  const reviewCount = async () =>
    (await ok<{ reviews: { totalCount: number } }>(t, '{ reviews { totalCount } }', {}, admin))
      .reviews.totalCount;

  it('imports the small bundle as it is', async () => {
    const response = await importBundle(smallBundle('VALID-1'));
    expect(response.status).toBe(201);
  });

  it('refuses control characters and over-long text in any record, writing nothing', async () => {
    const before = await reviewCount();
    const bundle = smallBundle('INVALID-1');
    bundle.events[0].title = 'x'.repeat(1_000_000);
    bundle.people[0].name = 'Vera\u0000Example';
    bundle.agencies[0].name = 'Police\u0007';
    bundle.findings[0].questions = ['q'.repeat(2001)];
    bundle.findings[0].boardActions[0].impactNote = 'i'.repeat(20_001);
    bundle.factors[0].ref = 'f\u0000';
    const response = await importBundle(bundle);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BAD_USER_INPUT');
    expect(response.body.problems).toEqual(
      expect.arrayContaining([
        {
          path: 'events[0].title',
          message: 'must be at most 500 characters long (it has 1000000)',
        },
        {
          path: 'people[0].name',
          message: 'must not contain control characters (found U+0000 at character 5)',
        },
        {
          path: 'agencies[0].name',
          message: 'must not contain control characters (found U+0007 at character 7)',
        },
        {
          path: 'findings[0].questions[0]',
          message: 'must be at most 2000 characters long (it has 2001)',
        },
        {
          path: 'findings[0].boardActions[0].impactNote',
          message: 'must be at most 20000 characters long (it has 20001)',
        },
        {
          path: 'factors[0].ref',
          message: 'must not contain control characters (found U+0000 at character 2)',
        },
      ]),
    );
    expect(await reviewCount()).toBe(before);
  });
});
