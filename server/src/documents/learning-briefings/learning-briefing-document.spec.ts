import { Block } from '../render/document-model';
import { EmergingThemes } from './emerging-themes';
import {
  learningBriefingDocument,
  LearningBriefingSections,
  monthAndYear,
} from './learning-briefing-document';

const FULL: LearningBriefingSections = {
  title: 'Early Help Learning Lessons Briefing',
  background: 'A multi-agency case file audit took place.\n\nIt focused on early help.',
  methodology: 'Four cases were selected.',
  goodPractice: ['A detailed SMART plan'],
  keyFindings: ['Fathers were not spoken to', '  '],
  learningPoints: ['Think about the child’s daily experiences'],
  recommendations: ['Partners to improve case recording', 'Police to speak to children'],
  messagesForManagers: ['Supervision: ensure staff receive quality supervision'],
  messagesForPractitioners: ['Be curious'],
  furtherInformation: ['Multi-Agency Safeguarding Procedures'],
};

const THEMES: EmergingThemes = {
  caseCount: 4,
  casesWithoutCharacteristics: 0,
  rows: [
    {
      key: 'neglect',
      label: 'Neglect',
      count: 4,
      percent: 100,
      sentence: '100% of cases had neglect',
    },
    {
      key: 'parental-substance-misuse',
      label: 'Parental substance misuse',
      count: 3,
      percent: 75,
      sentence: '75% of cases had parental substance misuse',
    },
  ],
  reviewTypes: ['Multi-agency case file audit'],
  periodStart: '2016-04-01',
  periodEnd: '2017-09-30',
  partnerships: ['Dudley'],
  message: 'Computed from the case characteristics of 4 cases.',
};

const EMPTY: LearningBriefingSections = {
  title: '',
  background: '',
  methodology: '',
  goodPractice: [],
  keyFindings: [],
  learningPoints: [],
  recommendations: [],
  messagesForManagers: [],
  messagesForPractitioners: [],
  furtherInformation: [],
};

const SUBJECT = { kind: 'collection' as const, name: 'October 2017 audit', partnership: 'Dudley' };
const DATE = new Date('2017-11-15T10:00:00Z');

/** The headings and box titles in order: the document's outline. */
const outline = (blocks: Block[]) =>
  blocks.flatMap((block) =>
    block.kind === 'heading' ? [block.text] : block.kind === 'box' ? [`[${block.title}]`] : [],
  );

describe('the learning briefing document', () => {
  it("has the seeds' sections in the seeds' order, the title band with partnership and date", () => {
    const doc = learningBriefingDocument(SUBJECT, FULL, THEMES, DATE);
    expect(doc).toMatchObject({
      title: 'Early Help Learning Lessons Briefing',
      kicker: 'Learning lessons briefing',
      subtitle: 'Dudley · November 2017',
      fileName: 'learning-briefing-october-2017-audit',
    });
    expect(outline(doc.blocks)).toEqual([
      'Background',
      'Methodology',
      'Good practice',
      'Emerging themes',
      'Key findings',
      'Learning points',
      'Recommendations',
      '[Key messages for managers]',
      '[Key messages for practitioners]',
      'Further information',
    ]);
  });

  it('prints the computed percentages with their denominator, types and period', () => {
    const doc = learningBriefingDocument(SUBJECT, FULL, THEMES, DATE);
    const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Emerging themes');
    expect(doc.blocks[at + 1]).toEqual({
      kind: 'paragraph',
      runs: [
        'Across 4 cases (multi-agency case file audit), period under review April 2016 to September 2017:',
      ],
    });
    expect(doc.blocks[at + 2]).toEqual({
      kind: 'list',
      ordered: false,
      items: [['100% of cases had neglect'], ['75% of cases had parental substance misuse']],
    });
    expect(doc.closing).toBe(
      'The emerging themes are computed from the case characteristics of 4 cases (multi-agency case file audit), period under review April 2016 to September 2017.',
    );
  });

  it('numbers the recommendations, splits paragraphs and drops blank items', () => {
    const doc = learningBriefingDocument(SUBJECT, FULL, THEMES, DATE);
    const lists = doc.blocks.filter((b) => b.kind === 'list');
    expect(lists.find((l) => l.ordered)).toMatchObject({
      items: [['Partners to improve case recording'], ['Police to speak to children']],
    });
    expect(lists).toContainEqual({
      kind: 'list',
      ordered: false,
      items: [['Fathers were not spoken to']],
    });
    const background = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Background');
    expect(doc.blocks.slice(background + 1, background + 3)).toEqual([
      { kind: 'paragraph', runs: ['A multi-agency case file audit took place.'] },
      { kind: 'paragraph', runs: ['It focused on early help.'] },
    ]);
  });

  it('leaves out every empty section, and the themes when there are no cases', () => {
    const noCases = { ...THEMES, caseCount: 0, rows: [], reviewTypes: [] };
    const doc = learningBriefingDocument(SUBJECT, EMPTY, noCases, DATE);
    expect(doc.blocks).toEqual([]);
    expect(doc.title).toBe('Learning lessons briefing');
    expect(doc.closing).toBeUndefined();
  });

  it('says in the themes when a case has no characteristics recorded', () => {
    const doc = learningBriefingDocument(
      SUBJECT,
      EMPTY,
      { ...THEMES, casesWithoutCharacteristics: 1 },
      DATE,
    );
    expect(outline(doc.blocks)).toEqual(['Emerging themes']);
    expect(JSON.stringify(doc.blocks)).toContain('1 case has no case characteristics recorded');
  });

  it('writes months in words', () => {
    expect(monthAndYear('2021-05-14')).toBe('May 2021');
  });
});
