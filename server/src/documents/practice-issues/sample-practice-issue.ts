import { standardPracticeQuestions } from '@scr/shared';
import type { BriefingIssue, BriefingSet, BriefingSetWithIssues } from './practice-issue-document';

/** The demo set's texts: the seed briefings' side box and closing line, made generic. */
export const DEMO_PRACTICE_SET = {
  title: 'Practice issues from case reviews',
  purpose:
    'This document is intended to support managers, senior managers and practitioners by identifying difficult issues in multi-agency safeguarding work, focusing on interprofessional communication and decision-making, and exploring why these issues arise, and therefore how they might be addressed.',
  gathering:
    'The analysis is augmented by information gathered from multi-agency summits in three cities, attended by practitioners and managers from across children’s social care, health, education, police, probation and the safeguarding partnerships.',
  participantCount: 194,
  closingSource:
    'the demonstration of SCR Workbench, modelled on Learning into Practice, a DfE funded project conducted by the NSPCC and SCIE',
};

/** Issue 1 of the seed briefings, as the demo set holds it (a new issue gets the standard questions). */
export const DEMO_PRACTICE_ISSUE = {
  title: 'Disagreement about use of early help assessment',
  statement:
    'Agencies use the Common Assessment Framework because they’ve been told to, even though they don’t agree with this suggestion',
  whatIsTheIssue:
    'Early help is intended to address problems as soon as they arise and should be based on an early help assessment, for example using the Common Assessment Framework (CAF). Our analysis of case review reports found examples of professionals undertaking a CAF on the advice of children’s social care (CSC), despite thinking the family needed statutory intervention.\n\nThe reports we analysed mainly referred to the CAF, which is reflected in the wording of this briefing. However, we are aware that many areas are now using different forms of early help assessment.',
  illustration:
    'In one case, a health visitor made a referral to CSC who advised her to undertake a CAF. The health visitor said she thought the CAF was not appropriate for that family, but the issue was left unresolved. The health visitor did not escalate her concerns.',
  reasonsFromReviews: [
    'professionals feeling unable to challenge the decisions of another agency, and unsure about trusting their own judgement',
    'escalation procedures not being used, or a lack of confidence in escalating concerns',
    'referrals from senior practitioners not being checked by managers.',
  ],
  practiceReasons: [
    {
      heading: 'Professional hierarchy and challenge',
      text: 'Professionals described their perceived difficulty in getting referrals accepted by CSC, and the difficulty of challenging CSC advice.',
      quotes: [
        {
          text: 'It’s an issue of hierarchy with CSC at the top and you have to really build up your case before they’ll even listen to you.',
          role: 'Specialist Safeguarding Practitioner',
        },
      ],
    },
    {
      heading: 'Lack of clarity regarding service thresholds',
      text: 'Participants also identified a lack of clarity about thresholds between services, and when families’ needs were sufficiently serious to require social care involvement.',
      quotes: [
        {
          text: 'There seems to be confusion of understanding the threshold to include social care, all agencies, and early care.',
          role: 'Named Nurse',
        },
        {
          text: 'In [my area] I’m finding it harder to progress a case to Child in Need status. Unless I can clearly outline a role for a social worker it won’t go through.',
          role: 'Multi-agency Safeguarding Hub social worker',
        },
      ],
    },
    {
      heading: 'How CAFs are used and who is best placed to complete them',
      text: 'Participants reported a lack of understanding of the CAF process, which may have contributed to feeling unable to challenge advice that one should be undertaken. Some people felt that there was a lack of training about the CAF process.',
      quotes: [
        {
          text: 'There’s a lack of clarity about what the role of lead professional actually entails and what the term means.',
          role: 'Named Safeguarding Nurse',
        },
      ],
    },
  ],
  solutions: [
    'enhance understanding of what the CAF process involves, when it should be initiated and who is best placed to act as lead professional',
    'improve clarity about the role of a CAF in current child protection and safeguarding policy.',
  ],
};

/** The side box of a set of 14 drawing on 38 reviews, as in the seed briefings. */
export function samplePracticeSet(issueCount = 14): BriefingSet {
  return {
    ...DEMO_PRACTICE_SET,
    basis: { reviewCount: 38, sentence: '38 reviews published between May 2014 and April 2015' },
    issueCount,
  };
}

/**
 * A practice issue shaped like issue 1 of the seed briefings (its sections, reasons, quotes by
 * role and the standard questions), numbered `number`: for the benchmark and the rendered pages
 * in docs/documents/. Not used by any route.
 */
export function samplePracticeIssue(number = 1): BriefingIssue {
  return {
    ...DEMO_PRACTICE_ISSUE,
    number,
    practiceReasons: DEMO_PRACTICE_ISSUE.practiceReasons.map((reason) => ({
      ...reason,
      quotes: reason.quotes.map((quote) => ({ ...quote })),
    })),
    reasonsFromReviews: [...DEMO_PRACTICE_ISSUE.reasonsFromReviews],
    solutions: [...DEMO_PRACTICE_ISSUE.solutions],
    questions: standardPracticeQuestions(),
  };
}

/** A whole set of `count` such issues, for the benchmark and the contents page in docs/. */
export function samplePracticeIssueSet(count = 14): BriefingSetWithIssues {
  const { issueCount: _count, ...set } = samplePracticeSet(count);
  return {
    ...set,
    issues: Array.from({ length: count }, (_, index) => samplePracticeIssue(index + 1)),
  };
}
