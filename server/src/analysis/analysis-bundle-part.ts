import { Injectable } from '@nestjs/common';
import {
  FACTOR_LEVELS,
  FACTOR_TIERS,
  FactorLevelName,
  FactorTierName,
  PATTERN_EFFECTS,
  PatternEffectName,
  PRACTICE_APPRAISALS,
  PracticeAppraisalName,
  TEXT_LIMITS,
} from '@scr/shared';
import { BundleChecker } from '../common/bundle-checker';
import {
  BundlePart,
  BundleRefs,
  BundleTarget,
  linked,
  refsToIds,
  toArrayLiteral,
} from '../common/bundle-part';
import { Transaction } from '../database/unit-of-work';
import { AnalysisBundleRepository } from './analysis-bundle.repository';
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
    /** Absent from bundles made before it existed: those import with null. */
    explanation?: string | null;
  }[];
  factors: {
    ref: string;
    episode: string;
    level: FactorLevelName;
    /** Absent from older bundles: MAKES_PROBLEMS_MORE_LIKELY. */
    effect?: PatternEffectName;
    /** Absent from older bundles: FRONTLINE. */
    tier?: FactorTierName;
    description: string;
    themes: string[];
  }[];
}

/**
 * Key practice episodes, the events they span and their contributory factors, in and out of a
 * bundle.
 */
@Injectable()
export class AnalysisBundlePart implements BundlePart<AnalysisBundleSection> {
  constructor(private readonly rows: AnalysisBundleRepository) {}

  check(input: Record<string, unknown>, checker: BundleChecker): void {
    const episodes = checker.list(input, 'episodes', '');
    checker.refs(episodes, 'episodes', 'episode');
    episodes.forEach((k, i) => {
      const path = `episodes[${i}]`;
      checker.text(k, 'title', path, true, TEXT_LIMITS.episodeTitle);
      checker.text(k, 'summary', path, false, TEXT_LIMITS.episodeSummary);
      checker.text(k, 'viewFromTheTunnel', path, false, TEXT_LIMITS.viewFromTheTunnel);
      checker.text(k, 'appraisalNarrative', path, false, TEXT_LIMITS.appraisalNarrative);
      checker.text(k, 'explanation', path, false, TEXT_LIMITS.episodeExplanation);
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
      if (f.effect !== undefined) checker.oneOf(f, 'effect', path, PATTERN_EFFECTS);
      if (f.tier !== undefined) checker.oneOf(f, 'tier', path, FACTOR_TIERS);
      checker.text(f, 'description', path, true, TEXT_LIMITS.factorDescription);
      checker.themes(f, 'themes', path);
    });
  }

  async read(
    transaction: Transaction,
    reviewId: string,
    refs: BundleRefs,
  ): Promise<AnalysisBundleSection> {
    const rows = this.rows.in(transaction);
    const episodes = await rows.episodes(reviewId);
    const episodeEvents = await rows.episodeEvents(reviewId);
    const factors = await rows.factors(reviewId);
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
        explanation: k.explanation as string | null,
      })),
      factors: factors.map((f) => ({
        ref: factorRefs.get(f.id as string)!,
        episode: episodeRefs.get(f.episodeId as string)!,
        level: f.level as never,
        effect: f.effect as never,
        tier: f.tier as never,
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
    const rows = this.rows.in(transaction);
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
      'explanation',
    ] satisfies (keyof PracticeEpisode)[];
    const episodeIds = refs.put(
      'episode',
      refsToIds(
        episodesInOrder,
        await rows.insertEpisodes(
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
            k.explanation ?? null,
          ]),
        ),
      ),
    );
    const eventIds = refs.of('event');
    await rows.insertEpisodeEvents(
      episodesInOrder.flatMap((k) =>
        [...new Set(k.events ?? [])].map((e) => [episodeIds.get(k.ref), eventIds.get(e)]),
      ),
    );

    await this.writeFactors(rows, bundle, target);
    target.counts.episodes = episodesInOrder.length;
  }

  private async writeFactors(
    rows: AnalysisBundleRepository,
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
      'effect',
      'tier',
      'description',
      'themeKeys',
      'createdAt',
    ] satisfies (keyof ContributoryFactor)[];
    refs.put(
      'factor',
      refsToIds(
        factors,
        await rows.insertFactors(
          factorProperties,
          factors.map((f, i) => [
            reviewId,
            episodeIds.get(f.episode),
            f.level,
            f.effect ?? 'MAKES_PROBLEMS_MORE_LIKELY',
            f.tier ?? 'FRONTLINE',
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
