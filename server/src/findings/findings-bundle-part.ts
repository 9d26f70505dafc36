import { Injectable } from '@nestjs/common';
import {
  BOARD_ACTION_STATUSES,
  BoardActionStatusName,
  FINDING_CATEGORIES,
  FindingCategoryName,
  PATTERN_EFFECTS,
  PatternEffectName,
  REFERENCE_KINDS,
  isWebAddress,
  TEXT_LIMITS,
} from '@scr/shared';
import { BundleChecker } from '../common/bundle-checker';
import {
  BundlePart,
  BundleRefs,
  BundleTarget,
  linked,
  toArrayLiteral,
} from '../common/bundle-part';
import { Comment } from '../chronology/comment.entity';
import { Transaction } from '../database/unit-of-work';
import { BoardAction } from './board-action.entity';
import { Finding, FindingReference } from './finding.entity';
import { FindingsBundleRepository } from './findings-bundle.repository';

/** The findings' section of a bundle (docs/bundle-format.md). */
export interface FindingsBundleSection {
  findings: {
    ref: string;
    ordinal: number;
    title: string;
    category: FindingCategoryName;
    /** Left out by bundles made before findings recorded it: MAKES_PROBLEMS_MORE_LIKELY. */
    effect?: PatternEffectName;
    statement: string | null;
    manifestation: string | null;
    /** Left out by older bundles, as are the references. */
    notPeculiar?: string | null;
    prevalence: string | null;
    references?: FindingReference[];
    significance: string | null;
    questions: string[];
    episodes: string[];
    factors: string[];
    events: string[];
    /** The review questions it answers; left out by bundles made before reviews had them. */
    answers?: string[];
    themes: string[];
    boardActions: {
      description: string;
      owningAgency: string | null;
      dueDate: string | null;
      status: BoardActionStatusName;
      droppedReason: string | null;
      impactNote: string | null;
    }[];
    /** The case group's comments on the finding; left out by bundles made before they travelled. */
    comments?: FindingCommentBundle[];
  }[];
}

/** A comment on a finding: who wrote it and when, and whether and when the lead resolved it. */
export interface FindingCommentBundle {
  author: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

type Row = Record<string, unknown>;

/**
 * Findings, their evidence and the board's actions on them, in and out of a bundle.
 */
@Injectable()
export class FindingsBundlePart implements BundlePart<FindingsBundleSection> {
  constructor(private readonly rows: FindingsBundleRepository) {}

  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const findings = checker.list(input, 'findings', '');
    checker.refs(findings, 'findings', 'finding');
    findings.forEach((n, i) => {
      const path = `findings[${i}]`;
      checker.text(n, 'title', path, true, TEXT_LIMITS.findingTitle);
      checker.text(n, 'statement', path, false, TEXT_LIMITS.findingStatement);
      for (const key of ['manifestation', 'notPeculiar', 'prevalence', 'significance'])
        checker.text(n, key, path, false, TEXT_LIMITS.findingPart);
      checker.oneOf(n, 'category', path, FINDING_CATEGORIES);
      if (n.effect !== undefined) checker.oneOf(n, 'effect', path, PATTERN_EFFECTS);
      this.checkQuestions(n, path, checker);
      this.checkReferences(n, path, checker);
      checker.pointAll(n, 'episodes', 'episode', path);
      checker.pointAll(n, 'factors', 'factor', path);
      checker.pointAll(n, 'events', 'event', path);
      if (n.answers !== undefined) checker.pointAll(n, 'answers', 'question', path);
      checker.themes(n, 'themes', path);
      this.checkComments(n, path, checker);
      checker.list(n, 'boardActions', path).forEach((a, j) => {
        const actionPath = `${path}.boardActions[${j}]`;
        checker.text(a, 'description', actionPath, true, TEXT_LIMITS.boardActionDescription);
        checker.text(a, 'droppedReason', actionPath, false, TEXT_LIMITS.droppedReason);
        checker.text(a, 'impactNote', actionPath, false, TEXT_LIMITS.impactNote);
        checker.oneOf(a, 'status', actionPath, BOARD_ACTION_STATUSES);
        checker.day(a, 'dueDate', actionPath);
        checker.pointsTo(a.owningAgency, 'agency', `${actionPath}.owningAgency`, true);
        if (
          a.status === 'DROPPED' &&
          (typeof a.droppedReason !== 'string' || !a.droppedReason.trim())
        ) {
          checker.problem(`${actionPath}.droppedReason`, 'a dropped action needs a reason');
        }
      });
    });
  }

  private checkReferences(n: Row, path: string, checker: BundleChecker): void {
    if (n.references === undefined) return;
    checker.list(n, 'references', path).forEach((r, j) => {
      const referencePath = `${path}.references[${j}]`;
      checker.oneOf(r, 'kind', referencePath, REFERENCE_KINDS);
      checker.text(r, 'citation', referencePath, true, TEXT_LIMITS.referenceCitation);
      checker.text(r, 'url', referencePath, false, TEXT_LIMITS.referenceUrl);
      if (typeof r.url === 'string' && !isWebAddress(r.url))
        checker.problem(`${referencePath}.url`, 'must be an http or https address');
      if (r.reviewId !== undefined && r.reviewId !== null && !isUuid(r.reviewId))
        checker.problem(`${referencePath}.reviewId`, 'must be an id or null');
    });
  }

  private checkComments(n: Row, path: string, checker: BundleChecker): void {
    if (n.comments === undefined) return;
    checker.list(n, 'comments', path).forEach((c, j) => {
      const commentPath = `${path}.comments[${j}]`;
      checker.text(c, 'author', commentPath, true, TEXT_LIMITS.personName);
      checker.text(c, 'body', commentPath, true, TEXT_LIMITS.commentBody);
      checker.text(c, 'resolvedBy', commentPath, false, TEXT_LIMITS.personName);
      if (!isTime(c.createdAt))
        checker.problem(`${commentPath}.createdAt`, 'must be a date and time (ISO 8601)');
      if (c.resolvedAt !== null && c.resolvedAt !== undefined && !isTime(c.resolvedAt))
        checker.problem(`${commentPath}.resolvedAt`, 'must be a date and time (ISO 8601) or null');
      if (Boolean(c.resolvedAt) !== Boolean(c.resolvedBy))
        checker.problem(`${commentPath}.resolvedBy`, 'goes with resolvedAt, and only with it');
    });
  }

  private checkQuestions(n: Row, path: string, checker: BundleChecker): void {
    if (
      n.questions !== undefined &&
      (!Array.isArray(n.questions) || n.questions.some((q) => typeof q !== 'string' || !q.trim()))
    ) {
      checker.problem(`${path}.questions`, 'must be a list of non-empty questions');
    } else if (n.questions !== undefined) {
      (n.questions as string[]).forEach((question, j) => {
        if (question.length > TEXT_LIMITS.findingQuestion)
          checker.problem(
            `${path}.questions[${j}]`,
            `must be at most ${TEXT_LIMITS.findingQuestion} characters long (it has ${question.length})`,
          );
      });
    }
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<FindingsBundleSection> {
    const rows = this.rows.in(transaction);
    const findings = await rows.findings(reviewId);
    const evidence = await rows.evidence(reviewId);
    const actions = await rows.boardActions(reviewId);
    const comments = await rows.comments(reviewId);
    const answers = await rows.answers(reviewId);
    const evidenceOf = (column: string, id: unknown, kind: string) =>
      linked(
        evidence.filter((x) => x[column]),
        'finding_id',
        column,
        id,
        refs.of(kind),
      );
    return {
      findings: findings.map((n, i) => ({
        ref: `n${i + 1}`,
        ordinal: n.ordinal as number,
        title: n.title as string,
        category: n.category as never,
        effect: n.effect as never,
        statement: n.statement as string | null,
        manifestation: n.manifestation as string | null,
        notPeculiar: n.notPeculiar as string | null,
        prevalence: n.prevalence as string | null,
        references: n.references as FindingReference[],
        significance: n.significance as string | null,
        questions: n.questions as string[],
        episodes: evidenceOf('episode_id', n.id, 'episode'),
        factors: evidenceOf('factor_id', n.id, 'factor'),
        events: evidenceOf('event_id', n.id, 'event'),
        answers: linked(answers, 'finding_id', 'question_id', n.id, refs.of('question')),
        themes: n.themeKeys as string[],
        boardActions: actions
          .filter((a) => a.findingId === n.id)
          .map((a) => ({
            description: a.description as string,
            owningAgency: refs.lookUp('agency', a.owningAgencyId),
            dueDate: a.dueDate as string | null,
            status: a.status as never,
            droppedReason: a.droppedReason as string | null,
            impactNote: a.impactNote as string | null,
          })),
        comments: comments
          .filter((c) => c.findingId === n.id)
          .map((c) => ({
            author: c.authorName as string,
            body: c.body as string,
            createdAt: (c.createdAt as Date).toISOString(),
            resolvedAt: c.resolvedAt ? (c.resolvedAt as Date).toISOString() : null,
            resolvedBy: c.resolvedBy as string | null,
          })),
      })),
    };
  }

  async write(
    transaction: Transaction,
    bundle: FindingsBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const rows = this.rows.in(transaction);
    const { reviewId } = target;
    const findingsInOrder = [...(bundle.findings ?? [])].sort(
      (a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0),
    );
    const findingProperties = [
      'reviewId',
      'ordinal',
      'title',
      'category',
      'effect',
      'statement',
      'manifestation',
      'notPeculiar',
      'prevalence',
      'references',
      'significance',
      'questions',
      'themeKeys',
    ] satisfies (keyof Finding)[];
    const findingIds = await rows.insertFindings(
      findingProperties,
      findingsInOrder.map((n, i) => [
        reviewId,
        i + 1,
        n.title.trim(),
        n.category,
        n.effect ?? 'MAKES_PROBLEMS_MORE_LIKELY',
        n.statement ?? null,
        n.manifestation ?? null,
        n.notPeculiar ?? null,
        n.prevalence ?? null,
        JSON.stringify(
          (n.references ?? []).map(({ kind, citation, url, reviewId }) => ({
            kind,
            citation: citation.trim(),
            url: url ?? null,
            reviewId: reviewId ?? null,
          })),
        ),
        n.significance ?? null,
        toArrayLiteral(n.questions ?? []),
        toArrayLiteral(n.themes ?? []),
      ]),
    );
    const { evidence, actions } = linksAndActions(findingsInOrder, findingIds, target);
    await rows.insertEvidence(evidence);
    const questions = target.refs.of('question');
    await rows.insertAnswers(
      findingsInOrder.flatMap((n, i) =>
        [...new Set(n.answers ?? [])].map((ref) => [findingIds[i], questions.get(ref)]),
      ),
    );
    const actionProperties = [
      'reviewId',
      'findingId',
      'description',
      'owningAgencyId',
      'dueDate',
      'status',
      'droppedReason',
      'impactNote',
      'createdAt',
    ] satisfies (keyof BoardAction)[];
    await rows.insertBoardActions(actionProperties, actions);
    const commentProperties = [
      'reviewId',
      'findingId',
      'authorName',
      'body',
      'createdAt',
      'resolvedAt',
      'resolvedBy',
    ] satisfies (keyof Comment)[];
    const comments = findingsInOrder.flatMap((n, i) =>
      (n.comments ?? []).map((c) => [
        reviewId,
        findingIds[i],
        c.author.trim(),
        c.body,
        new Date(c.createdAt),
        c.resolvedAt ? new Date(c.resolvedAt) : null,
        c.resolvedAt ? (c.resolvedBy ?? null) : null,
      ]),
    );
    await rows.insertComments(commentProperties, comments);
    target.counts.findings = findingIds.length;
    target.counts.boardActions = actions.length;
    target.counts.findingComments = comments.length;
  }
}

const isTime = (value: unknown) =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value));

const isUuid = (value: unknown) =>
  typeof value === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The evidence rows and board action rows of the findings, in the order the bundle gives them. */
function linksAndActions(
  findingsInOrder: FindingsBundleSection['findings'],
  findingIds: string[],
  target: BundleTarget,
): { evidence: unknown[][]; actions: unknown[][] } {
  const { reviewId, refs } = target;
  const [episodes, factors, events, agencies] = ['episode', 'factor', 'event', 'agency'].map(
    (kind) => refs.of(kind),
  );
  const evidence: unknown[][] = [];
  const actions: unknown[][] = [];
  findingsInOrder.forEach((n, i) => {
    const links = [
      ...[...new Set(n.episodes ?? [])].map((ref) => [episodes.get(ref), null, null]),
      ...[...new Set(n.factors ?? [])].map((ref) => [null, factors.get(ref), null]),
      ...[...new Set(n.events ?? [])].map((ref) => [null, null, events.get(ref)]),
    ];
    links.forEach((link, position) => evidence.push([findingIds[i], position + 1, ...link]));
    for (const a of n.boardActions ?? []) {
      actions.push([
        reviewId,
        findingIds[i],
        a.description.trim(),
        a.owningAgency ? agencies.get(a.owningAgency) : null,
        a.dueDate ?? null,
        a.status,
        a.droppedReason ?? null,
        a.impactNote ?? null,
        target.inOrder(actions.length),
      ]);
    }
  });
  return { evidence, actions };
}
