import { drawnPercent, figureWords } from './figure-words';
import { heatmapValueWords } from './Heatmap';
import { prevalenceText } from './PrevalenceBars';
import { trendPointName, trendPointText } from './TrendChart';

describe('a figure in words', () => {
  it('says the count, what it is of and the percent to one decimal', () => {
    expect(figureWords(3, 10, 30)).toBe('3 of 10 reviews, 30.0%');
    expect(figureWords(1, 1, 100)).toBe('1 of 1 review, 100.0%');
  });

  it('says there is nothing to count, never NaN%, when a figure is of no reviews', () => {
    expect(figureWords(0, 0, 0)).toBe('no reviews to count');
    expect(figureWords(0, 0, Number.NaN)).toBe('no reviews to count');
    expect(prevalenceText({ count: 0, percent: Number.NaN }, 0)).toBe('no reviews to count');
    expect(heatmapValueWords({ count: 0, denominator: 0, percent: 0 })).toBe('no reviews to count');
    expect(trendPointText({ year: 2021, count: 0, denominator: 0, percent: Number.NaN })).toBe(
      '2021: no reviews to count',
    );
    expect(drawnPercent(Number.NaN)).toBe(0);
    expect(drawnPercent(140)).toBe(100);
    expect(drawnPercent(-1)).toBe(0);
    expect(drawnPercent(37.5)).toBe(37.5);
  });
});

describe('a trend point as a button', () => {
  it('is named beginning with the figure written beside it, then in words', () => {
    expect(trendPointName({ year: 2024, count: 6, denominator: 8, percent: 75 })).toBe(
      '6/8 in 2024: 6 of 8 reviews, 75.0%. Show the reviews',
    );
    expect(trendPointName({ year: 2021, count: 0, denominator: 0, percent: 0 })).toBe(
      '2021: no reviews to count. Show the reviews',
    );
  });
});
