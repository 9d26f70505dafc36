import { STARTER_THEMES } from '@scr/shared';
import { STARTER_THEME_ROWS } from './1763942500000-seed-starter-themes';

describe('the starter vocabulary', () => {
  it('is seeded by its migration exactly as the shared vocabulary lists it', () => {
    expect(STARTER_THEME_ROWS.map(([key, label, kind]) => ({ key, label, kind }))).toEqual(
      STARTER_THEMES,
    );
  });
});
