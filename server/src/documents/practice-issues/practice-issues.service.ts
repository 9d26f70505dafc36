import { Injectable } from '@nestjs/common';
import { standardPracticeQuestions } from '@scr/shared';
import { AuditService } from '../../audit/audit.service';
import { badInput, notFound } from '../../common/app-error';
import { plural, RemovalResult } from '../../common/removal-result';
import { Transaction } from '../../database/unit-of-work';
import { User } from '../../users/user.entity';
import { PrintedDocument } from '../render/document-model';
import { basisOf } from './practice-issues.loaders';
import {
  BriefingSet,
  practiceIssueDocument,
  practiceIssueSetDocument,
} from './practice-issue-document';
import {
  PracticeIssueInput,
  PracticeIssueSetInput,
  PracticeReasonInput,
  UpdatePracticeIssueInput,
  UpdatePracticeIssueSetInput,
} from './dto/practice-issue.inputs';
import {
  IssueValues,
  noSuchIds,
  PracticeIssuesRepository,
  SetValues,
} from './practice-issues.repository';
import {
  PracticeIssueRow,
  PracticeIssueSetRow,
  PracticeReason,
  PracticeSetBasis,
} from './practice-issues.types';

/** The title a set gets when an issue is created without one. */
export const NEW_SET_TITLE = 'Practice issues';

/** The practitioners' reasons of an input: structured, or plain texts; never both. */
function practiceReasonsOf(
  input: Pick<PracticeIssueInput, 'practiceReasons' | 'reasonsFromPractice'>,
): PracticeReason[] | undefined {
  if (input.practiceReasons !== undefined && input.reasonsFromPractice !== undefined)
    throw badInput('Give reasonsFromPractice or practiceReasons, not both.', {
      field: 'practiceReasons',
    });
  if (input.practiceReasons)
    return input.practiceReasons.map((reason: PracticeReasonInput) => ({
      heading: reason.heading ?? null,
      text: reason.text,
      quotes: (reason.quotes ?? []).map((quote) => ({ text: quote.text, role: quote.role })),
    }));
  if (input.reasonsFromPractice)
    return input.reasonsFromPractice.map((text) => ({ heading: null, text, quotes: [] }));
  return undefined;
}

const defined = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

/** Practice-issue briefings for trainers: sets of numbered issues drawing on published reviews. */
@Injectable()
export class PracticeIssuesService {
  constructor(
    private readonly issues: PracticeIssuesRepository,
    private readonly audit: AuditService,
  ) {}

  sets(): Promise<PracticeIssueSetRow[]> {
    return this.issues.allSets();
  }

  set(id: string): Promise<PracticeIssueSetRow | null> {
    return this.issues.findSet(id);
  }

  allIssues(): Promise<PracticeIssueRow[]> {
    return this.issues.allIssues();
  }

  issue(id: string): Promise<PracticeIssueRow | null> {
    return this.issues.findIssue(id);
  }

  /** The published reviews and findings (of a theme) of the corpus whose references start so. */
  corpusSources(referencePrefix: string, themeKey: string, limit: number) {
    return this.issues.corpusSources(referencePrefix, themeKey, limit);
  }

  reviewIdsOf(setId: string): Promise<string[]> {
    return this.issues.reviewIdsOf(setId);
  }

  /** The number of published, not withdrawn reviews the set draws on and their months. */
  async basis(setId: string): Promise<PracticeSetBasis> {
    return basisOf((await this.issues.basisOfSets([setId])).get(setId));
  }

  /** What a briefing prints of its set, the counts read now. */
  private async briefingSet(set: PracticeIssueSetRow): Promise<BriefingSet> {
    const [basis, issues] = await Promise.all([
      this.basis(set.id),
      this.issues.issuesOfSets([set.id]),
    ]);
    return { ...set, basis, issueCount: issues.length };
  }

  /** One issue's briefing, or null when there is no such issue. */
  async issueDocument(id: string): Promise<PrintedDocument | null> {
    const issue = await this.issues.findIssue(id);
    if (!issue) return null;
    const set = (await this.issues.findSet(issue.setId))!;
    return practiceIssueDocument(issue, await this.briefingSet(set));
  }

  /** The whole set's briefing with contents, or null when there is no such set. */
  async setDocument(id: string): Promise<PrintedDocument | null> {
    const set = await this.issues.findSet(id);
    if (!set) return null;
    const [basis, issues] = await Promise.all([
      this.basis(set.id),
      this.issues.issuesOfSets([set.id]),
    ]);
    return practiceIssueSetDocument({ ...set, basis, issues });
  }

  private async checkSources(
    transaction: Transaction,
    input: { collectionId?: string | null; reviewIds?: string[] },
  ): Promise<void> {
    const repo = this.issues.in(transaction);
    if (input.collectionId && !(await repo.collectionExists(input.collectionId)))
      throw badInput(`collectionId: there is no collection ${input.collectionId}.`, {
        field: 'collectionId',
        value: input.collectionId,
      });
    if (input.reviewIds?.length)
      noSuchIds(
        'reviewIds',
        input.reviewIds,
        await repo.publishedReviewIds(input.reviewIds),
        'a published review',
      );
  }

  async createSet(user: User, input: PracticeIssueSetInput): Promise<PracticeIssueSetRow> {
    return this.issues.transaction(async (transaction) => {
      await this.checkSources(transaction, input);
      const repo = this.issues.in(transaction);
      const set = await repo.insertSet(
        {
          title: input.title,
          purpose: input.purpose ?? null,
          collectionId: input.collectionId ?? null,
          gathering: input.gathering ?? null,
          participantCount: input.participantCount ?? null,
          closingSource: input.closingSource ?? null,
        },
        user.id,
      );
      if (input.reviewIds) await repo.replaceReviews(set.id, input.reviewIds);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssueSet',
        entityId: set.id,
        action: 'create',
        after: { ...set, reviewIds: input.reviewIds ?? [] },
      });
      return set;
    });
  }

  async updateSet(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdatePracticeIssueSetInput,
  ): Promise<PracticeIssueSetRow> {
    return this.issues.transaction(async (transaction) => {
      await this.checkSources(transaction, input);
      const repo = this.issues.in(transaction);
      const { reviewIds, ...fields } = input;
      const changes: Partial<SetValues> = defined({
        title: fields.title,
        purpose: fields.purpose,
        collectionId: fields.collectionId,
        gathering: fields.gathering,
        participantCount: fields.participantCount,
        closingSource: fields.closingSource,
      });
      const { before, after } = await repo.updateSet(id, expectedVersion, changes);
      if (reviewIds) await repo.replaceReviews(id, reviewIds);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssueSet',
        entityId: id,
        action: 'update',
        before,
        after: reviewIds ? { ...after, reviewIds } : after,
      });
      return after;
    });
  }

  async removeSet(user: User, id: string, dryRun: boolean): Promise<RemovalResult> {
    return this.issues.transaction(async (transaction) => {
      const repo = this.issues.in(transaction);
      const set = await repo.findSet(id);
      if (!set) throw notFound(`There is no practice issue set with id ${id}.`);
      const issues = await repo.issuesOfSets([id]);
      const consequences = issues.length
        ? [`${plural(issues.length, 'practice issue')} will be removed with it`]
        : [];
      if (dryRun) return { removed: false, consequences };
      await repo.removeSet(id);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssueSet',
        entityId: id,
        action: 'remove',
        before: { ...set, issues },
      });
      return { removed: true, consequences };
    });
  }

  async createIssue(user: User, input: PracticeIssueInput): Promise<PracticeIssueRow> {
    return this.issues.transaction(async (transaction) => {
      const repo = this.issues.in(transaction);
      let setId = input.setId;
      if (setId) {
        if (!(await repo.findSet(setId)))
          throw notFound(`There is no practice issue set with id ${setId}.`);
      } else {
        setId = (
          await repo.insertSet(
            {
              title: NEW_SET_TITLE,
              purpose: null,
              collectionId: null,
              gathering: null,
              participantCount: null,
              closingSource: null,
            },
            user.id,
          )
        ).id;
      }
      const order = await repo.lockedIssueIds(setId);
      const values: IssueValues = {
        title: input.title,
        statement: input.statement ?? null,
        whatIsTheIssue: input.whatIsTheIssue ?? null,
        illustration: input.illustration ?? null,
        reasonsFromReviews: input.reasonsFromReviews ?? [],
        practiceReasons: practiceReasonsOf(input) ?? [],
        solutions: input.solutions ?? [],
        questions: input.questions ?? standardPracticeQuestions(),
      };
      const id = await repo.insertIssue(setId, order.length + 1, values);
      const position = Math.min(input.number ?? order.length + 1, order.length + 1);
      if (position <= order.length) {
        order.splice(position - 1, 0, id);
        await repo.numberIssues(setId, order);
      }
      const issue = (await repo.findIssue(id))!;
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssue',
        entityId: id,
        action: 'create',
        after: issue,
      });
      return issue;
    });
  }

  async updateIssue(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdatePracticeIssueInput,
  ): Promise<PracticeIssueRow> {
    return this.issues.transaction(async (transaction) => {
      const repo = this.issues.in(transaction);
      const current = await repo.findIssue(id);
      if (!current) throw notFound(`There is no practice issue with id ${id}.`);
      if (input.setId && input.setId !== current.setId)
        throw badInput('setId: a practice issue stays in its set.', {
          field: 'setId',
          value: input.setId,
        });
      const order = await repo.lockedIssueIds(current.setId);
      const changes = defined({
        title: input.title,
        statement: input.statement,
        whatIsTheIssue: input.whatIsTheIssue,
        illustration: input.illustration,
        reasonsFromReviews: input.reasonsFromReviews,
        practiceReasons: practiceReasonsOf(input),
        solutions: input.solutions,
        questions: input.questions,
      });
      const { before } = await repo.updateIssue(id, expectedVersion, changes);
      if (input.number && input.number !== current.number) {
        const rest = order.filter((other) => other !== id);
        rest.splice(Math.min(input.number, order.length) - 1, 0, id);
        await repo.numberIssues(current.setId, rest);
      }
      const after = (await repo.findIssue(id))!;
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssue',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async reorderIssues(user: User, setId: string, issueIds: string[]): Promise<PracticeIssueRow[]> {
    return this.issues.transaction(async (transaction) => {
      const repo = this.issues.in(transaction);
      if (!(await repo.findSet(setId)))
        throw notFound(`There is no practice issue set with id ${setId}.`);
      const present = await repo.lockedIssueIds(setId);
      const field = 'issueIds';
      if (new Set(issueIds).size !== issueIds.length)
        throw badInput(`${field}: an id is listed twice.`, { field, value: issueIds });
      const stranger = issueIds.find((id) => !present.includes(id));
      if (stranger)
        throw badInput(`${field}: ${stranger} is not an issue of this set.`, {
          field,
          value: stranger,
        });
      const missing = present.find((id) => !issueIds.includes(id));
      if (missing)
        throw badInput(`${field}: list every issue of the set; ${missing} is missing.`, {
          field,
          value: missing,
        });
      await repo.numberIssues(setId, issueIds);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssue',
        entityId: null,
        action: 'reorder',
        after: { setId, issueIds },
      });
      return repo.issuesOfSets([setId]);
    });
  }

  async removeIssue(user: User, id: string, dryRun: boolean): Promise<RemovalResult> {
    return this.issues.transaction(async (transaction) => {
      const repo = this.issues.in(transaction);
      const issue = await repo.findIssue(id);
      if (!issue) throw notFound(`There is no practice issue with id ${id}.`);
      const order = await repo.lockedIssueIds(issue.setId);
      const linked = await repo.countLinkedFindings(id);
      const consequences = [
        ...(linked ? [`its ${plural(linked, 'link')} to published findings will go`] : []),
        ...(issue.number < order.length ? ['the issues after it will be numbered one less'] : []),
      ];
      if (dryRun) return { removed: false, consequences };
      await repo.removeIssue(id);
      await repo.numberIssues(
        issue.setId,
        order.filter((other) => other !== id),
      );
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssue',
        entityId: id,
        action: 'remove',
        before: issue,
      });
      return { removed: true, consequences };
    });
  }

  async linkFindings(user: User, issueId: string, findingIds: string[]): Promise<PracticeIssueRow> {
    return this.issues.transaction(async (transaction) => {
      const repo = this.issues.in(transaction);
      const issue = await repo.findIssue(issueId);
      if (!issue) throw notFound(`There is no practice issue with id ${issueId}.`);
      noSuchIds(
        'findingIds',
        findingIds,
        await repo.corpusFindingIds(findingIds),
        'a published finding',
      );
      await repo.linkFindings(issueId, findingIds);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssue',
        entityId: issueId,
        action: 'link',
        after: { findingIds },
      });
      return issue;
    });
  }

  async unlinkFindings(
    user: User,
    issueId: string,
    findingIds: string[],
  ): Promise<PracticeIssueRow> {
    return this.issues.transaction(async (transaction) => {
      const repo = this.issues.in(transaction);
      const issue = await repo.findIssue(issueId);
      if (!issue) throw notFound(`There is no practice issue with id ${issueId}.`);
      await repo.unlinkFindings(issueId, findingIds);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'PracticeIssue',
        entityId: issueId,
        action: 'unlink',
        before: { findingIds },
      });
      return issue;
    });
  }
}
