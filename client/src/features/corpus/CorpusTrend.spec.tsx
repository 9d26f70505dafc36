import { MockedProviderProps } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { pngDrawing } from '../../components/csv-download';
import { THEME_TREND } from './corpus-search.graphql';
import { NO_CORPUS_FILTERS } from './corpus-filters';
import { CorpusTrend } from './CorpusTrend';
import { renderWithServer, reviewsMock } from './corpus-spec-helpers';

const THEMES = [
  { key: 'domestic-abuse', kind: 'CASE_CHARACTERISTIC', label: 'Domestic abuse' },
  { key: 'drift', kind: 'PRACTICE_THEME', label: 'Drift and delay' },
];

const point = (year: number, key: string, count: number, denominator: number, percent: number) => ({
  __typename: 'TrendPoint' as const,
  year,
  key,
  count,
  denominator,
  percent,
});

function trend(keys: string[], by: string, result: object) {
  return {
    request: {
      query: THEME_TREND,
      variables: { filter: { partnership: 'Northmoor' }, keys, by },
    },
    ...result,
  };
}

function renderTrend(mocks: MockedProviderProps['mocks']) {
  return renderWithServer(
    mocks,
    <CorpusTrend filters={{ ...NO_CORPUS_FILTERS, partnership: 'Northmoor' }} themes={THEMES} />,
  );
}

describe('the corpus trend', () => {
  afterEach(() => jest.restoreAllMocks());

  it('draws a focusable point per year with its count, denominator and percent, and counts by incident year when asked', async () => {
    const user = userEvent.setup();
    renderTrend([
      trend(['domestic-abuse'], 'PUBLICATION_YEAR', {
        result: {
          data: {
            themeTrend: [
              point(2024, 'domestic-abuse', 6, 8, 75),
              point(2023, 'domestic-abuse', 1, 4, 25),
            ],
          },
        },
      }),
      trend(['domestic-abuse'], 'INCIDENT_YEAR', {
        result: { data: { themeTrend: [point(2021, 'domestic-abuse', 2, 3, 66.667)] } },
      }),
    ]);
    const select = screen.getByLabelText('Case characteristic or category');
    expect(within(select).queryByRole('option', { name: 'Drift and delay' })).toBeNull();
    expect(
      within(select).getByRole('option', { name: '1. Patterns in human–tool operation' }),
    ).toBeInTheDocument();
    await user.selectOptions(select, 'domestic-abuse');

    const chart = await screen.findByRole('group', {
      name: 'Domestic abuse: reviews having it, by year published',
    });
    const points = within(chart).getAllByRole('button');
    expect(points.map((one) => one.getAttribute('aria-label'))).toEqual([
      '1/4 in 2023: 1 of 4 reviews, 25.0%. Show the reviews',
      '6/8 in 2024: 6 of 8 reviews, 75.0%. Show the reviews',
    ]);
    points.forEach((one) => expect(one).toHaveAttribute('tabindex', '0'));
    expect(within(chart).getByText('6/8')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Year of the incident' }));
    const byIncident = await screen.findByRole('group', {
      name: 'Domestic abuse: reviews having it, by year of the incident',
    });
    expect(
      within(byIncident).getByRole('button', {
        name: '2/3 in 2021: 2 of 3 reviews, 66.7%. Show the reviews',
      }),
    ).toHaveAttribute('tabindex', '0');
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:trend';
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Download the table (CSV)' }));
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]);
    });
    expect(csv).toBe('Year of the incident,Domestic abuse,Of reviews,Percent\r\n2021,2,3,66.7\r\n');
    expect(screen.getByRole('button', { name: 'Download the chart (SVG)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download the chart (PNG)' })).toBeInTheDocument();
  });

  it('lists the reviews behind a point chosen with Enter or a click: the key and that year', async () => {
    const user = userEvent.setup();
    renderTrend([
      trend(['domestic-abuse'], 'PUBLICATION_YEAR', {
        result: {
          data: {
            themeTrend: [
              point(2023, 'domestic-abuse', 1, 4, 25),
              point(2024, 'domestic-abuse', 6, 8, 75),
            ],
          },
        },
      }),
      reviewsMock(
        {
          partnership: 'Northmoor',
          themeKeys: ['domestic-abuse'],
          publishedFrom: '2024-01-01',
          publishedTo: '2024-12-31',
        },
        'Child D',
      ),
      trend(['TOOLS'], 'INCIDENT_YEAR', {
        result: { data: { themeTrend: [point(2021, 'TOOLS', 2, 3, 66.667)] } },
      }),
      reviewsMock(
        {
          partnership: 'Northmoor',
          categories: ['TOOLS'],
          incidentYearFrom: 2021,
          incidentYearTo: 2021,
        },
        'Child T',
      ),
    ]);
    await user.selectOptions(
      screen.getByLabelText('Case characteristic or category'),
      'domestic-abuse',
    );
    const point2024 = await screen.findByRole('button', {
      name: '6/8 in 2024: 6 of 8 reviews, 75.0%. Show the reviews',
    });
    expect(point2024).toHaveAttribute('tabindex', '0');
    point2024.focus();
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('table', {
      name: 'Published reviews behind “Domestic abuse, year published 2024”',
    });
    expect(within(list).getByRole('link', { name: 'Child D' })).toHaveAttribute(
      'href',
      '/reviews/r1',
    );
    expect(point2024).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('radio', { name: 'Year of the incident' }));
    await user.selectOptions(screen.getByLabelText('Case characteristic or category'), 'TOOLS');
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(
      await screen.findByRole('button', {
        name: '2/3 in 2021: 2 of 3 reviews, 66.7%. Show the reviews',
      }),
    );
    expect(
      await screen.findByRole('table', {
        name: 'Published reviews behind “1. Patterns in human–tool operation, year of the incident 2021”',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Child T' })).toBeInTheDocument();
  });

  it('saves the chart as a PNG, and says why when it cannot', async () => {
    const user = userEvent.setup();
    const rasterise = jest
      .spyOn(pngDrawing, 'rasterise')
      .mockResolvedValueOnce(new Blob(['png'], { type: 'image/png' }))
      .mockRejectedValueOnce(new Error('The chart could not be drawn as an image.'));
    URL.createObjectURL = jest.fn(() => 'blob:png');
    URL.revokeObjectURL = jest.fn();
    const saved: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    renderTrend([
      trend(['domestic-abuse'], 'PUBLICATION_YEAR', {
        result: { data: { themeTrend: [point(2024, 'domestic-abuse', 6, 8, 75)] } },
      }),
    ]);
    await user.selectOptions(
      screen.getByLabelText('Case characteristic or category'),
      'domestic-abuse',
    );
    const png = await screen.findByRole('button', { name: 'Download the chart (PNG)' });
    await user.click(png);
    expect(saved).toEqual(['corpus-trend.png']);
    expect(rasterise).toHaveBeenCalledWith(expect.stringContaining('<svg'), 760, 300, 2);
    await user.click(png);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The chart could not be saved as a PNG: The chart could not be drawn as an image.',
    );
  });

  it('charts a typology category, and says so when no review has a year to count by', async () => {
    const user = userEvent.setup();
    renderTrend([trend(['TOOLS'], 'INCIDENT_YEAR', { result: { data: { themeTrend: [] } } })]);
    await user.click(screen.getByRole('radio', { name: 'Year of the incident' }));
    await user.selectOptions(screen.getByLabelText('Case characteristic or category'), 'TOOLS');
    expect(
      await screen.findByText(
        'No reviews to count by year of the incident (a review without an end to its period has none).',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /reviews having it/ })).toBeNull();
  });

  it('shows the server’s reason when the trend cannot be counted', async () => {
    const user = userEvent.setup();
    renderTrend([
      trend(['TOOLS'], 'PUBLICATION_YEAR', {
        result: { errors: [new GraphQLError('filter: publishedFrom is after publishedTo.')] },
      }),
    ]);
    await user.selectOptions(screen.getByLabelText('Case characteristic or category'), 'TOOLS');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The trend could not be counted: filter: publishedFrom is after publishedTo.',
    );
  });
});
