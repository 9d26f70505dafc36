import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CORPUS_COOCCURRENCE } from './corpus-analysis.graphql';
import { mostCommon } from './corpus-analysis';
import { NO_CORPUS_FILTERS } from './corpus-filters';
import { CorpusCooccurrence } from './CorpusCooccurrence';
import { renderWithServer, reviewsMock } from './corpus-spec-helpers';

const characteristics = [
  { key: 'domestic-abuse', label: 'Domestic abuse', count: 31 },
  { key: 'neglect', label: 'Neglect', count: 24 },
  { key: 'mental-health', label: 'Parental mental health', count: 12 },
  { key: 'never', label: 'Never seen', count: 0 },
];

const cell = (a: string, b: string, count: number) => ({
  __typename: 'CooccurrenceCell' as const,
  a,
  b,
  count,
});

function cooccurrenceMock(filter: object | undefined) {
  return {
    request: {
      query: CORPUS_COOCCURRENCE,
      variables: { filter, themeKeys: ['domestic-abuse', 'neglect', 'mental-health'] },
    },
    result: {
      data: {
        themeCooccurrence: {
          __typename: 'CooccurrenceMatrix' as const,
          keys: ['domestic-abuse', 'neglect', 'mental-health'],
          cells: [
            cell('domestic-abuse', 'neglect', 18),
            cell('domestic-abuse', 'mental-health', 7),
            cell('neglect', 'mental-health', 3),
          ],
        },
      },
    },
  };
}

describe('the co-occurrence matrix of case characteristics', () => {
  it('takes the most common characteristics, none counted 0, at most eight', () => {
    const many = Array.from({ length: 10 }, (_, index) => ({ key: `k${index}`, count: index }));
    expect(mostCommon(many).map((row) => row.key)).toEqual([
      'k9',
      'k8',
      'k7',
      'k6',
      'k5',
      'k4',
      'k3',
      'k2',
    ]);
    expect(mostCommon(characteristics).map((row) => row.key)).toEqual([
      'domestic-abuse',
      'neglect',
      'mental-health',
    ]);
  });

  it('writes the count in each cell and names each cell in words, the diagonal with its own count', async () => {
    renderWithServer(
      [cooccurrenceMock(undefined)],
      <CorpusCooccurrence filters={NO_CORPUS_FILTERS} characteristics={characteristics} />,
    );
    const pair = await screen.findByRole('button', {
      name: 'Neglect and Domestic abuse: 18 reviews. Show the reviews',
    });
    expect(pair).toHaveAttribute('tabindex', '0');
    expect(pair).toHaveTextContent('18');
    expect(
      screen.getByRole('button', {
        name: 'Domestic abuse and Neglect: 18 reviews. Show the reviews',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Parental mental health and Neglect: 3 reviews. Show the reviews',
      }),
    ).toHaveTextContent('3');
    expect(
      screen.getByRole('button', { name: 'Domestic abuse: 31 reviews. Show the reviews' }),
    ).toHaveTextContent('31');
    const chart = screen.getByRole('group', {
      name: 'Case characteristics: reviews having both of each pair',
    });
    expect(within(chart).getAllByRole('button')).toHaveLength(9);
    expect(screen.queryByRole('button', { name: /Never seen/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download the matrix (SVG)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download the matrix (PNG)' })).toBeInTheDocument();
  });

  it('says there are no pairs when fewer than two characteristics occur', () => {
    const { unmount } = renderWithServer(
      [],
      <CorpusCooccurrence filters={NO_CORPUS_FILTERS} characteristics={characteristics.slice(3)} />,
    );
    expect(screen.getByRole('heading', { name: 'Case characteristics together' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      'No case characteristic occurs in these reviews, so there are no pairs to count.',
    );
    unmount();
    renderWithServer(
      [],
      <CorpusCooccurrence filters={NO_CORPUS_FILTERS} characteristics={characteristics.slice(2)} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Only one case characteristic occurs in these reviews, so there are no pairs to count.',
    );
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('lists the reviews having both, with the screen’s filter, for a cell chosen with Enter', async () => {
    const user = userEvent.setup();
    const filters = {
      ...NO_CORPUS_FILTERS,
      allThemes: ['domestic-abuse'],
      partnership: 'Northmoor',
    };
    renderWithServer(
      [
        cooccurrenceMock({ partnership: 'Northmoor', themeKeys: ['domestic-abuse'] }),
        reviewsMock({ partnership: 'Northmoor', themeKeys: ['domestic-abuse', 'neglect'] }),
      ],
      <CorpusCooccurrence filters={filters} characteristics={characteristics} />,
    );
    const pair = await screen.findByRole('button', {
      name: 'Neglect and Domestic abuse: 18 reviews. Show the reviews',
    });
    pair.focus();
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('table', {
      name: 'Published reviews behind “Neglect and Domestic abuse”',
    });
    expect(within(list).getByRole('link', { name: 'Child A' })).toHaveAttribute(
      'href',
      '/reviews/r1',
    );
    expect(pair).toHaveAttribute('aria-pressed', 'true');
  });
});
