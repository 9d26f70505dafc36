import { Injectable } from '@nestjs/common';
import {
  FACTOR_LEVELS,
  FactorLevelName,
  PRACTICE_APPRAISALS,
  PracticeAppraisalName,
  TEXT_LIMITS,
} from '@scr/shared';
import { BundleChecker } from '../common/bundle-checker';
import {
  BundlePart,
  BundleRefs,
  BundleTarget,
  insertColumns,
  insertRows,
  linked,
  refsToIds,
  toArrayLiteral,
} from '../common/bundle-part';
import { allColumns } from '../database/entity-columns';
import { EntityManager } from 'typeorm';
import { managerOf, Transaction } from '../database/unit-of-work';
import { ContributoryFactor } from './contributory-factor.entity';
import { PracticeEpisode } from './practice-episode.entity';

/** The analysis's sections of a bundle (docs/bundle-format.md). */
export interface AnalysisBundleSection {
  episodes: {
    ref: string;
    ordinal: number;
    title: string;
    summary: string | null;
    startDate: string | null;
    endDate: string | null;
    events: string[];
    viewFromTheTunnel: string | null;
    appraisal: PracticeAppraisalName;
    appraisalNarrative: string | null;
  }[];
  factors: {
    ref: string;
    episode: string;
    level: FactorLevelName;
    description: string;
    themes: string[];
  }[];
}

/**
 * Key practice episodes, the events they span and their contributory factors, in and out of a
 * bundle. It reads and writes through the transaction's manager until the analysis has
 * repositories of its own.
 */
@Injectable()
export class AnalysisBundlePart implements BundlePart<AnalysisBundleSection> {
  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const episodes = checker.list(input, 'episodes', '');
    checker.refs(episodes, 'episodes', 'episode');
    episodes.forEach((k, i) => {
      const path = `episodes[${i}]`;
      checker.text(k, 'title', path, true, TEXT_LIMITS.episodeTitle);
      checker.text(k, 'summary', path, false, TEXT_LIMITS.episodeSummary);
      checker.text(k, 'viewFromTheTunnel', path, false, TEXT_LIMITS.viewFromTheTunnel);
      checker.text(k, 'appraisalNarrative', path, false, TEXT_LIMITS.appraisalNarrative);
      checker.oneOf(k, 'appraisal', path, PRACTICE_APPRAISALS);
      checker.day(k, 'startDate', path);
      checker.day(k, 'endDate', path);
      checker.order(k, 'startDate', 'endDate', path);
      checker.pointAll(k, 'events', 'event', path);
    });

    const factors = checker.list(input, 'factors', '');
    checker.refs(factors, 'factors', 'factor');
    factors.forEach((f, i) => {
      const path = `factors[${i}]`;
      checker.pointsTo(f.episode, 'episode', `${path}.episode`);
      checker.oneOf(f, 'level', path, FACTOR_LEVELS);
      checker.text(f, 'description', path, true, TEXT_LIMITS.factorDescription);
      checker.themes(f, 'themes', path);
    });
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<AnalysisBundleSection> {
    const manager = managerOf(transaction);
    const episodes: Record<string, unknown>[] = await manager.query(
      `SELECT ${allColumns(manager, PracticeEpisode, 'k')} FROM practice_episode k WHERE k.review_id = $1 ORDER BY k.ordinal`,
      [reviewId],
    );
    const episodeEvents: Record<string, unknown>[] = await manager.query(
      `SELECT ee.* FROM episode_event ee JOIN practice_episode k ON k.id = ee.episode_id JOIN timeline_event e ON e.id = ee.event_id
       WHERE k.review_id = $1 ORDER BY e.sort_date, e.sequence`,
      [reviewId],
    );
    const factors: Record<string, unknown>[] = await manager.query(
      `SELECT ${allColumns(manager, ContributoryFactor, 'f')} FROM contributory_factor f JOIN practice_episode k ON k.id = f.episode_id
       WHERE f.review_id = $1 ORDER BY k.ordinal, f.level, f.created_at, f.id`,
      [reviewId],
    );
    const episodeRefs = refs.number('episode', 'k', episodes);
    const factorRefs = refs.number('factor', 'f', factors);
    return {
      episodes: episodes.map((k) => ({
        ref: episodeRefs.get(k.id as string)!,
        ordinal: k.ordinal as number,
        title: k.title as string,
        summary: k.summary as string | null,
        startDate: k.startDate as string | null,
        endDate: k.endDate as string | null,
        events: linked(episodeEvents, 'episode_id', 'event_id', k.id, refs.of('event')),
        viewFromTheTunnel: k.viewFromTheTunnel as string | null,
        appraisal: k.appraisal as never,
        appraisalNarrative: k.appraisalNarrative as string | null,
      })),
      factors: factors.map((f) => ({
        ref: factorRefs.get(f.id as string)!,
        episode: episodeRefs.get(f.episodeId as string)!,
        level: f.level as never,
        description: f.description as string,
        themes: f.themeKeys as string[],
      })),
    };
  }

  async write(
    transaction: Transaction,
    bundle: AnalysisBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const manager = managerOf(transaction);
    const { reviewId, refs } = target;
    const episodesInOrder = [...(bundle.episodes ?? [])].sort(
      (a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0),
    );
    const episodeProperties = [
      'reviewId',
      'ordinal',
      'title',
      'summary',
      'startDate',
      'endDate',
      'viewFromTheTunnel',
      'appraisal',
      'appraisalNarrative',
    ] satisfies (keyof PracticeEpisode)[];
    const episodeIds = refs.put(
      'episode',
      refsToIds(
        episodesInOrder,
        await insertRows(
          manager,
          PracticeEpisode,
          episodeProperties,
          episodesInOrder.map((k, i) => [
            reviewId,
            i + 1,
            k.title.trim(),
            k.summary ?? null,
            k.startDate ?? null,
            k.endDate ?? null,
            k.viewFromTheTunnel ?? null,
            k.appraisal,
            k.appraisalNarrative ?? null,
          ]),
        ),
      ),
    );
    const eventIds = refs.of('event');
    await insertColumns(
      manager,
      'episode_event',
      [
        ['episode_id', 'uuid'],
        ['event_id', 'uuid'],
      ],
      episodesInOrder.flatMap((k) =>
        [...new Set(k.events ?? [])].map((e) => [episodeIds.get(k.ref), eventIds.get(e)]),
      ),
    );

    await this.writeFactors(manager, bundle, target);
    target.counts.episodes = episodesInOrder.length;
  }

  private async writeFactors(
    manager: EntityManager,
    bundle: AnalysisBundleSection,
    target: BundleTarget,
  ): Promise<void> {
    const { reviewId, refs } = target;
    const episodeIds = refs.of('episode');
    const factors = bundle.factors ?? [];
    const factorProperties = [
      'reviewId',
      'episodeId',
      'level',
      'description',
      'themeKeys',
      'createdAt',
    ] satisfies (keyof ContributoryFactor)[];
    refs.put(
      'factor',
      refsToIds(
        factors,
        await insertRows(
          manager,
          ContributoryFactor,
          factorProperties,
          factors.map((f, i) => [
            reviewId,
            episodeIds.get(f.episode),
            f.level,
            f.description.trim(),
            toArrayLiteral(f.themes ?? []),
            target.inOrder(i),
          ]),
        ),
      ),
    );
    target.counts.factors = factors.length;
  }
}
