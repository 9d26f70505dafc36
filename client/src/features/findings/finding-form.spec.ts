import {
  conflictingParts,
  FindingForm,
  hasChanges,
  inputOf,
  resolvedFinding,
  theirFinding,
} from './finding-form';

const form: FindingForm = {
  title: 'Front-door decisions made without health',
  category: 'INCIDENTS_AND_CRISES',
  effect: 'MAKES_PROBLEMS_MORE_LIKELY',
  statement: 'Decisions about babies are made without what health visitors know.',
  manifestation: '',
  notPeculiar: '',
  prevalence: 'Health checked in 6% of notifications.',
  references: [
    { kind: 'AUDIT', citation: ' Audit 2023 ', url: '', reviewId: null },
    { kind: 'RESEARCH', citation: '  ', url: ' ', reviewId: null },
  ],
  significance: '',
  questions: ['How will the board know?', '  '],
  answersQuestionIds: ['q1'],
  episodeIds: ['ep2'],
  factorIds: ['f1', 'f2'],
  eventIds: ['ev1'],
  themeKeys: ['thresholds'],
};
const names = {
  episode: (id: string) => `Episode ${id}`,
  factor: (id: string) => `Factor ${id}`,
  event: (id: string) => `Event ${id}`,
  theme: (key: string) => `Theme ${key}`,
};

describe('inputOf', () => {
  it('sends every part, blank text as null and without blank questions', () => {
    expect(inputOf(form)).toEqual({
      title: 'Front-door decisions made without health',
      category: 'INCIDENTS_AND_CRISES',
      effect: 'MAKES_PROBLEMS_MORE_LIKELY',
      statement: 'Decisions about babies are made without what health visitors know.',
      manifestation: null,
      notPeculiar: null,
      prevalence: 'Health checked in 6% of notifications.',
      references: [{ kind: 'AUDIT', citation: 'Audit 2023', url: null, reviewId: null }],
      significance: null,
      questions: ['How will the board know?'],
      answersQuestionIds: ['q1'],
      episodeIds: ['ep2'],
      factorIds: ['f1', 'f2'],
      eventIds: ['ev1'],
      themeKeys: ['thresholds'],
    });
  });
});

describe('hasChanges', () => {
  it('ignores spaces and an empty question, but not a new order of questions', () => {
    expect(hasChanges({ ...form, title: `${form.title}  ` }, form)).toBe(false);
    expect(hasChanges({ ...form, questions: [...form.questions, ''] }, form)).toBe(false);
    expect(hasChanges({ ...form, questions: ['b', 'a'] }, { ...form, questions: ['a', 'b'] })).toBe(
      true,
    );
    expect(hasChanges({ ...form, factorIds: ['f1'] }, form)).toBe(true);
  });
});

describe('a conflict', () => {
  const current = {
    id: 'fi1',
    reviewId: 'r1',
    title: 'Front-door decisions made without health',
    category: 'LONGER_TERM_WORK',
    statement: 'Decisions about babies are made without what health visitors know.',
    manifestation: null,
    prevalence: 'Health checked in 6% of notifications.',
    significance: 'It matters.',
    questions: ['How will the board know?'],
    themeKeys: ['thresholds', 'drift'],
    version: 4,
  };

  it('lists only the parts that differ, in words', () => {
    const theirs = theirFinding(current, {
      episodeIds: ['ep2'],
      factorIds: ['f1'],
      eventIds: ['ev1'],
    });
    expect(conflictingParts(form, theirs, names)).toEqual([
      {
        key: 'category',
        label: 'Typology category',
        mine: '3. Patterns in communication and collaboration in multi-agency working in response to incidents/crises',
        theirs:
          '4. Patterns in communication and collaboration in multi-agency working in assessment and longer-term work',
      },
      { key: 'significance', label: 'Why it matters', mine: '', theirs: 'It matters.' },
      {
        key: 'factorIds',
        label: 'Evidence: contributory factors',
        mine: 'Factor f1\nFactor f2',
        theirs: 'Factor f1',
      },
      {
        key: 'themeKeys',
        label: 'Practice themes',
        mine: 'Theme thresholds',
        theirs: 'Theme thresholds\nTheme drift',
      },
    ]);
  });

  it('leaves out evidence it could not fetch rather than guess', () => {
    const keys = conflictingParts(form, theirFinding(current, null), names).map((part) => part.key);
    expect(keys).toEqual(['category', 'significance', 'themeKeys']);
  });

  it('keeps the chosen side of each part', () => {
    const theirs = theirFinding(current, {
      episodeIds: ['ep2'],
      factorIds: ['f1'],
      eventIds: ['ev1'],
    });
    const resolved = resolvedFinding(form, theirs, {
      category: 'theirs',
      significance: 'mine',
      factorIds: 'theirs',
      themeKeys: 'mine',
    });
    expect(resolved).toEqual({ ...form, category: 'LONGER_TERM_WORK', factorIds: ['f1'] });
  });
});
