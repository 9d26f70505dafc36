import { CreateAccounts1763856000000 } from './1763856000000-create-accounts';
import { CreateReviewModel1763942400000 } from './1763942400000-create-review-model';
import { SeedStarterThemes1763942500000 } from './1763942500000-seed-starter-themes';
import { ChronologyImport1763942600000 } from './1763942600000-chronology-import';
import { LinkedEvents1763942700000 } from './1763942700000-linked-events';
import { ImportProgress1763942800000 } from './1763942800000-import-progress';
import { ReviewImportedFrom1764100000000 } from './1764100000000-review-imported-from';
import { ForeignKeyIndexes1764200000000 } from './1764200000000-foreign-key-indexes';
import { DuplicateCandidates1764210000000 } from './1764210000000-duplicate-candidates';
import { ImportOwner1764300000000 } from './1764300000000-import-owner';
import { ImportContentHash1764300100000 } from './1764300100000-import-content-hash';
import { AccountSessions1764400000000 } from './1764400000000-account-sessions';
import { AppendOnlyAudit1764400100000 } from './1764400100000-append-only-audit';
import { SignInLimits1764500000000 } from './1764500000000-sign-in-limits';
import { RecordVersions1764600000000 } from './1764600000000-record-versions';
import { FindingEffect1764800000000 } from './1764800000000-finding-effect';
import { FindingTemplate1764800100000 } from './1764800100000-finding-template';
import { EpisodeExplanation1764900000000 } from './1764900000000-episode-explanation';
import { FactorEffectAndTier1764900100000 } from './1764900100000-factor-effect-and-tier';
import { ReviewQuestions1765000000000 } from './1765000000000-review-questions';
import { ReviewConversations1765000100000 } from './1765000100000-review-conversations';
import { CommentOnFindingAndResolution1765100000000 } from './1765100000000-comment-on-finding-and-resolution';
import { CaseGroupSignOff1765100100000 } from './1765100100000-case-group-sign-off';
import { PersonDetailsAndHouseholds1765200000000 } from './1765200000000-person-details-and-households';
import { EventPersonContact1765200100000 } from './1765200100000-event-person-contact';
import { RelationshipEnded1765200200000 } from './1765200200000-relationship-ended';
import { PersonAliases1765400000000 } from './1765400000000-person-aliases';
import { AdolescentThemes1765500000000 } from './1765500000000-adolescent-themes';
import { PublicationSnapshots1765600000000 } from './1765600000000-publication-snapshots';
import { BroaderThemes1765800000000 } from './1765800000000-broader-themes';
import { CorpusFindingSearch1765800100000 } from './1765800100000-corpus-finding-search';
import { CorpusReviewThemeBits1765900000000 } from './1765900000000-corpus-review-theme-bits';
import { CorpusFindingSearchTable1765900100000 } from './1765900100000-corpus-finding-search-table';
import { PracticeIssues1765930000000 } from './1765930000000-practice-issues';
import { LearningBriefings1765940000000 } from './1765940000000-learning-briefings';
import { ReportLibrary1765960000000 } from './1765960000000-report-library';
import { ReportCodes1765980000000 } from './1765980000000-report-codes';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [
  CreateAccounts1763856000000,
  CreateReviewModel1763942400000,
  SeedStarterThemes1763942500000,
  ChronologyImport1763942600000,
  LinkedEvents1763942700000,
  ImportProgress1763942800000,
  ReviewImportedFrom1764100000000,
  ForeignKeyIndexes1764200000000,
  DuplicateCandidates1764210000000,
  ImportOwner1764300000000,
  ImportContentHash1764300100000,
  AccountSessions1764400000000,
  AppendOnlyAudit1764400100000,
  SignInLimits1764500000000,
  RecordVersions1764600000000,
  FindingEffect1764800000000,
  FindingTemplate1764800100000,
  EpisodeExplanation1764900000000,
  FactorEffectAndTier1764900100000,
  ReviewQuestions1765000000000,
  ReviewConversations1765000100000,
  CommentOnFindingAndResolution1765100000000,
  CaseGroupSignOff1765100100000,
  PersonDetailsAndHouseholds1765200000000,
  EventPersonContact1765200100000,
  RelationshipEnded1765200200000,
  PersonAliases1765400000000,
  AdolescentThemes1765500000000,
  PublicationSnapshots1765600000000,
  BroaderThemes1765800000000,
  CorpusFindingSearch1765800100000,
  CorpusReviewThemeBits1765900000000,
  CorpusFindingSearchTable1765900100000,
  PracticeIssues1765930000000,
  LearningBriefings1765940000000,
  ReportLibrary1765960000000,
  ReportCodes1765980000000,
];
