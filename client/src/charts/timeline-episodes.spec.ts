import { packEpisodeRows } from './timeline-episodes';

const DAY = 86_400_000;
const span = (fromDay: number, toDay: number) => ({ start: fromDay * DAY, end: toDay * DAY });

describe('packEpisodeRows', () => {
  it('keeps episodes that follow one another in one row', () => {
    expect(packEpisodeRows([span(0, 10), span(10, 20), span(30, 40)])).toEqual({
      rows: [0, 0, 0],
      count: 1,
    });
  });

  it('puts overlapping episodes in separate rows, and reuses a row once it is free', () => {
    const spans = [span(0, 30), span(10, 20), span(15, 40), span(25, 35), span(45, 50)];
    const { rows, count } = packEpisodeRows(spans);
    expect(rows).toEqual([0, 1, 2, 1, 0]);
    expect(count).toBe(3);
    // No two spans in one row overlap.
    for (let i = 0; i < spans.length; i += 1) {
      for (let j = i + 1; j < spans.length; j += 1) {
        if (rows[i] !== rows[j]) continue;
        expect(spans[i].end <= spans[j].start || spans[j].end <= spans[i].start).toBe(true);
      }
    }
  });

  it('packs in order of start whatever order the episodes come in', () => {
    expect(packEpisodeRows([span(15, 40), span(0, 30)]).rows).toEqual([1, 0]);
  });

  it('keeps a row for a short episode as long as its narrowest label reaches', () => {
    expect(packEpisodeRows([span(0, 1), span(2, 5)]).rows).toEqual([0, 0]);
    expect(packEpisodeRows([span(0, 1), span(2, 5)], 3 * DAY).rows).toEqual([0, 1]);
  });

  it('has one row when there is no episode', () => {
    expect(packEpisodeRows([])).toEqual({ rows: [], count: 1 });
  });
});
