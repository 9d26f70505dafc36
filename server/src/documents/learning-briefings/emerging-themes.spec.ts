import { STARTER_THEMES } from '@scr/shared';
import {
  BriefingCase,
  emergingThemes,
  inSentence,
  VocabularyTerm,
  wholePercent,
} from './emerging-themes';

/** The starter vocabulary with the broader terms the migrations add. */
const VOCABULARY: VocabularyTerm[] = [
  ...STARTER_THEMES.map((theme) => ({
    ...theme,
    broaderKey: ['parental-alcohol-misuse', 'parental-drug-misuse'].includes(theme.key)
      ? 'parental-substance-misuse'
      : ['domestic-abuse', 'parental-mental-health'].includes(theme.key)
        ? 'toxic-trio'
        : null,
  })),
  {
    key: 'parental-substance-misuse',
    label: 'Parental substance misuse',
    kind: 'CASE_CHARACTERISTIC',
    broaderKey: 'toxic-trio',
  },
  {
    key: 'toxic-trio',
    label: 'Domestic abuse, parental mental ill-health and substance misuse',
    kind: 'CASE_CHARACTERISTIC',
    broaderKey: null,
  },
];

const aCase = (keys: string[], extra: Partial<BriefingCase> = {}): BriefingCase => ({
  type: 'MULTI_AGENCY_CASE_AUDIT',
  periodStart: null,
  periodEnd: null,
  partnership: 'Dudley',
  caseCharacteristicKeys: keys,
  ...extra,
});

const ALWAYS = ['previous-social-care-involvement', 'neglect', 'disguised-compliance'];

/*
 * Worked by hand, like the Dudley audit (seed 004): four cases.
 *   A  always + parental-alcohol-misuse, graded-care-profile-used, domestic-abuse
 *   B  always + parental-alcohol-misuse, parental-drug-misuse, graded-care-profile-used
 *   C  always + parental-drug-misuse, graded-care-profile-used, parental-learning-disability
 *   D  always
 * Substance misuse: A, B (once, though it has both), C = 3 of 4 = 75%. Alcohol: A, B = 50%.
 * Toxic trio: A (domestic abuse, alcohol), B, C = 75%. Learning disability: C = 25%.
 */
const DUDLEY = [
  aCase([...ALWAYS, 'parental-alcohol-misuse', 'graded-care-profile-used', 'domestic-abuse'], {
    periodStart: '2016-10-01',
    periodEnd: '2017-09-30',
  }),
  aCase(
    [...ALWAYS, 'parental-alcohol-misuse', 'parental-drug-misuse', 'graded-care-profile-used'],
    {
      periodStart: '2016-04-01',
      periodEnd: '2017-08-31',
    },
  ),
  aCase([
    ...ALWAYS,
    'parental-drug-misuse',
    'graded-care-profile-used',
    'parental-learning-disability',
  ]),
  aCase(ALWAYS, { type: 'LEARNING_REVIEW' }),
];

describe('emerging themes over the cases', () => {
  it('gives each characteristic as a whole percent of the cases, broader terms counting each case once', () => {
    const themes = emergingThemes(DUDLEY, VOCABULARY);
    expect(themes.caseCount).toBe(4);
    expect(
      Object.fromEntries(themes.rows.map((row) => [row.key, [row.count, row.percent]])),
    ).toEqual({
      'previous-social-care-involvement': [4, 100],
      neglect: [4, 100],
      'disguised-compliance': [4, 100],
      'parental-substance-misuse': [3, 75],
      'toxic-trio': [3, 75],
      'graded-care-profile-used': [3, 75],
      'parental-alcohol-misuse': [2, 50],
      'parental-drug-misuse': [2, 50],
      'parental-learning-disability': [1, 25],
      'domestic-abuse': [1, 25],
    });
    expect(themes.rows.map((row) => row.percent)).toEqual(
      [...themes.rows.map((row) => row.percent)].sort((a, b) => b - a),
    );
    expect(themes.rows.find((row) => row.key === 'parental-substance-misuse')!.sentence).toBe(
      '75% of cases had parental substance misuse',
    );
    expect(
      themes.rows.find((row) => row.key === 'previous-social-care-involvement')!.sentence,
    ).toBe('100% of cases had previous social care involvement');
  });

  it('gives the review types in the order of the vocabulary and the whole period', () => {
    const themes = emergingThemes(DUDLEY, VOCABULARY);
    expect(themes.reviewTypes).toEqual(['Multi-agency case file audit', 'Learning review']);
    expect([themes.periodStart, themes.periodEnd]).toEqual(['2016-04-01', '2017-09-30']);
    expect(themes.partnerships).toEqual(['Dudley']);
  });

  it('counts a case without characteristics in the denominator and says so', () => {
    const themes = emergingThemes(
      [aCase(['neglect']), aCase(['neglect', 'domestic-abuse']), aCase([])],
      VOCABULARY,
    );
    expect(themes.caseCount).toBe(3);
    expect(themes.casesWithoutCharacteristics).toBe(1);
    expect(themes.rows.find((row) => row.key === 'neglect')).toMatchObject({
      count: 2,
      percent: 67,
    });
    expect(themes.rows.find((row) => row.key === 'domestic-abuse')).toMatchObject({
      count: 1,
      percent: 33,
    });
    expect(themes.message).toBe(
      'Computed from the case characteristics of 3 cases; 1 case has no case characteristics recorded and counts in no theme.',
    );
  });

  it('gives no rows and a clear message, not a division by zero, when there are no cases', () => {
    const themes = emergingThemes([], VOCABULARY);
    expect(themes).toMatchObject({ caseCount: 0, rows: [], periodStart: null, periodEnd: null });
    expect(themes.message).toMatch(/^There are no cases to count yet/);
    expect(wholePercent(0, 0)).toBe(0);
  });

  it('leaves out keys the vocabulary no longer holds and practice themes', () => {
    const themes = emergingThemes([aCase(['retired-key', 'escalation', 'neglect'])], VOCABULARY);
    expect(themes.rows.map((row) => row.key)).toEqual(['neglect']);
  });

  it('rounds to the whole percent as the seeds print them', () => {
    expect([
      wholePercent(1, 8),
      wholePercent(1, 3),
      wholePercent(2, 3),
      wholePercent(5, 6),
    ]).toEqual([13, 33, 67, 83]);
  });

  it('keeps the capitals of a proper name inside the sentence', () => {
    expect(inSentence('Graded Care Profile used')).toBe('Graded Care Profile used');
    expect(inSentence('Neglect')).toBe('neglect');
  });
});
