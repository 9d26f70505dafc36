import { groupFactorsByLevel } from './factor-grouping';

describe('groupFactorsByLevel', () => {
  it('puts every factor under its level, levels from the family outwards', () => {
    const groups = groupFactorsByLevel([
      { id: 'a', level: 'OWN_TEAM' as const },
      { id: 'b', level: 'FAMILY' as const },
      { id: 'c', level: 'OWN_TEAM' as const },
      { id: 'd', level: 'WIDER_CONTEXT' as const },
    ]);
    expect(groups.map((group) => group.level)).toEqual([
      'FAMILY',
      'PERSONAL',
      'ROLE',
      'CONDITIONS_OF_WORK',
      'OWN_TEAM',
      'INTER_AGENCY',
      'ORGANISATION',
      'WIDER_CONTEXT',
    ]);
    expect(groups[0]).toEqual({
      level: 'FAMILY',
      label: 'The family',
      factors: [{ id: 'b', level: 'FAMILY' }],
    });
    expect(groups[4].factors.map((factor) => factor.id)).toEqual(['a', 'c']);
    expect(groups[7].factors.map((factor) => factor.id)).toEqual(['d']);
    expect(groups[1].factors).toEqual([]);
  });
});
