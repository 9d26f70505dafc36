import {
  EpisodesResolver,
  FactorsResolver,
  ReviewAnalysisResolver,
} from '../analysis/analysis.resolver';
import { AuditTrailResolver, GeneralAuditTrailResolver } from '../audit/audit-trail.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import {
  ChronologyResolver,
  PersonContactsResolver,
  ReviewChronologyResolver,
} from '../chronology/chronology.resolver';
import { CorpusReviewResolver } from '../corpus/corpus-review.resolver';
import { CorpusResolver } from '../corpus/corpus.resolver';
import {
  PracticeIssueSetsResolver,
  PracticeIssuesResolver,
} from '../documents/practice-issues/practice-issues.resolver';
import { FindingsResolver, ReviewFindingsResolver } from '../findings/findings.resolver';
import {
  PublicationResolver,
  ReviewPublicationResolver,
} from '../publication/publication.resolver';
import { CollectionsResolver } from '../reviews/collections.resolver';
import { MemberSearchResolver } from '../reviews/member-search.resolver';
import { PersonResolver, ReviewsResolver } from '../reviews/reviews.resolver';
import {
  FindingAnswersResolver,
  ReviewConversationsResolver,
  ReviewQuestionsFieldResolver,
  ReviewQuestionsResolver,
} from '../review-setup/review-setup.resolver';
import { ThemesResolver } from '../themes/themes.resolver';
import { UsersResolver } from '../users/users.resolver';
import { LearningBriefingsResolver } from '../documents/learning-briefings/learning-briefings.resolver';
import { ReportCodesResolver } from '../reports/report-codes.resolver';
import { ReportsResolver } from '../reports/reports.resolver';
import { ReportReadingResolver } from '../reports/report-reading.resolver';

/** Every resolver class; the schema file is printed from this list. */
export const RESOLVERS = [
  AuthResolver,
  UsersResolver,
  ThemesResolver,
  ReviewsResolver,
  PersonResolver,
  PersonContactsResolver,
  CollectionsResolver,
  MemberSearchResolver,
  ChronologyResolver,
  ReviewChronologyResolver,
  EpisodesResolver,
  FactorsResolver,
  ReviewAnalysisResolver,
  FindingsResolver,
  ReviewFindingsResolver,
  ReviewQuestionsResolver,
  ReviewQuestionsFieldResolver,
  ReviewConversationsResolver,
  FindingAnswersResolver,
  AuditTrailResolver,
  GeneralAuditTrailResolver,
  PublicationResolver,
  CorpusResolver,
  CorpusReviewResolver,
  ReviewPublicationResolver,
  LearningBriefingsResolver,
  PracticeIssueSetsResolver,
  PracticeIssuesResolver,
  ReportsResolver,
  ReportCodesResolver,
  ReportReadingResolver,
];
