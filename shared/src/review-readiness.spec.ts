import {
  describeMissing,
  missingFor,
  nextStage,
  ReadinessEpisode,
  ReadinessFinding,
  ReadinessReview,
  readinessForNextStage,
  REVIEW_STAGES,
} from './review-readiness';

const episode = (overrides: Partial<ReadinessEpisode> = {}): ReadinessEpisode => ({
  id: 'e1',
  ordinal: 1,
  title: 'The front-door decision',
  appraisal: 'BELOW_EXPECTED',
  viewFromTheTunnel: 'The screening social worker saw a single incident.',
  factorCount: 2,
  ...overrides,
});

const finding = (overrides: Partial<ReadinessFinding> = {}): ReadinessFinding => ({
  id: 'f1',
  ordinal: 1,
  title: 'Who lives in the home',
  statement: 'Agencies accept a parent’s account of who lives in the home.',
  questions: ['How does the partnership know who lives with a child on a plan?'],
  evidenceCount: 3,
  ...overrides,
});

/** A review with everything every stage needs. */
const complete = (overrides: Partial<ReadinessReview> = {}): ReadinessReview => ({
  status: 'SCOPING',
  periodStart: '2021-09-01',
  periodEnd: '2023-08-31',
  agencyCount: 6,
  eventCount: 63,
  episodes: [episode()],
  findings: [finding()],
  caseGroupSignedOff: true,
  ...overrides,
});

describe('nextStage', () => {
  it('follows scoping, data gathering, analysis, drafting, published', () => {
    expect(REVIEW_STAGES).toEqual([
      'SCOPING',
      'DATA_GATHERING',
      'ANALYSIS',
      'DRAFTING',
      'PUBLISHED',
    ]);
    expect(nextStage('SCOPING')).toBe('DATA_GATHERING');
    expect(nextStage('DATA_GATHERING')).toBe('ANALYSIS');
    expect(nextStage('ANALYSIS')).toBe('DRAFTING');
    expect(nextStage('DRAFTING')).toBe('PUBLISHED');
  });

  it('has nothing after published or archived', () => {
    expect(nextStage('PUBLISHED')).toBeNull();
    expect(nextStage('ARCHIVED')).toBeNull();
  });
});

describe('missingFor', () => {
  it('finds nothing missing in a complete review, for any stage', () => {
    for (const stage of REVIEW_STAGES) expect(missingFor(complete(), stage)).toEqual([]);
  });

  it('needs nothing to be in scoping, and nothing for archiving', () => {
    const empty = complete({ agencyCount: 0, eventCount: 0, episodes: [], findings: [] });
    expect(missingFor(empty, 'SCOPING')).toEqual([]);
    expect(missingFor(empty, 'ARCHIVED')).toEqual([]);
  });

  describe('data gathering', () => {
    it('needs agencies, fixed in the registers', () => {
      expect(missingFor(complete({ agencyCount: 0 }), 'DATA_GATHERING')).toEqual([
        {
          key: 'agencies',
          stage: 'DATA_GATHERING',
          subject: 'The review',
          needs: ['at least one agency involved with the family'],
          fixAt: 'registers',
        },
      ]);
    });

    it('needs both ends of the period, fixed in the review’s details', () => {
      const noEnd = missingFor(complete({ periodEnd: null }), 'DATA_GATHERING');
      expect(noEnd).toEqual([
        expect.objectContaining({
          key: 'period',
          needs: ['the end of the period under review'],
          fixAt: 'details',
        }),
      ]);
      const blank = missingFor(
        complete({ periodStart: ' ', periodEnd: undefined }),
        'DATA_GATHERING',
      );
      expect(blank[0].needs).toEqual([
        'the start of the period under review',
        'the end of the period under review',
      ]);
    });
  });

  describe('analysis', () => {
    it('needs events in the chronology', () => {
      expect(missingFor(complete({ eventCount: 0 }), 'ANALYSIS')).toEqual([
        {
          key: 'events',
          stage: 'ANALYSIS',
          subject: 'The chronology',
          needs: ['at least one event'],
          fixAt: 'chronology',
        },
      ]);
    });

    it('still needs what data gathering needed', () => {
      const keys = missingFor(complete({ eventCount: 0, agencyCount: 0 }), 'ANALYSIS').map(
        (item) => item.key,
      );
      expect(keys).toEqual(['agencies', 'events']);
    });
  });

  describe('drafting', () => {
    it('needs key practice episodes', () => {
      expect(missingFor(complete({ episodes: [] }), 'DRAFTING')).toEqual([
        expect.objectContaining({
          key: 'episodes',
          needs: ['at least one key practice episode'],
          fixAt: 'episodes',
        }),
      ]);
    });

    it("needs the case group's sign-off on the analysis", () => {
      expect(missingFor(complete({ caseGroupSignedOff: false }), 'DRAFTING')).toEqual([
        {
          key: 'case-group-sign-off',
          stage: 'DRAFTING',
          subject: 'The analysis',
          needs: ["the case group's sign-off"],
          fixAt: 'comments',
        },
      ]);
      expect(missingFor(complete({ caseGroupSignedOff: false }), 'ANALYSIS')).toEqual([]);
    });

    it('needs each episode appraised, with the view from the tunnel and a contributory factor', () => {
      const review = complete({
        episodes: [
          episode({ id: 'a', ordinal: 1 }),
          episode({
            id: 'b',
            ordinal: 2,
            title: 'A house move',
            appraisal: 'NOT_APPRAISED',
            viewFromTheTunnel: '  ',
            factorCount: 0,
          }),
          episode({ id: 'c', ordinal: 3, title: 'A bruise', viewFromTheTunnel: null }),
        ],
      });
      expect(missingFor(review, 'DRAFTING')).toEqual([
        {
          key: 'episode:b',
          stage: 'DRAFTING',
          subject: 'Episode 2 “A house move”',
          needs: [
            'an appraisal of the practice',
            'the view from the tunnel',
            'at least one contributory factor',
          ],
          fixAt: 'episodes/b',
        },
        {
          key: 'episode:c',
          stage: 'DRAFTING',
          subject: 'Episode 3 “A bruise”',
          needs: ['the view from the tunnel'],
          fixAt: 'episodes/c',
        },
      ]);
    });

    it('accepts good, adequate and below-expected practice alike', () => {
      for (const appraisal of ['GOOD', 'ADEQUATE', 'BELOW_EXPECTED'] as const) {
        expect(missingFor(complete({ episodes: [episode({ appraisal })] }), 'DRAFTING')).toEqual(
          [],
        );
      }
    });
  });

  describe('publication', () => {
    it('needs findings', () => {
      expect(missingFor(complete({ findings: [] }), 'PUBLISHED')).toEqual([
        expect.objectContaining({
          key: 'findings',
          needs: ['at least one finding'],
          fixAt: 'findings',
        }),
      ]);
    });

    it('needs each finding stated, evidenced and with a question for the board', () => {
      const review = complete({
        findings: [
          finding({ id: 'x', ordinal: 1 }),
          finding({
            id: 'y',
            ordinal: 2,
            title: 'Early help without a lead',
            statement: '',
            evidenceCount: 0,
            questions: ['  '],
          }),
          finding({ id: 'z', ordinal: 3, title: 'Supervision', questions: [] }),
        ],
      });
      expect(missingFor(review, 'PUBLISHED')).toEqual([
        {
          key: 'finding:y',
          stage: 'PUBLISHED',
          subject: 'Finding 2 “Early help without a lead”',
          needs: [
            'a statement of the pattern',
            'evidence from episodes, factors or events',
            'at least one question for the board',
          ],
          fixAt: 'findings/y',
        },
        {
          key: 'finding:z',
          stage: 'PUBLISHED',
          subject: 'Finding 3 “Supervision”',
          needs: ['at least one question for the board'],
          fixAt: 'findings/z',
        },
      ]);
    });

    it('needs a finding answering each review question', () => {
      const review = complete({
        reviewQuestions: [
          { id: 'q1', ordinal: 1, text: 'How well did agencies share information?' },
          { id: 'q2', ordinal: 2, text: 'Was the voice of the child heard?' },
        ],
        findings: [finding({ answersQuestionIds: ['q1'] })],
      });
      expect(missingFor(review, 'PUBLISHED')).toEqual([
        {
          key: 'question:q2',
          stage: 'PUBLISHED',
          subject: 'Review question 2 “Was the voice of the child heard?”',
          needs: ['a finding that answers it'],
          fixAt: 'findings',
        },
      ]);
      expect(missingFor(review, 'DRAFTING')).toEqual([]);
    });

    it('counts every review question unanswered while there are no findings', () => {
      const review = complete({
        reviewQuestions: [{ id: 'q1', ordinal: 1, text: 'x'.repeat(200) }],
        findings: [],
      });
      const missing = missingFor(review, 'PUBLISHED');
      expect(missing.map((item) => item.key)).toEqual(['findings', 'question:q1']);
      expect(missing[1].subject.length).toBeLessThan(120);
    });

    it('lists what every earlier stage still lacks, in stage order', () => {
      const review = complete({
        periodStart: null,
        eventCount: 0,
        episodes: [episode({ factorCount: 0 })],
        findings: [finding({ statement: null })],
      });
      expect(missingFor(review, 'PUBLISHED').map((item) => [item.stage, item.key])).toEqual([
        ['DATA_GATHERING', 'period'],
        ['ANALYSIS', 'events'],
        ['DRAFTING', 'episode:e1'],
        ['PUBLISHED', 'finding:f1'],
      ]);
    });
  });
});

describe('readinessForNextStage', () => {
  it('looks only as far as the next stage', () => {
    const review = complete({
      status: 'DATA_GATHERING',
      eventCount: 0,
      episodes: [],
      findings: [],
    });
    expect(readinessForNextStage(review)).toEqual({
      next: 'ANALYSIS',
      missing: [expect.objectContaining({ key: 'events' })],
    });
  });

  it('is ready when nothing is missing', () => {
    expect(readinessForNextStage(complete({ status: 'DRAFTING' }))).toEqual({
      next: 'PUBLISHED',
      missing: [],
    });
  });

  it('has no next stage once published', () => {
    expect(readinessForNextStage(complete({ status: 'PUBLISHED', findings: [] }))).toEqual({
      next: null,
      missing: [],
    });
  });
});

describe('describeMissing', () => {
  const item = {
    key: 'episode:b',
    stage: 'DRAFTING' as const,
    subject: 'Episode 2 “A house move”',
    fixAt: 'episodes/b',
  };

  it('says one need plainly', () => {
    expect(describeMissing({ ...item, needs: ['the view from the tunnel'] })).toBe(
      'Episode 2 “A house move” needs the view from the tunnel.',
    );
  });

  it('joins two needs with “and”, and more with commas before the “and”', () => {
    expect(describeMissing({ ...item, needs: ['an appraisal', 'a factor'] })).toBe(
      'Episode 2 “A house move” needs an appraisal and a factor.',
    );
    expect(describeMissing({ ...item, needs: ['an appraisal', 'the view', 'a factor'] })).toBe(
      'Episode 2 “A house move” needs an appraisal, the view and a factor.',
    );
  });
});
