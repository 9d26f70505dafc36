import type { FactorMapQuery } from '../../gql/graphql';
import { buildFactorMap, FACTOR_MAP_LEGEND, firstSentence } from './factor-map-model';

type Review = NonNullable<FactorMapQuery['review']>;

const factor = (
  id: string,
  episodeId: string,
  level: 'FAMILY' | 'ROLE' | 'OWN_TEAM',
  effect: 'SUPPORTS_GOOD_PRACTICE' | 'MAKES_PROBLEMS_MORE_LIKELY' = 'MAKES_PROBLEMS_MORE_LIKELY',
  tier: 'FRONTLINE' | 'LOCAL_STRATEGIC' | 'NATIONAL' = 'FRONTLINE',
) => ({
  id,
  episodeId,
  level,
  effect,
  tier,
  description: `Factor ${id}. More detail follows.`,
});
const review: Review = {
  id: 'r1',
  episodes: [
    {
      id: 'e1',
      ordinal: 1,
      title: 'Health visiting response',
      appraisal: 'GOOD',
      factors: [
        factor('f1', 'e1', 'ROLE', 'SUPPORTS_GOOD_PRACTICE', 'LOCAL_STRATEGIC'),
        factor('f2', 'e1', 'FAMILY'),
      ],
    },
    {
      id: 'e2',
      ordinal: 2,
      title: 'The front-door decision',
      appraisal: 'BELOW_EXPECTED',
      factors: [factor('f3', 'e2', 'OWN_TEAM', 'MAKES_PROBLEMS_MORE_LIKELY', 'NATIONAL')],
    },
  ],
  findings: [
    {
      id: 'g1',
      ordinal: 1,
      title: 'Nobody holds the case',
      category: 'LONGER_TERM_WORK',
      categoryLabel: 'Multi-agency working in assessment and longer-term work',
      episodes: [{ id: 'e1' }, { id: 'e2' }],
      factors: [{ id: 'f1' }, { id: 'f2' }],
    },
    {
      id: 'g2',
      ordinal: 2,
      title: 'Each event judged on its own',
      category: 'HUMAN_REASONING',
      categoryLabel: 'Human judgement and reasoning',
      episodes: [],
      factors: [],
    },
  ],
};

describe('buildFactorMap', () => {
  const model = buildFactorMap(review, '/reviews/r1');

  it('links each factor to its episode and each finding to its evidence', () => {
    expect(model.edges).toEqual([
      { source: 'e1', target: 'f1' },
      { source: 'e1', target: 'f2' },
      { source: 'e2', target: 'f3' },
      { source: 'f1', target: 'g1' },
      { source: 'f2', target: 'g1' },
      // e1 is reached through its factors; e2 only directly, drawn dashed.
      { source: 'e2', target: 'g1', dashed: true },
    ]);
  });

  it('puts factors in the framework’s order of levels, each group named', () => {
    expect(model.nodes.filter((n) => n.column === 1).map((n) => n.id)).toEqual(['f2', 'f1', 'f3']);
    expect(model.groups.map((g) => g.label)).toEqual([
      'The family',
      'The role',
      "The practitioner's own team",
    ]);
  });

  it('names every node for a screen reader, with its level and what it supports', () => {
    const byId = Object.fromEntries(model.nodes.map((n) => [n.id, n]));
    expect(byId.f1.labelPrefix).toBe('Factor, level The role: ');
    expect(byId.f1.note).toEqual({ text: 'KPE 1 · supports 1 finding' });
    expect(byId.f3.note).toEqual({ text: 'KPE 2 · supports no finding yet', warning: true });
    expect(byId.g1.labelSuffix).toBe(', rests on 2 factors and 2 episodes');
    expect(byId.g2.note).toEqual({ text: 'Rests on no evidence yet', warning: true });
    expect(byId.e1.href).toBe('/reviews/r1/episodes/e1');
    expect(byId.f3.href).toBe('/reviews/r1/episodes/e2');
    expect(byId.g1.href).toBe('/reviews/r1/findings/g1');
  });

  it('marks each factor helped (+) or hindered (−) and its tier, in words as well', () => {
    const byId = Object.fromEntries(model.nodes.map((n) => [n.id, n]));
    expect(byId.f1).toMatchObject({
      kicker: 'Helped · Local strategic',
      mark: { glyph: '+', tone: 'positive' },
      outline: 'dashed',
    });
    expect(byId.f2).toMatchObject({
      kicker: 'Hindered · Frontline practice',
      mark: { glyph: '−', tone: 'negative' },
      outline: 'solid',
    });
    expect(byId.f3).toMatchObject({ kicker: 'Hindered · National', outline: 'double' });
    expect(byId.e1.mark).toBeUndefined();
    expect(FACTOR_MAP_LEGEND.map((entry) => entry.label)).toEqual([
      'Helped: supports good practice',
      'Hindered: makes problems more likely',
      'Frontline practice',
      'Local strategic',
      'National',
    ]);
  });

  it('lists the loose ends: factors supporting no finding, findings resting on nothing', () => {
    expect(model.unusedFactors.map((f) => f.id)).toEqual(['f3']);
    expect(model.unsupportedFindings).toEqual([
      { id: 'g2', ordinal: 2, title: 'Each event judged on its own' },
    ]);
  });
});

describe('firstSentence', () => {
  it('keeps the first sentence, shortened when long', () => {
    expect(firstSentence('The MASH post was vacant. Nobody asked health.')).toBe(
      'The MASH post was vacant.',
    );
    expect(firstSentence('a'.repeat(50), 20)).toBe(`${'a'.repeat(19)}…`);
  });
});
