import {
  PRACTICE_QUESTION_GROUP_TITLES,
  reviewBasisSentence,
  standardPracticeQuestions,
} from './practice-issue-questions';

describe('the practice-issue side box', () => {
  it('names the number of reviews and the months they were published in, in UTC', () => {
    expect(reviewBasisSentence(38, '2014-05-01T00:30:00Z', '2015-04-30T23:30:00Z')).toBe(
      '38 reviews published between May 2014 and April 2015',
    );
    expect(reviewBasisSentence(1, '2025-10-02T10:00:00Z', '2025-10-02T10:00:00Z')).toBe(
      '1 review published in October 2025',
    );
    expect(reviewBasisSentence(0, null, null)).toBe('0 reviews published');
  });

  it('starts each issue with a fresh copy of the three standard groups', () => {
    const first = standardPracticeQuestions();
    first[0].questions.push('Changed');
    expect(standardPracticeQuestions().map((g) => [g.title, g.questions.length])).toEqual([
      [PRACTICE_QUESTION_GROUP_TITLES[0], 3],
      [PRACTICE_QUESTION_GROUP_TITLES[1], 5],
      [PRACTICE_QUESTION_GROUP_TITLES[2], 7],
    ]);
  });
});
