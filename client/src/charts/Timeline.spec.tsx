import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Timeline, TimelineEpisode } from './Timeline';
import { TimelineItem } from './timeline-model';
import { REVIEW_ENDS, REVIEW_STARTS } from './timeline-review-period';

const POLICE = { id: 'p', name: 'Police' };

function item(id: string, occurredOn: string): TimelineItem {
  return {
    id,
    occurredOn,
    precision: 'DAY',
    sortDate: occurredOn,
    endDate: occurredOn,
    title: `Event ${id}`,
    agency: POLICE,
  };
}

function renderTimeline(
  items: TimelineItem[],
  episodes: TimelineEpisode[] = [],
  reviewPeriod: { start: string; end: string } | null = null,
) {
  return render(
    <MemoryRouter>
      <Timeline
        items={items}
        agencies={[POLICE]}
        episodes={episodes}
        episodeHref={(id) => `/episodes/${id}`}
        period={null}
        onPeriodChange={() => undefined}
        reviewPeriod={reviewPeriod}
      />
    </MemoryRouter>,
  );
}

const numberOf = (element: Element | null, attribute: string) =>
  Number(element?.getAttribute(attribute));

beforeAll(() => {
  // jsdom lays nothing out and draws nothing: the frame is given a width, the canvas no context.
  HTMLCanvasElement.prototype.getContext = () => null;
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => 1200,
  });
});

afterAll(() => {
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

describe('Timeline', () => {
  it('marks the period under review, with the time before and after it shaded', () => {
    const { container } = renderTimeline(
      [item('before', '2021-06-01'), item('inside', '2022-03-01'), item('after', '2023-11-01')],
      [],
      { start: '2021-09-01', end: '2023-08-31' },
    );
    const start = container.querySelector('.timeline__review-boundary--start');
    const end = container.querySelector('.timeline__review-boundary--end');
    expect(start).toHaveTextContent(REVIEW_STARTS);
    expect(end).toHaveTextContent(REVIEW_ENDS);
    const at = (g: Element | null) =>
      Number(/translate\(([-\d.]+),/.exec(g?.getAttribute('transform') ?? '')?.[1]);
    expect(at(start)).toBeGreaterThan(0);
    expect(at(end)).toBeGreaterThan(at(start));
    expect(at(end)).toBeLessThan(1200 - 200);
    const before = container.querySelector('.timeline__outside-review--before');
    const after = container.querySelector('.timeline__outside-review--after');
    expect(numberOf(before, 'x')).toBe(0);
    expect(Math.abs(numberOf(before, 'width') - at(start))).toBeLessThan(1);
    expect(Math.abs(numberOf(after, 'x') - at(end))).toBeLessThan(1);
    expect(screen.getByRole('application')).toHaveAccessibleName(
      expect.stringContaining('Period under review 1 Sept 2021 to 31 Aug 2023'),
    );
    expect(screen.getByRole('list', { name: 'Key to the marks' })).toHaveTextContent(
      'Outside the period under review',
    );
  });

  it('draws no mark of a period under review when the review gives none', () => {
    const { container } = renderTimeline([item('a', '2022-03-01')]);
    expect(container.querySelector('.timeline__review-boundary')).toBeNull();
    expect(container.querySelector('.timeline__outside-review')).toBeNull();
    expect(screen.getByRole('list', { name: 'Key to the marks' })).not.toHaveTextContent(
      'Outside the period under review',
    );
  });

  it('puts the labels of overlapping episodes in rows of their own', () => {
    const { container } = renderTimeline(
      [item('a', '2022-01-01'), item('b', '2022-12-31')],
      [
        { id: 'k1', ordinal: 1, title: 'Long', startDate: '2022-01-01', endDate: '2022-08-31' },
        { id: 'k2', ordinal: 2, title: 'Inside', startDate: '2022-03-01', endDate: '2022-04-30' },
        { id: 'k3', ordinal: 3, title: 'Later', startDate: '2022-10-01', endDate: '2022-11-30' },
      ],
    );
    const top = (name: RegExp) => (screen.getByRole('link', { name }) as HTMLElement).style.top;
    expect(top(/^KPE 1 /)).toBe('3px');
    expect(top(/^KPE 2 /)).toBe('31px');
    expect(top(/^KPE 3 /)).toBe('3px');
    expect((container.querySelector('.timeline__episodes') as HTMLElement).style.height).toBe(
      '56px',
    );
  });

  it('labels the axis of a single event with distinct dates that tell the year', () => {
    const { container } = renderTimeline([item('only', '2023-06-03')]);
    const labels = Array.from(container.querySelectorAll('.timeline__axis .tick text')).map(
      (text) => text.textContent,
    );
    expect(labels.length).toBeGreaterThan(1);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toMatch(/^\d{1,2} (May|Jun) 2023$/);
  });
});
