/** Account-wide roles, as named in the public API contract. */
export const ROLES = ['ADMIN', 'REVIEWER', 'ANALYST', 'TRAINER'] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: 'Administrator',
  REVIEWER: 'Reviewer',
  ANALYST: 'National analyst',
  TRAINER: 'Trainer',
};
