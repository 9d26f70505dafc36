import { FACTOR_LEVEL_LABELS, FACTOR_LEVELS, type FactorLevelName } from '@scr/shared';

export interface FactorLevelGroup<F> {
  level: FactorLevelName;
  label: string;
  factors: F[];
}

/**
 * The factors under SCIE's levels, from the family outwards, every level present so that the
 * review considers each one; within a level the factors keep the order they came in.
 */
export function groupFactorsByLevel<F extends { level: FactorLevelName }>(
  factors: readonly F[],
): FactorLevelGroup<F>[] {
  return FACTOR_LEVELS.map((level) => ({
    level,
    label: FACTOR_LEVEL_LABELS[level],
    factors: factors.filter((factor) => factor.level === level),
  }));
}
