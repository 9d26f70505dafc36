import {
  Block,
  bulletList,
  hasText,
  paragraphs,
  PrintedDocument,
  section,
} from '../render/document-model';
import type {
  PracticeQuestionGroup,
  PracticeReason,
  PracticeSetBasis,
} from './practice-issues.types';

/** What a practice-issue briefing prints of its set: the side box and the closing line. */
export interface BriefingSet {
  title: string;
  purpose: string | null;
  gathering: string | null;
  participantCount: number | null;
  closingSource: string | null;
  /** counted from the set's published, not withdrawn reviews (never typed) */
  basis: Pick<PracticeSetBasis, 'reviewCount' | 'sentence'>;
  /** how many briefings the set has */
  issueCount: number;
}

/** What a practice-issue briefing prints of the issue. */
export interface BriefingIssue {
  number: number;
  title: string;
  statement: string | null;
  whatIsTheIssue: string | null;
  illustration: string | null;
  reasonsFromReviews: string[];
  practiceReasons: PracticeReason[];
  solutions: string[];
  questions: PracticeQuestionGroup[];
}

export interface BriefingSetWithIssues extends Omit<BriefingSet, 'issueCount'> {
  issues: BriefingIssue[];
}

export const PRACTICE_ISSUES_KICKER = 'Practice issues from case reviews';

/** A file name safe in a Content-Disposition header: letters, digits and dashes. */
export function safeFileName(text: string): string {
  const name = text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .toLowerCase()
    .slice(0, 80)
    .replace(/-$/, '');
  return name || 'briefing';
}

const issueHeading = (issue: BriefingIssue) => `${issue.number}. ${issue.title}`;

/** The side box: what the set is for, what it is based on (counted), how views were gathered. */
export function sideBox(set: BriefingSet): Block[] {
  const blocks: Block[] = [];
  if (set.issueCount > 1)
    blocks.push({
      kind: 'paragraph',
      runs: [`This document is one of a set of ${set.issueCount} briefings.`],
    });
  blocks.push(...paragraphs(set.purpose));
  if (set.basis.reviewCount > 0)
    blocks.push({
      kind: 'paragraph',
      runs: [`The briefings are based on analysis of ${set.basis.sentence}.`],
    });
  blocks.push(...paragraphs(set.gathering));
  if (set.participantCount)
    blocks.push({
      kind: 'paragraph',
      runs: [
        `${set.participantCount} ${set.participantCount === 1 ? 'practitioner or manager' : 'practitioners and managers'} took part.`,
      ],
    });
  return blocks.length ? [{ kind: 'box', variant: 'side', blocks }] : [];
}

/** The closing line: where the briefing came from, and what it draws on (counted). */
export function closingLine(set: BriefingSet): string | undefined {
  const parts: string[] = [];
  if (hasText(set.closingSource))
    parts.push(
      `This briefing was produced as part of ${set.closingSource.trim().replace(/\.$/, '')}.`,
    );
  if (set.basis.reviewCount > 0)
    parts.push(`${parts.length ? 'It' : 'This briefing'} draws on ${set.basis.sentence}.`);
  return parts.length ? parts.join(' ') : undefined;
}

function whyDoesThisOccur(issue: BriefingIssue): Block[] {
  const fromReviews = bulletList(issue.reasonsFromReviews);
  const reviews: Block[] = fromReviews.length
    ? [
        {
          kind: 'paragraph',
          runs: [
            'The ',
            { text: 'analysis within the reviews', bold: true },
            ' found the following reasons:',
          ],
        },
        ...fromReviews,
      ]
    : [];
  const reasons = issue.practiceReasons.filter((reason) => hasText(reason.text));
  const practice: Block[] = reasons.length
    ? [
        {
          kind: 'paragraph',
          runs: [
            { text: 'Practitioners', bold: true },
            ' also identified a number of underlying reasons for this issue, including the following:',
          ],
        },
        ...reasons.flatMap((reason): Block[] => [
          ...(hasText(reason.heading)
            ? [{ kind: 'heading' as const, level: 3 as const, text: reason.heading.trim() }]
            : []),
          ...paragraphs(reason.text),
          ...reason.quotes
            .filter((quote) => hasText(quote.text))
            .map((quote): Block => ({
              kind: 'quote',
              text: quote.text.trim(),
              ...(hasText(quote.role) ? { attribution: quote.role.trim() } : {}),
            })),
        ]),
      ]
    : [];
  return section(2, 'Why does this occur?', [...reviews, ...practice]);
}

function solutions(issue: BriefingIssue): Block[] {
  const list = bulletList(issue.solutions);
  return section(
    2,
    'Solutions suggested',
    list.length
      ? [
          {
            kind: 'paragraph',
            runs: ['Practitioners suggested the following possible solutions:'],
          },
          ...list,
        ]
      : [],
  );
}

function questions(issue: BriefingIssue): Block[] {
  return section(
    2,
    'Questions for you to consider',
    issue.questions.flatMap((group): Block[] => {
      const list = bulletList(group.questions, true);
      return list.length
        ? [{ kind: 'box', variant: 'questions', title: group.title, blocks: list }]
        : [];
    }),
  );
}

/** The sections of one issue, in the seeds' order, the side box after "What is the issue?". */
function issueBlocks(issue: BriefingIssue, box: Block[]): Block[] {
  return [
    ...section(2, 'What is the issue?', [
      ...paragraphs(issue.statement, 'statement'),
      ...paragraphs(issue.whatIsTheIssue),
      ...paragraphs(issue.illustration),
    ]),
    ...box,
    ...whyDoesThisOccur(issue),
    ...solutions(issue),
    ...questions(issue),
  ];
}

/** One practice-issue briefing, as the seeds lay it out. */
export function practiceIssueDocument(issue: BriefingIssue, set: BriefingSet): PrintedDocument {
  const closing = closingLine(set);
  return {
    fileName: safeFileName(`practice-issue-${issue.number}-${issue.title}`),
    kicker: hasText(set.title) ? set.title : PRACTICE_ISSUES_KICKER,
    title: issueHeading(issue),
    blocks: issueBlocks(issue, sideBox(set)),
    ...(closing ? { closing } : {}),
  };
}

/** The whole set: the side box once, then each issue from a new page, with contents. */
export function practiceIssueSetDocument(set: BriefingSetWithIssues): PrintedDocument {
  const counted: BriefingSet = { ...set, issueCount: set.issues.length };
  const closing = closingLine(counted);
  const issues = [...set.issues].sort((a, b) => a.number - b.number);
  return {
    fileName: safeFileName(set.title),
    // A set named like the series needs no kicker repeating its title.
    ...(set.title.trim().toLowerCase() === PRACTICE_ISSUES_KICKER.toLowerCase()
      ? {}
      : { kicker: PRACTICE_ISSUES_KICKER }),
    title: set.title,
    contents: true,
    // Every issue has the same sections: the contents lists the issues.
    contentsDepth: 1,
    blocks: [
      ...sideBox(counted),
      ...issues.flatMap((issue): Block[] => [
        { kind: 'pageBreak' },
        { kind: 'heading', level: 1, text: issueHeading(issue) },
        ...issueBlocks(issue, []),
      ]),
    ],
    ...(closing ? { closing } : {}),
  };
}
