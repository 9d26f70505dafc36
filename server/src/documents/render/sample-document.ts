import { bulletList, paragraphs, PrintedDocument, section } from './document-model';

/**
 * A one-page practice-issue briefing laid out like the seed briefings, used by the renderers'
 * tests, the benchmark and the sample pages in docs/. Not used by any route.
 */
export function sampleBriefing(): PrintedDocument {
  return {
    fileName: 'practice-issue-1-disagreement-about-early-help',
    kicker: 'Practice issues from case reviews',
    title: '1. Disagreement about use of early help assessment',
    blocks: [
      {
        kind: 'box',
        variant: 'side',
        title: 'About this briefing',
        blocks: [
          ...paragraphs(
            'This document is one of a set of 14 briefings intended to support managers, senior managers and practitioners by identifying difficult issues in multi-agency safeguarding work and exploring why these issues arise.',
          ),
          ...paragraphs(
            'The briefings are based on analysis of 38 reviews published between May 2014 and April 2015.',
          ),
        ],
      },
      ...section(1, 'What is the issue?', [
        ...paragraphs(
          'Agencies use an early help assessment because they have been told to, even though they do not agree with this suggestion.',
          'statement',
        ),
        ...paragraphs(
          'Early help is intended to address problems as soon as they arise. Our analysis found examples of professionals undertaking an early help assessment on the advice of children’s social care, despite thinking the family needed statutory intervention.\n\nIn one case, a health visitor made a referral to children’s social care who advised her to undertake an assessment. The health visitor thought it was not appropriate for that family, but the issue was left unresolved.',
        ),
      ]),
      ...section(1, 'Why does this occur?', [
        {
          kind: 'paragraph',
          runs: [
            'The ',
            { text: 'analysis within the reviews', bold: true },
            ' found the following reasons:',
          ],
        },
        ...bulletList([
          'professionals feeling unable to challenge the decisions of another agency',
          'escalation procedures not being used, or a lack of confidence in escalating concerns',
          'referrals from senior practitioners not being checked by managers',
        ]),
        {
          kind: 'paragraph',
          runs: [
            { text: 'Participants at the summits', bold: true },
            ' identified further reasons:',
          ],
        },
        {
          kind: 'quote',
          text: 'We are told to do the assessment first, even when we know it is not enough.',
          attribution: 'Health visitor',
        },
      ]),
      ...section(1, 'Solutions suggested', [
        ...bulletList(
          [
            'Agree locally when an early help assessment is and is not appropriate.',
            'Make escalation procedures known, and use them.',
            'Managers check referrals from senior practitioners.',
          ],
          true,
        ),
      ]),
      {
        kind: 'box',
        variant: 'questions',
        title: 'Questions for you to consider',
        blocks: [
          { kind: 'heading', level: 2, text: 'For practitioners' },
          ...bulletList(['How confident are you in challenging the decisions of another agency?']),
          { kind: 'heading', level: 2, text: 'For managers' },
          ...bulletList(['How do you know escalation procedures are used?']),
        ],
      },
    ],
    closing:
      'Based on analysis of 38 reviews published between May 2014 and April 2015, and the views of 194 practitioners and managers.',
  };
}
