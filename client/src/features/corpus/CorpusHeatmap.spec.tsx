import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CORPUS_CATEGORY_TREND } from './corpus-analysis.graphql';
import { NO_CORPUS_FILTERS } from './corpus-filters';
import { CorpusHeatmap } from './CorpusHeatmap';
import { renderWithServer, reviewsMock } from './corpus-spec-helpers';

const point = (year: number, key: string, count: number, denominator: number) => ({
  __typename: 'TrendPoint' as const,
  year,
  key,
  count,
  denominator,
  percent: (count / denominator) * 100,
});

function trendMock(filter: object | undefined, by: string, years: number[]) {
  return {
    request: { query: CORPUS_CATEGORY_TREND, variables: { filter, by } },
    result: {
      data: {
        categoryTrend: years.flatMap((year) => [
          point(year, 'HUMAN_REASONING', 2, 8),
          point(year, 'TOOLS', 3, 10),
        ]),
      },
    },
  };
}

describe('the typology categories by year', () => {
  it('has a row per category in SCIE’s order with its number, a column per year', async () => {
    renderWithServer(
      [trendMock(undefined, 'PUBLICATION_YEAR', [2023, 2024])],
      <CorpusHeatmap filters={NO_CORPUS_FILTERS} />,
    );
    const tools = await screen.findByRole('button', {
      name: '1. Patterns in human–tool operation, 2024: 3/10, 3 of 10 reviews, 30.0%. Show the reviews',
    });
    expect(tools).toHaveTextContent('3/10');
    expect(tools).toHaveAttribute('tabindex', '0');
    const chart = screen.getByRole('group', { name: /^Typology categories by year published/ });
    const names = within(chart)
      .getAllByRole('button')
      .map((cell) => cell.getAttribute('aria-label') ?? '');
    expect(names).toHaveLength(12);
    expect(
      names.filter((name) => name.includes(', 2023:')).map((name) => name.slice(0, 2)),
    ).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(names[1]).toMatch(/^1\. .*, 2024: /);
    expect(names[10]).toMatch(/^6\. .*, 2023: 2\/8, 2 of 8 reviews, 25\.0%/);
  });

  it('says so when no review has a year to count by, and writes a year without reviews as none', async () => {
    const user = userEvent.setup();
    renderWithServer(
      [
        {
          request: {
            query: CORPUS_CATEGORY_TREND,
            variables: { filter: undefined, by: 'PUBLICATION_YEAR' },
          },
          // A category missing from a year is drawn as no reviews, not as 0 of 0 or NaN%.
          result: { data: { categoryTrend: [point(2024, 'TOOLS', 3, 10)] } },
        },
        trendMock(undefined, 'INCIDENT_YEAR', []),
      ],
      <CorpusHeatmap filters={NO_CORPUS_FILTERS} />,
    );
    const missing = await screen.findByRole('button', {
      name: /^2\. .*, 2024: no reviews to count\. Show the reviews$/,
    });
    expect(missing).toHaveTextContent('–');
    expect(screen.getByRole('button', { name: 'Download the chart (PNG)' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN/);
    await user.click(screen.getByRole('radio', { name: 'Year of the incident' }));
    expect(
      await screen.findByText(
        'No reviews to count by year of the incident (a review without an end to its period has none).',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /^Typology categories by/ })).toBeNull();
  });

  it('counts by the year of the incident when chosen', async () => {
    const user = userEvent.setup();
    renderWithServer(
      [
        trendMock(undefined, 'PUBLICATION_YEAR', [2024]),
        trendMock(undefined, 'INCIDENT_YEAR', [2019, 2020]),
      ],
      <CorpusHeatmap filters={NO_CORPUS_FILTERS} />,
    );
    await screen.findByRole('button', { name: /^1\. .*, 2024: 3\/10, 3 of 10/ });
    await user.click(screen.getByRole('radio', { name: 'Year of the incident' }));
    expect(
      await screen.findByRole('button', { name: /^1\. .*, 2019: 3\/10, 3 of 10/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: /^Typology categories by year of the incident/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /, 2024:/ })).not.toBeInTheDocument();
  });

  it('lists the reviews of a cell: the category and its year of publication within the screen’s dates', async () => {
    const user = userEvent.setup();
    const filters = { ...NO_CORPUS_FILTERS, publishedFrom: '2024-03-01' };
    renderWithServer(
      [
        trendMock({ publishedFrom: '2024-03-01' }, 'PUBLICATION_YEAR', [2024]),
        reviewsMock({
          publishedFrom: '2024-03-01',
          publishedTo: '2024-12-31',
          categories: ['TOOLS'],
        }),
      ],
      <CorpusHeatmap filters={filters} />,
    );
    const cell = await screen.findByRole('button', { name: /^1\. .*, 2024: 3\/10, 3 of 10/ });
    cell.focus();
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('table', {
      name: 'Published reviews behind “1. Patterns in human–tool operation, year published 2024”',
    });
    expect(within(list).getByRole('link', { name: 'Child A' })).toBeInTheDocument();
    expect(cell).toHaveAttribute('aria-pressed', 'true');
  });

  it('lists the reviews of a cell by the year of the incident', async () => {
    const user = userEvent.setup();
    renderWithServer(
      [
        trendMock(undefined, 'PUBLICATION_YEAR', [2024]),
        trendMock(undefined, 'INCIDENT_YEAR', [2020]),
        reviewsMock({
          categories: ['HUMAN_REASONING'],
          incidentYearFrom: 2020,
          incidentYearTo: 2020,
        }),
      ],
      <CorpusHeatmap filters={NO_CORPUS_FILTERS} />,
    );
    await screen.findAllByRole('button', { name: /, 2024:/ });
    await user.click(screen.getByRole('radio', { name: 'Year of the incident' }));
    await user.click(await screen.findByRole('button', { name: /^6\. .*, 2020: 2\/8, 2 of 8/ }));
    expect(
      await screen.findByRole('table', {
        name: /^Published reviews behind “6\. .*, year of the incident 2020”$/,
      }),
    ).toBeInTheDocument();
  });
});
