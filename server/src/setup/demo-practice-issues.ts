import { PracticeIssuesService } from '../documents/practice-issues/practice-issues.service';
import { UsersService } from '../users/users.service';
import {
  DEMO_PRACTICE_ISSUE,
  DEMO_PRACTICE_SET,
} from '../documents/practice-issues/sample-practice-issue';

/**
 * The demo set of practice issues: issue 1 of the seed briefings ("Disagreement about use of
 * early help assessment"), drawing on the demo corpus, so that a trainer signing in to a new
 * installation sees a briefing to open, edit and preview. Its side box counts the demo corpus.
 */
export async function seedDemoPracticeIssues(
  practiceIssues: PracticeIssuesService,
  users: UsersService,
  referencePrefix: string,
): Promise<string[]> {
  const trainer = await users.findForSignIn('trainer@demo.local');
  if (!trainer) return [];
  const sources = await practiceIssues.corpusSources(referencePrefix, 'early-help-assessment', 3);
  const set = await practiceIssues.createSet(trainer, {
    ...DEMO_PRACTICE_SET,
    reviewIds: sources.reviewIds,
  });
  const issue = await practiceIssues.createIssue(trainer, {
    setId: set.id,
    ...DEMO_PRACTICE_ISSUE,
  });
  if (sources.findingIds.length)
    await practiceIssues.linkFindings(trainer, issue.id, sources.findingIds);
  return [
    `Demo practice issues: “${issue.title}”, drawing on ${sources.reviewIds.length} published demo reviews; sign in as trainer@demo.local.`,
  ];
}
