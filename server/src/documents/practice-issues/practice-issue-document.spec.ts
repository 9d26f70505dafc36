import { standardPracticeQuestions } from '@scr/shared';
import { Block } from '../render/document-model';
import {
  BriefingIssue,
  BriefingSet,
  practiceIssueDocument,
  practiceIssueSetDocument,
} from './practice-issue-document';

const SET: BriefingSet = {
  title: 'Practice issues from Serious Case Reviews',
  purpose: 'To support managers, senior managers and practitioners.',
  gathering: 'Summits in London, Leeds and Birmingham in September 2015.',
  participantCount: 194,
  closingSource: 'Learning into Practice, a DfE funded project',
  basis: { reviewCount: 38, sentence: '38 reviews published between May 2014 and April 2015' },
  issueCount: 14,
};

const ISSUE: BriefingIssue = {
  number: 1,
  title: 'Disagreement about use of early help assessment',
  statement: 'Agencies use the CAF because they have been told to',
  whatIsTheIssue: 'Early help is intended to address problems as soon as they arise.',
  illustration: 'In one case, a health visitor made a referral.',
  reasonsFromReviews: ['escalation procedures not being used', '  '],
  practiceReasons: [
    {
      heading: 'Professional hierarchy and challenge',
      text: 'Professionals described their difficulty.',
      quotes: [
        { text: 'It is an issue of hierarchy.', role: 'Specialist Safeguarding Practitioner' },
      ],
    },
  ],
  solutions: ['enhance understanding of the CAF process'],
  questions: standardPracticeQuestions(),
};

/** The document's outline: each block's kind and its heading or title, boxes opened. */
const outline = (blocks: Block[]): string[] =>
  blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'heading':
        return [`h${block.level} ${block.text}`];
      case 'box':
        return [
          `box:${block.variant}${block.title ? ` ${block.title}` : ''}`,
          ...outline(block.blocks).map((line) => `  ${line}`),
        ];
      case 'paragraph':
        return [`p${block.style ? `:${block.style}` : ''}`];
      case 'list':
        return [`${block.ordered ? 'ol' : 'ul'} ${block.items.length}`];
      case 'quote':
        return [`quote (${block.attribution ?? ''})`];
      default:
        return [block.kind];
    }
  });

describe('practiceIssueDocument', () => {
  it("lays an issue out in the seeds' order, questions in boxes, the closing line last", () => {
    const doc = practiceIssueDocument(ISSUE, SET);
    expect(doc.title).toBe('1. Disagreement about use of early help assessment');
    expect(doc.kicker).toBe('Practice issues from Serious Case Reviews');
    expect(doc.fileName).toBe('practice-issue-1-disagreement-about-use-of-early-help-assessment');
    expect(outline(doc.blocks)).toEqual([
      'h2 What is the issue?',
      'p:statement',
      'p',
      'p',
      'box:side',
      '  p',
      '  p',
      '  p',
      '  p',
      '  p',
      'h2 Why does this occur?',
      'p',
      'ul 1',
      'p',
      'h3 Professional hierarchy and challenge',
      'p',
      'quote (Specialist Safeguarding Practitioner)',
      'h2 Solutions suggested',
      'p',
      'ul 1',
      'h2 Questions for you to consider',
      'box:questions Unpicking the issue',
      '  ol 3',
      'box:questions Why do you think this happens in your local area?',
      '  ol 5',
      'box:questions Thinking through the solutions',
      '  ol 7',
    ]);
    const side = doc.blocks.find((b) => b.kind === 'box' && b.variant === 'side');
    expect(JSON.stringify(side)).toContain(
      'The briefings are based on analysis of 38 reviews published between May 2014 and April 2015.',
    );
    expect(JSON.stringify(side)).toContain('This document is one of a set of 14 briefings.');
    expect(JSON.stringify(side)).toContain('194 practitioners and managers took part.');
    expect(doc.closing).toBe(
      'This briefing was produced as part of Learning into Practice, a DfE funded project. It draws on 38 reviews published between May 2014 and April 2015.',
    );
  });

  it('leaves empty sections out rather than printing bare headings', () => {
    const doc = practiceIssueDocument(
      {
        ...ISSUE,
        statement: null,
        whatIsTheIssue: ' ',
        illustration: null,
        reasonsFromReviews: [],
        practiceReasons: [],
        solutions: [''],
        questions: [{ title: 'Unpicking the issue', questions: [] }],
      },
      {
        ...SET,
        purpose: null,
        gathering: null,
        participantCount: null,
        closingSource: null,
        issueCount: 1,
        basis: { reviewCount: 0, sentence: '0 reviews published' },
      },
    );
    expect(doc.blocks).toEqual([]);
    expect(doc.closing).toBeUndefined();
  });

  it('says what the briefing draws on in the closing line when no source is named', () => {
    const doc = practiceIssueDocument(ISSUE, { ...SET, closingSource: '  ' });
    expect(doc.closing).toBe(
      'This briefing draws on 38 reviews published between May 2014 and April 2015.',
    );
  });

  it('builds the whole set with contents, each issue from a new page in number order', () => {
    const { issueCount: _count, ...set } = SET;
    const doc = practiceIssueSetDocument({
      ...set,
      issues: [
        { ...ISSUE, number: 2, title: 'Second' },
        { ...ISSUE, number: 1, title: 'First' },
      ],
    });
    expect(doc.contents).toBe(true);
    expect(doc.contentsDepth).toBe(1);
    expect(doc.title).toBe('Practice issues from Serious Case Reviews');
    const lines = outline(doc.blocks);
    expect(lines[0]).toBe('box:side');
    expect(lines.filter((line) => line.startsWith('h1') || line === 'pageBreak')).toEqual([
      'pageBreak',
      'h1 1. First',
      'pageBreak',
      'h1 2. Second',
    ]);
    expect(JSON.stringify(doc.blocks[0])).toContain('one of a set of 2 briefings');
    expect(lines.filter((line) => line === 'box:side')).toHaveLength(1);
    expect(doc.kicker).toBe('Practice issues from case reviews');
  });

  it('leaves out the kicker of a set named like the series, so the title is not printed twice', () => {
    const { issueCount: _count, ...set } = SET;
    const doc = practiceIssueSetDocument({
      ...set,
      title: 'Practice issues from case reviews',
      issues: [ISSUE],
    });
    expect(doc.title).toBe('Practice issues from case reviews');
    expect(doc.kicker).toBeUndefined();
  });
});
