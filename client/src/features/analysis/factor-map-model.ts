import { plural } from '../../components/plural';
import {
  FACTOR_LEVEL_LABELS,
  FACTOR_LEVELS,
  FACTOR_TIER_LABELS,
  FACTOR_TIERS,
  PATTERN_EFFECT_SHORT_LABELS,
  PRACTICE_APPRAISAL_LABELS,
  type FactorTierName,
} from '@scr/shared';
import type { MapEdge, MapGroup, MapLegendEntry, MapNode } from '../../charts/FactorMap';
import type { FactorMapQuery } from '../../gql/graphql';

type Review = NonNullable<FactorMapQuery['review']>;

/** Okabe–Ito colours, one a level, in the framework's order from the family outwards. */
export const LEVEL_COLOURS: Record<(typeof FACTOR_LEVELS)[number], string> = {
  FAMILY: '#E69F00',
  PERSONAL: '#56B4E9',
  ROLE: '#009E73',
  CONDITIONS_OF_WORK: '#F0E442',
  OWN_TEAM: '#0072B2',
  INTER_AGENCY: '#D55E00',
  ORGANISATION: '#CC79A7',
  WIDER_CONTEXT: '#000000',
};

/** The first sentence of a text, enough for a screen reader to tell factors apart. */
export function firstSentence(text: string, limit = 160): string {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim();
  return sentence.length > limit ? `${sentence.slice(0, limit - 1).trimEnd()}…` : sentence;
}

/** Each tier's border on the map: the front line solid, local strategic dashed, national double. */
export const TIER_OUTLINES: Record<FactorTierName, NonNullable<MapNode['outline']>> = {
  FRONTLINE: 'solid',
  LOCAL_STRATEGIC: 'dashed',
  NATIONAL: 'double',
};

/** The key to the factors' marks and borders. */
export const FACTOR_MAP_LEGEND: MapLegendEntry[] = [
  { mark: { glyph: '+', tone: 'positive' }, label: 'Helped: supports good practice' },
  { mark: { glyph: '−', tone: 'negative' }, label: 'Hindered: makes problems more likely' },
  ...FACTOR_TIERS.map((tier) => ({
    outline: TIER_OUTLINES[tier],
    label: FACTOR_TIER_LABELS[tier],
  })),
];

export interface FactorMapModel {
  nodes: MapNode[];
  edges: MapEdge[];
  groups: MapGroup[];
  /** Factors no finding rests on yet. */
  unusedFactors: { id: string; episodeId: string; episodeOrdinal: number; description: string }[];
  /** Findings with neither an episode nor a factor as evidence. */
  unsupportedFindings: { id: string; ordinal: number; title: string }[];
}

/**
 * The review's evidence as a map: episodes, their contributory factors grouped by level, and the
 * findings that rest on them. Factors link to their episode; findings to each piece of evidence.
 */
export function buildFactorMap(review: Review, base: string): FactorMapModel {
  const supports = new Map<string, number>();
  for (const finding of review.findings) {
    for (const factor of finding.factors)
      supports.set(factor.id, (supports.get(factor.id) ?? 0) + 1);
    for (const episode of finding.episodes) {
      supports.set(episode.id, (supports.get(episode.id) ?? 0) + 1);
    }
  }
  const episodeIds = new Set(review.episodes.map((episode) => episode.id));
  const factors = review.episodes.flatMap((episode) =>
    episode.factors.map((factor) => ({ ...factor, episodeOrdinal: episode.ordinal })),
  );
  const factorIds = new Set(factors.map((factor) => factor.id));
  const factorEpisode = new Map(factors.map((factor) => [factor.id, factor.episodeId]));
  // Findings that rest on an episode through its factors count for the episode too.
  const findingsOfEpisode = (episodeId: string) =>
    review.findings.filter(
      (finding) =>
        finding.episodes.some((e) => e.id === episodeId) ||
        finding.factors.some((f) => factorEpisode.get(f.id) === episodeId),
    ).length;

  const episodeNodes: MapNode[] = review.episodes.map((episode) => {
    const findings = findingsOfEpisode(episode.id);
    return {
      id: episode.id,
      column: 0,
      kicker: `KPE ${episode.ordinal} · ${PRACTICE_APPRAISAL_LABELS[episode.appraisal]}`,
      title: episode.title,
      titleLines: 3,
      note: {
        text: `${plural(episode.factors.length, 'factor')} · ${plural(findings, 'finding')}`,
      },
      href: `${base}/episodes/${episode.id}`,
      labelPrefix: 'Key practice episode: ',
      caption: `KPE ${episode.ordinal} · ${PRACTICE_APPRAISAL_LABELS[episode.appraisal]}`,
    };
  });

  const levelOrder = (level: string) =>
    FACTOR_LEVELS.indexOf(level as (typeof FACTOR_LEVELS)[number]);
  const factorNodes: MapNode[] = [...factors]
    .sort((a, b) => levelOrder(a.level) - levelOrder(b.level))
    .map((factor) => {
      const count = supports.get(factor.id) ?? 0;
      const level = FACTOR_LEVEL_LABELS[factor.level];
      const helped = factor.effect === 'SUPPORTS_GOOD_PRACTICE';
      return {
        id: factor.id,
        column: 1,
        group: factor.level,
        kicker: `${PATTERN_EFFECT_SHORT_LABELS[factor.effect]} · ${FACTOR_TIER_LABELS[factor.tier]}`,
        mark: helped
          ? { glyph: '+', tone: 'positive' as const }
          : { glyph: '−', tone: 'negative' as const },
        outline: TIER_OUTLINES[factor.tier],
        title: factor.description,
        titleLines: 2,
        note: count
          ? { text: `KPE ${factor.episodeOrdinal} · supports ${plural(count, 'finding')}` }
          : { text: `KPE ${factor.episodeOrdinal} · supports no finding yet`, warning: true },
        href: `${base}/episodes/${factor.episodeId}`,
        labelPrefix: `Factor, level ${level}: `,
        caption: `Contributory factor · ${level} · KPE ${factor.episodeOrdinal}`,
      };
    });

  const findingNodes: MapNode[] = review.findings.map((finding) => {
    const evidenceFactors = finding.factors.filter((f) => factorIds.has(f.id)).length;
    const evidenceEpisodes = finding.episodes.filter((e) => episodeIds.has(e.id)).length;
    const evidence =
      evidenceFactors + evidenceEpisodes
        ? `rests on ${plural(evidenceFactors, 'factor')} and ${plural(evidenceEpisodes, 'episode')}`
        : 'rests on no evidence yet';
    return {
      id: finding.id,
      column: 2,
      kicker: `Finding ${finding.ordinal}`,
      title: finding.title,
      titleLines: 3,
      detail: finding.categoryLabel,
      note:
        evidenceFactors + evidenceEpisodes
          ? undefined
          : { text: 'Rests on no evidence yet', warning: true },
      href: `${base}/findings/${finding.id}`,
      labelSuffix: evidenceFactors + evidenceEpisodes ? `, ${evidence}` : undefined,
      caption: `Finding ${finding.ordinal} · ${finding.categoryLabel}`,
    };
  });

  const edges: MapEdge[] = [
    ...factors.map((factor) => ({ source: factor.episodeId, target: factor.id })),
    ...review.findings.flatMap((finding) => [
      ...finding.factors
        .filter((factor) => factorIds.has(factor.id))
        .map((factor) => ({ source: factor.id, target: finding.id })),
      // Through its factors a finding already leads back to their episode: a line of its own
      // is drawn only to an episode the finding rests on without any of its factors.
      ...finding.episodes
        .filter(
          (episode) =>
            episodeIds.has(episode.id) &&
            !finding.factors.some((f) => factorEpisode.get(f.id) === episode.id),
        )
        .map((episode) => ({ source: episode.id, target: finding.id, dashed: true })),
    ]),
  ];

  const levelsPresent = new Set(factors.map((factor) => factor.level));
  return {
    nodes: [...episodeNodes, ...factorNodes, ...findingNodes],
    edges,
    groups: FACTOR_LEVELS.filter((level) => levelsPresent.has(level)).map((level) => ({
      key: level,
      label: FACTOR_LEVEL_LABELS[level],
      colour: LEVEL_COLOURS[level],
    })),
    unusedFactors: factors
      .filter((factor) => !supports.get(factor.id))
      .map(({ id, episodeId, episodeOrdinal, description }) => ({
        id,
        episodeId,
        episodeOrdinal,
        description,
      })),
    unsupportedFindings: review.findings
      .filter((finding) => !finding.factors.length && !finding.episodes.length)
      .map(({ id, ordinal, title }) => ({ id, ordinal, title })),
  };
}
