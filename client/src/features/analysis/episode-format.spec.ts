import { countOf, episodeGaps, formatEpisodePeriod, kpeName } from './episode-format';

describe('episode formatting', () => {
  it('writes the period in words, one day alone, and says which end is missing', () => {
    expect(formatEpisodePeriod('2021-12-01', '2022-02-28')).toBe('1 Dec 2021 – 28 Feb 2022');
    expect(formatEpisodePeriod('2022-04-23', '2022-04-23')).toBe('23 Apr 2022');
    expect(formatEpisodePeriod('2022-04-23', null)).toBe('23 Apr 2022 – end not set');
    expect(formatEpisodePeriod(null, undefined)).toBe('');
  });

  it('lists what an episode lacks', () => {
    expect(
      episodeGaps({ appraisal: 'NOT_APPRAISED', viewFromTheTunnel: '  ', factors: [] }),
    ).toEqual(['not yet appraised', 'no view from the tunnel', 'no contributory factors']);
    expect(
      episodeGaps({ appraisal: 'GOOD', viewFromTheTunnel: 'She saw…', factors: [{}] }),
    ).toEqual([]);
  });

  it('counts and names', () => {
    expect(countOf(1, 'event')).toBe('1 event');
    expect(countOf(0, 'factor')).toBe('0 factors');
    expect(kpeName(3)).toBe('KPE 3');
  });
});
