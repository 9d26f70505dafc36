import { ContributoryFactor } from '../analysis/contributory-factor.entity';
import { PracticeEpisode } from '../analysis/practice-episode.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { Comment } from '../chronology/comment.entity';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import { BoardAction } from '../findings/board-action.entity';
import { Finding } from '../findings/finding.entity';
import { Agency } from '../reviews/agency.entity';
import { Collection } from '../reviews/collection.entity';
import { Person } from '../reviews/person.entity';
import { ReviewConversation } from '../review-setup/review-conversation.entity';
import { ReviewQuestion } from '../review-setup/review-question.entity';
import { PersonRelationship } from '../reviews/person-relationship.entity';
import { HouseholdMembership } from '../reviews/household-membership.entity';
import { Review } from '../reviews/review.entity';
import { ReviewMember } from '../reviews/review-member.entity';
import { AppSetting } from '../settings/app-setting.entity';
import { Theme } from '../themes/theme.entity';
import { User } from '../users/user.entity';
import { LearningBriefingRecord } from '../documents/learning-briefings/learning-briefing.entity';

/** Every TypeORM entity of the server. */
export const ENTITIES = [
  User,
  AppSetting,
  Theme,
  Review,
  ReviewMember,
  Collection,
  Agency,
  Person,
  PersonRelationship,
  HouseholdMembership,
  TimelineEvent,
  Comment,
  PracticeEpisode,
  ContributoryFactor,
  Finding,
  BoardAction,
  ReviewQuestion,
  ReviewConversation,
  AuditEvent,
  AuthSession,
  LearningBriefingRecord,
];
