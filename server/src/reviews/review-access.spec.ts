import { Role } from '../users/user.entity';
import { capabilitiesFor, isPublished } from './review-access';

describe('capabilitiesFor', () => {
  it('lets an administrator do everything, member or not', () => {
    expect([...capabilitiesFor(Role.ADMIN, null, false)]).toEqual([
      'read',
      'readRealNames',
      'comment',
      'edit',
      'respond',
      'manage',
    ]);
  });

  it('makes a published review read-only for everyone, but for the response to its findings', () => {
    for (const [role, reviewRole] of [
      [Role.ADMIN, null],
      [Role.REVIEWER, 'LEAD_REVIEWER'],
      [Role.REVIEWER, 'REVIEW_TEAM'],
      [Role.REVIEWER, 'CASE_GROUP'],
    ] as const) {
      const published = capabilitiesFor(role, reviewRole, true);
      expect(published.has('edit')).toBe(false);
      expect(published.has('comment')).toBe(false);
      expect(published.has('read')).toBe(true);
    }
    expect(capabilitiesFor(Role.REVIEWER, 'REVIEW_TEAM', true).has('respond')).toBe(true);
    expect(capabilitiesFor(Role.REVIEWER, 'LEAD_REVIEWER', true).has('manage')).toBe(true);
  });

  it('gives the case group reading and comments, but no editing', () => {
    const caseGroup = capabilitiesFor(Role.REVIEWER, 'CASE_GROUP', false);
    expect(caseGroup.has('comment')).toBe(true);
    expect(caseGroup.has('edit')).toBe(false);
  });

  it('keeps a review in progress from analysts, and real names from them always', () => {
    expect(capabilitiesFor(Role.ANALYST, null, false).size).toBe(0);
    expect([...capabilitiesFor(Role.ANALYST, null, true)]).toEqual(['read']);
    expect([...capabilitiesFor(Role.TRAINER, null, true)]).toEqual(['read']);
  });

  it('gives a reviewer who is not a member nothing, even when published', () => {
    expect(capabilitiesFor(Role.REVIEWER, null, true).size).toBe(0);
  });

  it('caps analyst and trainer members to reading, whatever the membership row says', () => {
    for (const role of [Role.ANALYST, Role.TRAINER]) {
      for (const reviewRole of [
        'LEAD_REVIEWER',
        'REVIEW_TEAM',
        'CASE_GROUP',
        'OBSERVER',
      ] as const) {
        expect([...capabilitiesFor(role, reviewRole, false)]).toEqual(['read']);
      }
    }
  });

  it('decides published by the status alone', () => {
    expect(isPublished({ status: 'PUBLISHED' })).toBe(true);
    expect(isPublished({ status: 'DRAFTING', publishedAt: new Date() } as never)).toBe(false);
  });
});
