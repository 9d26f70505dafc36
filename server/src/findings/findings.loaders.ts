import { Injectable } from '@nestjs/common';
import { FINDING_CATEGORY_DESCRIPTIONS, OPEN_BOARD_ACTION_STATUSES } from '@scr/shared';
import DataLoader from 'dataloader';
import { TimelineEvent } from '../chronology/timeline-event.entity';
import {
  groupBy,
  indexById,
  listLoader,
  LoaderContribution,
  RequestLoaders,
  RequestLoadersFactory,
} from '../common/request-loaders';
import { today } from '../common/today';
import { BoardAction } from './board-action.entity';
import { Finding } from './finding.entity';
import { FindingsRepository } from './findings.repository';

export interface EvidenceRow {
  findingId: string;
  episodeId: string | null;
  factorId: string | null;
  /** The linked event itself, read in the same statement as the links. */
  event: TimelineEvent | null;
}

/** The findings' members of every request's loaders. */
export interface FindingsLoaders {
  findingsByReview: DataLoader<string, Finding[]>;
  boardActionsByFinding: DataLoader<string, BoardAction[]>;
  evidenceByFinding: DataLoader<string, EvidenceRow[]>;
  /** The ids of the review questions each finding answers, in the questions' order. */
  answersByFinding: DataLoader<string, string[]>;
  /** Puts each finding's evidence, themes, category label and board actions on it. */
  withFindingDetails(findings: Finding[]): Promise<Finding[]>;
  /** Puts each board action's owning agency and whether it is overdue on it. */
  withActionDetails(actions: BoardAction[]): Promise<BoardAction[]>;
}

declare module '../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the findings' members
  interface RequestLoaders extends FindingsLoaders {}
}

@Injectable()
export class FindingsLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly findings: FindingsRepository,
  ) {
    factory.register(this);
  }

  loadersFor(loaders: RequestLoaders): FindingsLoaders {
    const withActionDetails = async (actions: BoardAction[]) => {
      const agencies = await loaders.agenciesOf(actions);
      const now = today();
      for (const action of actions) {
        action.owningAgency = action.owningAgencyId
          ? (agencies.get(action.owningAgencyId) ?? null)
          : null;
        action.overdue =
          action.dueDate !== null &&
          action.dueDate < now &&
          OPEN_BOARD_ACTION_STATUSES.includes(action.status);
      }
      return actions;
    };
    const evidenceByFinding = new DataLoader<string, EvidenceRow[]>(async (findingIds) => {
      const rows = await this.findings.evidenceOfFindings([...findingIds]);
      const evidence = rows.map(({ findingId, episodeId, factorId, ...event }) => ({
        findingId: findingId as string,
        episodeId: episodeId as string | null,
        factorId: factorId as string | null,
        event: event.id ? (event as unknown as TimelineEvent) : null,
      }));
      await loaders.withAgencies(evidence.flatMap((row) => (row.event ? [row.event] : [])));
      return groupBy(findingIds, evidence, (row) => row.findingId);
    });
    const boardActionsByFinding = listLoader(
      (ids) => this.findings.boardActionsOfFindings(ids),
      'findingId',
      { complete: withActionDetails },
    );
    const answersByFinding = new DataLoader<string, string[]>(async (findingIds) => {
      const rows = await this.findings.answersOfFindings([...findingIds]);
      return groupBy(findingIds, rows, (row) => row.findingId).map((own) =>
        own.map((row) => row.questionId),
      );
    });
    const withFindingDetails = async (findings: Finding[]) => {
      const ids = findings.map((finding) => finding.id);
      const reviewIds = [...new Set(findings.map((finding) => finding.reviewId))];
      const [evidence, actions, episodeLists, factorLists, vocabulary] = await Promise.all([
        evidenceByFinding.loadMany(ids),
        boardActionsByFinding.loadMany(ids),
        loaders.episodesByReview.loadMany(reviewIds),
        loaders.factorsByReview.loadMany(reviewIds),
        loaders.themes(),
      ]);
      const episodes = indexById(episodeLists);
      const factors = indexById(factorLists);
      findings.forEach((finding, i) => {
        const links = Array.isArray(evidence[i]) ? evidence[i] : [];
        finding.categoryLabel = FINDING_CATEGORY_DESCRIPTIONS[finding.category].label;
        finding.episodes = links.flatMap((link) =>
          link.episodeId && episodes.has(link.episodeId) ? [episodes.get(link.episodeId)!] : [],
        );
        finding.factors = links.flatMap((link) =>
          link.factorId && factors.has(link.factorId) ? [factors.get(link.factorId)!] : [],
        );
        finding.events = links.flatMap((link) => (link.event ? [link.event] : []));
        finding.themes = finding.themeKeys.flatMap((key) => vocabulary.get(key) ?? []);
        const own = actions[i];
        finding.boardActions = Array.isArray(own) ? own : [];
      });
      return findings;
    };
    return {
      findingsByReview: listLoader((ids) => this.findings.findingsOfReviews(ids), 'reviewId', {
        complete: withFindingDetails,
      }),
      boardActionsByFinding,
      evidenceByFinding,
      answersByFinding,
      withFindingDetails,
      withActionDetails,
    };
  }
}
