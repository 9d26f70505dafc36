import {
  Block,
  bulletList,
  hasText,
  paragraphs,
  PrintedDocument,
  section,
} from '../render/document-model';
import { EmergingThemes } from './emerging-themes';

/** The sections the author writes, as stored. */
export interface LearningBriefingSections {
  title: string;
  background: string;
  methodology: string;
  goodPractice: readonly string[];
  keyFindings: readonly string[];
  learningPoints: readonly string[];
  recommendations: readonly string[];
  messagesForManagers: readonly string[];
  messagesForPractitioners: readonly string[];
  furtherInformation: readonly string[];
}

export interface LearningBriefingSubject {
  kind: 'review' | 'collection';
  /** the review's reference or the collection's name, for the file name */
  name: string;
  /** the partnership in the title band; computed from the reviews for a collection */
  partnership: string;
}

export const LEARNING_BRIEFING_KICKER = 'Learning lessons briefing';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-05-14" → "May 2021". */
export function monthAndYear(isoDate: string): string {
  const [year, month] = isoDate.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "4 cases (multi-agency case file audit), period under review March 2020 to May 2021" */
export function casesInBrief(themes: EmergingThemes): string {
  const types = themes.reviewTypes.length
    ? ` (${themes.reviewTypes.map((t) => t.toLowerCase()).join(', ')})`
    : '';
  const period =
    themes.periodStart && themes.periodEnd
      ? `, period under review ${monthAndYear(themes.periodStart)} to ${monthAndYear(themes.periodEnd)}`
      : themes.periodStart
        ? `, period under review from ${monthAndYear(themes.periodStart)}`
        : themes.periodEnd
          ? `, period under review to ${monthAndYear(themes.periodEnd)}`
          : '';
  return `${plural(themes.caseCount, 'case', 'cases')}${types}${period}`;
}

function emergingThemesBlocks(themes: EmergingThemes): Block[] {
  if (themes.caseCount === 0 || themes.rows.length === 0) return [];
  const lead: Block = {
    kind: 'paragraph',
    runs: [`Across ${casesInBrief(themes)}:`],
  };
  const without: Block[] =
    themes.casesWithoutCharacteristics > 0
      ? [
          {
            kind: 'paragraph',
            runs: [
              {
                text: `${plural(themes.casesWithoutCharacteristics, 'case has', 'cases have')} no case characteristics recorded; ${themes.casesWithoutCharacteristics === 1 ? 'it counts' : 'they count'} in the percentages but in no theme.`,
                italic: true,
              },
            ],
          },
        ]
      : [];
  return [lead, ...bulletList(themes.rows.map((row) => row.sentence)), ...without];
}

function messagesBox(title: string, items: readonly string[]): Block[] {
  const blocks = bulletList(items);
  return blocks.length ? [{ kind: 'box', variant: 'note', title, blocks }] : [];
}

const safeName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80) || 'briefing';

/**
 * The learning-lessons briefing in the order of the seed briefings (002, 004): the title band
 * with the partnership and the date, background, methodology, good practice, the emerging themes
 * as percentages over the cases, key findings, learning points, recommendations, the key
 * messages for managers and for practitioners in boxes, further information. Sections with
 * nothing written are left out; every number comes from `themes`.
 */
export function learningBriefingDocument(
  subject: LearningBriefingSubject,
  sections: LearningBriefingSections,
  themes: EmergingThemes,
  date: Date,
): PrintedDocument {
  const dated = monthAndYear(date.toISOString().slice(0, 10));
  const title = hasText(sections.title) ? sections.title.trim() : LEARNING_BRIEFING_KICKER;
  return {
    fileName: `learning-briefing-${safeName(subject.name)}`,
    title,
    kicker: LEARNING_BRIEFING_KICKER,
    subtitle: [subject.partnership.trim(), dated].filter(Boolean).join(' · '),
    blocks: [
      ...section(1, 'Background', paragraphs(sections.background)),
      ...section(1, 'Methodology', paragraphs(sections.methodology)),
      ...section(1, 'Good practice', bulletList(sections.goodPractice)),
      ...section(1, 'Emerging themes', emergingThemesBlocks(themes)),
      ...section(1, 'Key findings', bulletList(sections.keyFindings)),
      ...section(1, 'Learning points', bulletList(sections.learningPoints)),
      ...section(1, 'Recommendations', bulletList(sections.recommendations, true)),
      ...messagesBox('Key messages for managers', sections.messagesForManagers),
      ...messagesBox('Key messages for practitioners', sections.messagesForPractitioners),
      ...section(1, 'Further information', bulletList(sections.furtherInformation)),
    ],
    closing:
      themes.caseCount > 0
        ? `The emerging themes are computed from the case characteristics of ${casesInBrief(themes)}.`
        : undefined,
  };
}
