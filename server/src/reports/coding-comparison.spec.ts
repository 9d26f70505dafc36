import { compareCoding, kappaOf } from './coding-comparison';

describe('coding comparison (Cohen kappa over characters, as NVivo)', () => {
  // Two pages of 60 and 40 characters: N = 100.
  const pages = new Map([
    [1, 60],
    [2, 40],
  ]);

  it('gives kappa, agreement and the A-only and B-only characters on a hand-worked example', () => {
    // Key "neglect":
    //   A codes page 1 [10, 30) and page 2 [0, 10)            → 20 + 10 = 30 characters
    //   B codes page 1 [20, 40) and [25, 35) (overlapping)    → [20, 40) = 20 characters
    //   both = page 1 [20, 30) = 10; A only = 30 − 10 = 20; B only = 20 − 10 = 10;
    //   neither = 100 − 10 − 20 − 10 = 60
    //   po = (10 + 60) / 100 = 0.70
    //   pe = (30/100)(20/100) + (70/100)(80/100) = 0.06 + 0.56 = 0.62
    //   κ  = (0.70 − 0.62) / (1 − 0.62) = 0.08 / 0.38 = 0.210526…
    // Key "TOOLS": only A codes it, page 2 [0, 40): both 0, A only 40, B only 0, neither 60
    //   po = 0.60; pe = 0.40 · 0 + 0.60 · 1 = 0.60; κ = 0 / 0.40 = 0
    // Key "housing": nobody codes it: pe = 0 · 0 + 1 · 1 = 1 → κ = 1 (NVivo reports 1), 100 %.
    const a = [
      { pageNumber: 1, start: 10, end: 30, keys: ['neglect'] },
      { pageNumber: 2, start: 0, end: 10, keys: ['neglect'] },
      { pageNumber: 2, start: 0, end: 40, keys: ['TOOLS'] },
    ];
    const b = [
      { pageNumber: 1, start: 20, end: 40, keys: ['neglect'] },
      { pageNumber: 1, start: 25, end: 35, keys: ['neglect'] },
    ];
    const [neglect, tools, housing] = compareCoding(pages, a, b, ['neglect', 'TOOLS', 'housing']);
    expect(neglect).toMatchObject({ both: 10, aOnly: 20, bOnly: 10, neither: 60 });
    expect(neglect.kappa).toBeCloseTo(0.08 / 0.38, 10);
    expect(neglect.percentAgreement).toBeCloseTo(70, 10);
    expect(tools).toMatchObject({ both: 0, aOnly: 40, bOnly: 0, neither: 60, kappa: 0 });
    expect(tools.percentAgreement).toBeCloseTo(60, 10);
    expect(housing).toMatchObject({ both: 0, aOnly: 0, bOnly: 0, neither: 100, kappa: 1 });
    expect(housing.percentAgreement).toBe(100);
  });

  it('gives 1 when pe is 1 (both code every character) and when there is no text at all', () => {
    // both = 100, neither = 0: po = 1, pe = 1 · 1 + 0 · 0 = 1 → κ = 1 (not 0/0)
    expect(kappaOf(100, 0, 0, 0)).toBe(1);
    expect(kappaOf(0, 0, 0, 100)).toBe(1);
    expect(kappaOf(0, 0, 0, 0)).toBe(1);
    // Complete disagreement on half each: both 0, A 50, B 50, neither 0:
    // po = 0, pe = 0.5 · 0.5 + 0.5 · 0.5 = 0.5, κ = −0.5 / 0.5 = −1
    expect(kappaOf(0, 50, 50, 0)).toBe(-1);
  });
});
