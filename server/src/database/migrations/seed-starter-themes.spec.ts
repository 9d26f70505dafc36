import { STARTER_THEMES } from '@scr/shared';
import { STARTER_THEME_ROWS } from './1763942500000-seed-starter-themes';
import { ADOLESCENT_THEME_ROWS } from './1765500000000-adolescent-themes';

/** Every migration that seeds themes, oldest first; together they make the starter vocabulary. */
const SEEDED_ROWS = [STARTER_THEME_ROWS, ADOLESCENT_THEME_ROWS];

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

describe('the starter vocabulary', () => {
  it('is seeded by its migrations exactly as the shared vocabulary lists it', () => {
    const seeded = SEEDED_ROWS.flat().map(([key, label, kind]) => ({ key, label, kind }));
    expect(seeded.sort(byKey)).toEqual([...STARTER_THEMES].sort(byKey));
  });

  it('seeds each key once, in one migration only', () => {
    const keys = SEEDED_ROWS.flat().map(([key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has keys in kebab case, as the theme table requires', () => {
    for (const { key } of STARTER_THEMES) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has the themes published reviews about adolescents use', () => {
    const kindOf = (key: string) => STARTER_THEMES.find((theme) => theme.key === key)?.kind;
    for (const key of [
      'child-criminal-exploitation',
      'child-sexual-exploitation',
      'going-missing',
      'exclusion-from-school',
      'extra-familial-harm',
    ])
      expect([key, kindOf(key)]).toEqual([key, 'CASE_CHARACTERISTIC']);
    for (const key of ['transitional-safeguarding', 'contextual-safeguarding'])
      expect([key, kindOf(key)]).toEqual([key, 'PRACTICE_THEME']);
  });
});
