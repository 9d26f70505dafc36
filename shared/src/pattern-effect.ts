/**
 * Whether a pattern (of a finding) or a contributory factor contributes to good practice or makes
 * problematic practice more likely, in SCIE's words. The GraphQL enum PatternEffect is built from
 * this.
 */
export const PATTERN_EFFECTS = ['SUPPORTS_GOOD_PRACTICE', 'MAKES_PROBLEMS_MORE_LIKELY'] as const;
export type PatternEffectName = (typeof PATTERN_EFFECTS)[number];

export const PATTERN_EFFECT_LABELS: Record<PatternEffectName, string> = {
  SUPPORTS_GOOD_PRACTICE: 'Contributes to good practice',
  MAKES_PROBLEMS_MORE_LIKELY: 'Makes problematic practice more likely',
};

/** In a word, for a factor: helped or hindered. */
export const PATTERN_EFFECT_SHORT_LABELS: Record<PatternEffectName, string> = {
  SUPPORTS_GOOD_PRACTICE: 'Helped',
  MAKES_PROBLEMS_MORE_LIKELY: 'Hindered',
};

/** The tiers of the Learning Together framework a contributory factor sits in. */
export const FACTOR_TIERS = ['FRONTLINE', 'LOCAL_STRATEGIC', 'NATIONAL'] as const;
export type FactorTierName = (typeof FACTOR_TIERS)[number];

export const FACTOR_TIER_LABELS: Record<FactorTierName, string> = {
  FRONTLINE: 'Frontline practice',
  LOCAL_STRATEGIC: 'Local strategic',
  NATIONAL: 'National',
};
