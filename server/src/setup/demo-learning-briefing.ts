import type { LearningBriefingInput } from '../documents/learning-briefings/dto/learning-briefing.input';

/**
 * The Northmoor partnership's learning briefing about Child M, seeded on first start through the
 * learning briefings service (the demo review's bundle does not carry it). Pseudonyms only; its
 * emerging themes are computed from Child M's case characteristics, never written here.
 */
export const DEMO_LEARNING_BRIEFING: LearningBriefingInput = {
  title: 'Child M: learning lessons briefing',
  background:
    'Child M was 20 months old when she was taken to hospital with a serious head injury, four months after she and her two older siblings became subject to child protection plans. The Northmoor Safeguarding Children Partnership commissioned a local child safeguarding practice review using the Learning Together model.\n\nThis briefing is for managers and practitioners working with children and families in Northmoor. Please share it with colleagues and discuss it in team meetings.',
  methodology:
    'The review team of two lead reviewers and senior managers from the agencies read the case files and the merged multi-agency chronology, identified key practice episodes over the two years under review, and met the case group of practitioners who worked with the family in two conversations. Mother contributed in writing.',
  goodPractice: [
    'Practitioners who already knew each other acted quickly together when the crisis came: the strategy discussion was held the same day.',
    'The health visitor kept visiting through missed appointments and recorded what she saw of the home each time.',
  ],
  keyFindings: [
    'Decisions at the front door about babies were made without the agencies that knew the family best.',
    'When the lead practitioner left, nobody held the whole picture of the case.',
    'Men in the household stayed out of view: Mr B was known to some agencies and not to others.',
    'Each event was judged on its own rather than against the history of the family.',
  ],
  learningPoints: [
    'Ask who lives in the home, and who visits, at every contact, and record it.',
    'Think about the daily experience of the youngest child in a busy household.',
    'A handover is not complete until someone has accepted the case.',
  ],
  recommendations: [
    'The partnership to ensure front-door decisions about children under two include the health visitor’s view.',
    'Agencies to agree a handover standard when a lead practitioner leaves.',
    'Children’s social care to record the adults in the household in every assessment.',
  ],
  messagesForManagers: [
    'Supervision: review the history, not only the latest event, when cases are discussed.',
    'Handover: check that every open case of a leaver has a named practitioner the family knows.',
  ],
  messagesForPractitioners: [
    'Be curious about the men in the household, and speak to them.',
    'Share what you know: a detail you think unimportant may be part of a bigger picture.',
    'Escalate when you disagree with a decision, and follow it up.',
  ],
  furtherInformation: [
    'The full review report of Child M: Northmoor Safeguarding Children Partnership website',
    'Northmoor multi-agency escalation procedure',
  ],
};
