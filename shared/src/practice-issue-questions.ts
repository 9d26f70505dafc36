/**
 * "Questions for you to consider" of a practice-issue briefing: the three groups and the standard
 * questions the published briefings print under them. A new practice issue starts with these,
 * and its author may change them.
 */
export interface PracticeQuestionGroup {
  title: string;
  questions: string[];
}

export const PRACTICE_QUESTION_GROUP_TITLES = [
  'Unpicking the issue',
  'Why do you think this happens in your local area?',
  'Thinking through the solutions',
] as const;

export const STANDARD_PRACTICE_QUESTIONS: readonly PracticeQuestionGroup[] = [
  {
    title: PRACTICE_QUESTION_GROUP_TITLES[0],
    questions: [
      'Is this issue familiar to you?',
      "Locally, is the issue exactly the same as described above? If not, what does this issue 'look like' for you?",
      'What good practice is there in relation to this issue? Are there weaknesses you are aware of and how would you describe them?',
    ],
  },
  {
    title: PRACTICE_QUESTION_GROUP_TITLES[1],
    questions: [
      'Do some or all of the reasons described above apply in your area?',
      'Is it an issue that has been identified in local case reviews, audits or inspection feedback? What light have these activities shed on the issue?',
      'What knowledge do you have from your own experience about why this happens?',
      'What organisational factors are involved locally?',
      'How does local culture, custom and practice, within and between agencies, contribute to this?',
    ],
  },
  {
    title: PRACTICE_QUESTION_GROUP_TITLES[2],
    questions: [
      'Have there been previous efforts locally to address this issue? What was the result?',
      'Given your understanding of the reasons for this issue, what further actions do you think would be helpful in addressing it?',
      'What strengths can you build on, and what are the areas of difficulty?',
      'What action would need to be taken at a strategic or leadership level?',
      'Who would need to be involved to achieve improvement?',
      'Are there any unintended consequences you anticipate for the different agencies and professions involved?',
      'How will you know whether any actions have had an impact?',
    ],
  },
];

/** A fresh copy of the standard questions, for a new practice issue. */
export const standardPracticeQuestions = (): PracticeQuestionGroup[] =>
  STANDARD_PRACTICE_QUESTIONS.map((group) => ({
    title: group.title,
    questions: [...group.questions],
  }));

/**
 * "May 2014" … the months a set of briefings covers, as the side box prints them ("published
 * between May 2014 and April 2015"); both from ISO dates or Date, in UTC.
 */
export function monthYear(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The side box's sentence on what the set draws on: "N reviews published between …". */
export function reviewBasisSentence(
  count: number,
  first: string | Date | null,
  last: string | Date | null,
): string {
  const reviews = `${count} ${count === 1 ? 'review' : 'reviews'}`;
  if (!count || !first || !last) return `${reviews} published`;
  const from = monthYear(first);
  const to = monthYear(last);
  return from === to
    ? `${reviews} published in ${from}`
    : `${reviews} published between ${from} and ${to}`;
}
