import type { FindingCategoryName } from '@scr/shared';

/**
 * The words the synthetic corpus is made of: fictional partnerships and agencies, and finding
 * and factor wording drawn from the patterns published reviews keep finding. Nothing here names
 * a real person, school or GP practice.
 */

/** Fictional partnerships, the first ones larger (they publish more reviews). */
export const PARTNERSHIPS: { name: string; area: string; code: string; weight: number }[] = [
  {
    name: 'Northmoor Safeguarding Children Partnership',
    area: 'Northmoor',
    code: 'NSCP',
    weight: 9,
  },
  {
    name: 'Eastbridge Safeguarding Children Partnership',
    area: 'Eastbridge',
    code: 'ESCP',
    weight: 8,
  },
  {
    name: 'Kestrel Vale Children Safeguarding Partnership',
    area: 'Kestrel Vale',
    code: 'KVCSP',
    weight: 7,
  },
  {
    name: 'Harrowfield Safeguarding Children Partnership',
    area: 'Harrowfield',
    code: 'HSCP',
    weight: 6,
  },
  {
    name: 'Brackenshire Safeguarding Children Partnership',
    area: 'Brackenshire',
    code: 'BSCP',
    weight: 6,
  },
  { name: 'Saltmere Bay Safeguarding Partnership', area: 'Saltmere Bay', code: 'SBSP', weight: 5 },
  {
    name: 'Ashcombe Borough Safeguarding Children Partnership',
    area: 'Ashcombe',
    code: 'ABSCP',
    weight: 4,
  },
  {
    name: 'Lowdale and Fenwick Safeguarding Children Partnership',
    area: 'Lowdale',
    code: 'LFSCP',
    weight: 4,
  },
  {
    name: 'Westerholm Safeguarding Children Partnership',
    area: 'Westerholm',
    code: 'WSCP',
    weight: 3,
  },
  {
    name: 'Greyhaven City Safeguarding Children Partnership',
    area: 'Greyhaven',
    code: 'GCSCP',
    weight: 3,
  },
  {
    name: 'Oakenridge Safeguarding Children Partnership',
    area: 'Oakenridge',
    code: 'OSCP',
    weight: 2,
  },
  {
    name: 'Marlow Heath Safeguarding Children Partnership',
    area: 'Marlow Heath',
    code: 'MHSCP',
    weight: 2,
  },
];

/** Agencies a review may involve; `{area}` is the partnership's area. */
export const AGENCY_TEMPLATES: {
  name: string;
  sector: string;
  weight: number;
}[] = [
  { name: "{area} Children's Social Care", sector: 'CHILDRENS_SOCIAL_CARE', weight: 100 },
  { name: '{area} Police', sector: 'POLICE', weight: 90 },
  {
    name: '{area} Community Health Services (health visiting and school nursing)',
    sector: 'HEALTH',
    weight: 80,
  },
  { name: 'General practice (the family GP)', sector: 'HEALTH', weight: 75 },
  { name: '{area} Hospitals NHS Foundation Trust', sector: 'HEALTH', weight: 60 },
  { name: '{area} Integrated Care Board', sector: 'HEALTH', weight: 25 },
  { name: '{area} Early Help Service', sector: 'EARLY_HELP', weight: 55 },
  { name: 'Primary school', sector: 'EDUCATION', weight: 50 },
  { name: 'Secondary school', sector: 'EDUCATION', weight: 30 },
  { name: '{area} Adult Mental Health Service', sector: 'HEALTH', weight: 35 },
  { name: '{area} Drug and Alcohol Service', sector: 'ADULT_SERVICES', weight: 30 },
  { name: 'Probation Service ({area} delivery unit)', sector: 'PROBATION', weight: 25 },
  { name: '{area} Housing Options', sector: 'HOUSING', weight: 25 },
  { name: 'Domestic abuse support service', sector: 'VOLUNTARY', weight: 25 },
  { name: '{area} Youth Justice Service', sector: 'OTHER', weight: 12 },
  { name: '{area} Adult Social Care', sector: 'ADULT_SERVICES', weight: 10 },
];

/** How a case is framed: babies, school-age children, adolescents. */
export type CaseKind = 'BABY' | 'CHILD' | 'ADOLESCENT';

/**
 * The probability that a review of each kind of case records each case characteristic (theme
 * keys of the starter themes), skewed like published reviews: neglect and domestic abuse common,
 * exploitation or a Graded Care Profile rare.
 */
export const CASE_CHARACTERISTIC_RATES: Record<string, Record<CaseKind, number>> = {
  'previous-social-care-involvement': { BABY: 0.6, CHILD: 0.75, ADOLESCENT: 0.85 },
  neglect: { BABY: 0.6, CHILD: 0.65, ADOLESCENT: 0.45 },
  'domestic-abuse': { BABY: 0.6, CHILD: 0.6, ADOLESCENT: 0.4 },
  'parental-mental-health': { BABY: 0.5, CHILD: 0.45, ADOLESCENT: 0.3 },
  'parental-alcohol-misuse': { BABY: 0.2, CHILD: 0.3, ADOLESCENT: 0.2 },
  'parental-drug-misuse': { BABY: 0.3, CHILD: 0.3, ADOLESCENT: 0.2 },
  'parental-learning-disability': { BABY: 0.08, CHILD: 0.07, ADOLESCENT: 0.03 },
  'disguised-compliance': { BABY: 0.2, CHILD: 0.25, ADOLESCENT: 0.1 },
  'child-under-one': { BABY: 0.85, CHILD: 0, ADOLESCENT: 0 },
  'child-with-disability': { BABY: 0.05, CHILD: 0.12, ADOLESCENT: 0.1 },
  'previous-child-protection-plan': { BABY: 0.25, CHILD: 0.35, ADOLESCENT: 0.35 },
  'graded-care-profile-used': { BABY: 0.04, CHILD: 0.06, ADOLESCENT: 0.01 },
  'child-criminal-exploitation': { BABY: 0, CHILD: 0.02, ADOLESCENT: 0.45 },
  'child-sexual-exploitation': { BABY: 0, CHILD: 0.02, ADOLESCENT: 0.25 },
  'going-missing': { BABY: 0, CHILD: 0.03, ADOLESCENT: 0.5 },
  'exclusion-from-school': { BABY: 0, CHILD: 0.04, ADOLESCENT: 0.4 },
  'extra-familial-harm': { BABY: 0, CHILD: 0.02, ADOLESCENT: 0.55 },
};

export const CASE_KIND_WEIGHTS: Record<CaseKind, number> = { BABY: 40, CHILD: 40, ADOLESCENT: 20 };

/** Finding categories as often as reviews use them: multi-agency working most, tools least. */
export const CATEGORY_WEIGHTS: Record<FindingCategoryName, number> = {
  INCIDENTS_AND_CRISES: 22,
  LONGER_TERM_WORK: 22,
  FAMILY_PROFESSIONAL_INTERACTION: 20,
  HUMAN_REASONING: 14,
  MANAGEMENT_SYSTEMS: 13,
  TOOLS: 9,
};

/** The practice themes a finding of each category is usually tagged with. */
export const CATEGORY_THEMES: Record<FindingCategoryName, string[]> = {
  INCIDENTS_AND_CRISES: [
    'referrals-and-contacts',
    'strategy-discussions',
    'information-sharing',
    'thresholds',
    'escalation',
    'medical-information',
  ],
  LONGER_TERM_WORK: [
    'information-sharing',
    'child-protection-conferences',
    'smart-planning',
    'drift',
    'step-up-step-down',
    'early-help-assessment',
    'transitional-safeguarding',
    'contextual-safeguarding',
  ],
  FAMILY_PROFESSIONAL_INTERACTION: [
    'voice-of-the-child',
    'involving-fathers',
    'professional-curiosity',
    'assessment-quality',
  ],
  HUMAN_REASONING: ['professional-curiosity', 'assessment-quality', 'escalation', 'thresholds'],
  TOOLS: ['recording', 'assessment-quality', 'information-sharing', 'early-help-assessment'],
  MANAGEMENT_SYSTEMS: ['supervision', 'workload', 'thresholds', 'drift', 'recording'],
};

/** A phrase for each practice theme, to put in a finding or factor that carries it. */
export const THEME_PHRASES: Record<string, string[]> = {
  escalation: [
    'escalation of concerns when a plan is not working',
    'escalating professional disagreement through the resolution protocol',
    'challenge and escalation between agencies',
  ],
  thresholds: [
    'applying the threshold document to cumulative harm',
    'threshold decisions at the front door',
    'a shared understanding of thresholds',
  ],
  'early-help-assessment': [
    'early help assessments that do not reach the whole family',
    'the early help offer and its assessment',
  ],
  'information-sharing': [
    'information sharing between health and children’s social care',
    'sharing information across adult and children’s services',
    'timely information sharing before strategy discussions',
  ],
  'voice-of-the-child': [
    'the voice of the child and their lived experience',
    'seeing and speaking to the child alone',
    'what daily life was like for the child',
  ],
  'professional-curiosity': [
    'professional curiosity about who lives in the household',
    'curiosity about explanations given by parents',
    'respectful uncertainty about what the family reports',
  ],
  supervision: [
    'reflective supervision that tests the working hypothesis',
    'safeguarding supervision for practitioners in universal services',
  ],
  recording: [
    'recording that shows the reasons for decisions',
    'chronologies kept up to date in case records',
  ],
  'involving-fathers': [
    'involving fathers and male carers in assessment',
    'knowing about men in the household',
  ],
  'assessment-quality': [
    'assessments that weigh history as well as the present',
    'assessment of parenting capacity over time',
  ],
  'smart-planning': [
    'child protection plans with measurable outcomes',
    'SMART planning in core groups',
  ],
  'referrals-and-contacts': [
    'referrals that say what the referrer is worried about',
    'feedback to referrers after a contact',
  ],
  'strategy-discussions': [
    'strategy discussions that include health and education',
    'the timing of strategy meetings',
  ],
  'child-protection-conferences': [
    'child protection conferences hearing from every agency',
    'the review conference and the decision to end a plan',
  ],
  'medical-information': [
    'interpreting medical information about bruising in non-mobile babies',
    'medical evidence about injuries and how it was understood',
  ],
  'step-up-step-down': [
    'stepping down from a plan to early help',
    'stepping up when early help stalls',
  ],
  drift: [
    'drift and delay in plans for the child',
    'repeated assessments with no change for the child',
  ],
  workload: [
    'caseloads and staff turnover in the assessment team',
    'capacity in the health visiting service',
  ],
  'transitional-safeguarding': [
    'transitional safeguarding as the young person turned eighteen',
    'the move to adult services',
  ],
  'contextual-safeguarding': [
    'contextual safeguarding of harm outside the home',
    'risks in peer groups and public places',
  ],
};

/** What each case characteristic is called in a sentence. */
export const CHARACTERISTIC_PHRASES: Record<string, string> = {
  'previous-social-care-involvement': 'long involvement with children’s social care',
  neglect: 'chronic neglect',
  'domestic-abuse': 'domestic abuse',
  'parental-mental-health': 'parental mental ill-health',
  'parental-alcohol-misuse': 'parental alcohol misuse',
  'parental-drug-misuse': 'parental drug misuse',
  'parental-learning-disability': 'a parent’s learning disability',
  'disguised-compliance': 'disguised compliance',
  'child-under-one': 'a baby under one',
  'child-with-disability': 'a disabled child',
  'previous-child-protection-plan': 'a previous child protection plan',
  'graded-care-profile-used': 'neglect assessed with the Graded Care Profile',
  'child-criminal-exploitation': 'child criminal exploitation',
  'child-sexual-exploitation': 'child sexual exploitation',
  'going-missing': 'episodes of going missing',
  'exclusion-from-school': 'exclusion from school',
  'extra-familial-harm': 'extra-familial harm',
};

/** Openings of a finding statement that makes problems more likely, by category. */
export const PROBLEM_STATEMENTS: Record<FindingCategoryName, string[]> = {
  INCIDENTS_AND_CRISES: [
    'When a referral about {focus} reaches the front door, decisions are routinely made on one agency’s records, so {theme} is weak',
    'In {area}, strategy discussions about {focus} are often held without health or education, which leaves {theme} to chance',
    'Referrers are rarely told the outcome of a contact about {focus}, and few re-refer, so {theme} depends on individuals',
  ],
  LONGER_TERM_WORK: [
    'Where several agencies work with {focus} over months, no one holds the whole picture, and {theme} falls between services',
    'Child protection plans for families living with {focus} are reviewed without measuring change, so {theme} is lost',
    'When a case steps down from a plan, the history of {focus} rarely travels with it, which undermines {theme}',
  ],
  FAMILY_PROFESSIONAL_INTERACTION: [
    'Practitioners working with parents affected by {focus} tend to focus on the adults, so {theme} is missed',
    'Where parents are articulate and appear to co-operate, professionals accept their account of {focus}, and {theme} weakens',
    'Men in the household are seldom known to agencies working with {focus}, which limits {theme}',
  ],
  HUMAN_REASONING: [
    'Once an early view of {focus} is formed, later information is read to fit it, and {theme} does not happen',
    'Optimism about small improvements in {focus} leads professionals to discount the history, undermining {theme}',
    'Practitioners who know a family well for years normalise {focus}, making {theme} less likely',
  ],
  TOOLS: [
    'The case recording system shows {focus} as separate episodes rather than a pattern, so {theme} is harder',
    'Assessment forms used for {focus} prompt for current risk but not for history, which weakens {theme}',
    'The referral form does not ask what the referrer is worried about in {focus}, and {theme} suffers',
  ],
  MANAGEMENT_SYSTEMS: [
    'High caseloads and turnover in teams working with {focus} leave little time for {theme}',
    'Supervision of cases of {focus} concentrates on tasks and timescales rather than {theme}',
    'Performance targets for timeliness encourage closing cases of {focus} before {theme} is complete',
  ],
};

/** Finding statements that support good practice, by category. */
export const GOOD_STATEMENTS: Record<FindingCategoryName, string[]> = {
  INCIDENTS_AND_CRISES: [
    'A multi-agency front door with health on site made {theme} routine when concerns about {focus} arrived',
  ],
  LONGER_TERM_WORK: [
    'A named lead professional for families living with {focus} kept {theme} alive across agencies',
  ],
  FAMILY_PROFESSIONAL_INTERACTION: [
    'Practitioners who saw the child alone and recorded their words made {theme} real in work on {focus}',
  ],
  HUMAN_REASONING: [
    'Group supervision that asked what else could explain {focus} supported {theme}',
  ],
  TOOLS: ['A shared chronology tool made the history of {focus} visible and helped {theme}'],
  MANAGEMENT_SYSTEMS: [
    'Protected time for reflective supervision in work on {focus} supported {theme}',
  ],
};

export const CONSEQUENCES = [
  'which makes it likely that risk to the child is underestimated.',
  'which makes it more likely that harm to the child goes unrecognised.',
  'so that escalation, when it comes, comes late.',
  'leaving the child’s experience of neglect unseen for long periods.',
  'and decisions are made without the information that matters most.',
];

export const GOOD_CONSEQUENCES = [
  'which made it more likely that the child was protected early.',
  'and families received help before harm escalated.',
];

export const FINDING_TITLES: Record<FindingCategoryName, string[]> = {
  INCIDENTS_AND_CRISES: [
    'Front-door decisions made on partial information',
    'Strategy discussions without the agencies that know the child',
    'No feedback to referrers',
  ],
  LONGER_TERM_WORK: [
    'No one holds the whole picture',
    'Plans that do not measure change',
    'History lost at step-down',
  ],
  FAMILY_PROFESSIONAL_INTERACTION: [
    'The child unseen behind the adults’ needs',
    'Apparent co-operation accepted at face value',
    'Unknown men in the household',
  ],
  HUMAN_REASONING: [
    'A fixed early view',
    'Start-again optimism',
    'Normalising long-standing concerns',
  ],
  TOOLS: [
    'Records that fragment the history',
    'Assessment forms without history',
    'Referral forms without the worry',
  ],
  MANAGEMENT_SYSTEMS: [
    'Capacity squeezes reflection',
    'Supervision focused on tasks',
    'Timeliness targets close cases early',
  ],
};

export const QUESTIONS_FOR_THE_BOARD = [
  'How will the partnership know whether this pattern is changing?',
  'What would it take for every agency to contribute to this decision?',
  'Is the partnership confident that practitioners have the time this needs?',
  'What support do first-line managers need to challenge this in supervision?',
  'How does the partnership hear from children and families about this?',
];

export const FACTOR_SENTENCES = [
  'The practitioner had no time set aside for {theme}.',
  'Team practice did not include {theme} as a matter of routine.',
  'The family’s presentation drew attention away from {theme}.',
  'Agencies held different parts of the picture and {theme} was nobody’s task.',
  'Local guidance on {theme} was not known to the practitioners involved.',
  'A manager prompted {theme} in supervision, and it changed the plan.',
];

export const EPISODE_TITLES = [
  'Antenatal care and the birth',
  'The first police notification of domestic abuse',
  'Health visiting contacts in the first year',
  'The referral to children’s social care',
  'The child and family assessment',
  'Early help and the team around the family',
  'The initial child protection conference',
  'The core group and the child protection plan',
  'Step-down to child in need',
  'Missing episodes and return home interviews',
  'School attendance and exclusion',
  'The hospital attendance',
  'The final weeks',
];

/** Letters for pseudonyms ("Child B"): not M or T, which the demo reviews Child M and Child T use. */
export const PSEUDONYM_LETTERS = 'ABCDEFGHJKLNPRSVWXYZ'.split('');
