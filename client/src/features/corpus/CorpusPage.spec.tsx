import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Session, SessionProvider } from '../auth';
import {
  CORPUS_COLLECTIONS,
  CORPUS_FIGURES,
  CORPUS_REVIEWS,
  CORPUS_THEMES,
} from './corpus.graphql';
import { CorpusPage } from './CorpusPage';

const sessionAs = (role: string): Session => ({
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: 'u1', email: 'sam@analysis.org', displayName: 'Sam Analyst', role },
});

const row = (key: string, label: string, count: number, percent: number) => ({
  __typename: 'PrevalenceRow' as const,
  key,
  label,
  count,
  percent,
});
const table = (denominator: number, rows: ReturnType<typeof row>[]) => ({
  __typename: 'PrevalenceTable' as const,
  denominator,
  rows,
});

const CATEGORIES = [
  ['TOOLS', '1. Patterns in human–tool operation'],
  ['RESPONSES', '2. Patterns in the management system'],
];

const themesMock = {
  request: { query: CORPUS_THEMES },
  result: {
    data: {
      themes: [
        {
          __typename: 'Theme' as const,
          key: 'domestic-abuse',
          kind: 'CASE_CHARACTERISTIC',
          label: 'Domestic abuse',
        },
        {
          __typename: 'Theme' as const,
          key: 'neglect',
          kind: 'CASE_CHARACTERISTIC',
          label: 'Neglect',
        },
        {
          __typename: 'Theme' as const,
          key: 'drift',
          kind: 'PRACTICE_THEME',
          label: 'Drift and delay',
        },
      ],
    },
  },
  maxUsageCount: 10,
};

const AUDIT_ROUND = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const collectionsMock = {
  request: { query: CORPUS_COLLECTIONS },
  result: {
    data: {
      collections: [
        {
          __typename: 'Collection' as const,
          id: AUDIT_ROUND,
          name: 'Audit round 2025',
          canAnalyse: true,
        },
        {
          __typename: 'Collection' as const,
          id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
          name: 'Adolescents at risk',
          canAnalyse: false,
        },
      ],
    },
  },
  maxUsageCount: 10,
};

function figures(filter: object | undefined, denominator: number) {
  const base = filter ?? {};
  return {
    request: {
      query: CORPUS_FIGURES,
      variables: {
        filter,
        good: { ...base, effects: ['SUPPORTS_GOOD_PRACTICE'] },
        problems: { ...base, effects: ['MAKES_PROBLEMS_MORE_LIKELY'] },
      },
    },
    result: {
      data: {
        characteristics: table(
          denominator,
          denominator
            ? [row('domestic-abuse', 'Domestic abuse', 31, 77.5), row('neglect', 'Neglect', 1, 2.5)]
            : [],
        ),
        goodPractice: table(
          denominator,
          CATEGORIES.map(([key, label], index) =>
            row(key, label, denominator ? 10 + index : 0, denominator ? 25 : 0),
          ),
        ),
        problems: table(
          denominator,
          CATEGORIES.map(([key, label], index) =>
            row(key, label, denominator ? 20 + index : 0, denominator ? 50 : 0),
          ),
        ),
      },
    },
    maxUsageCount: 10,
  };
}

function Address() {
  const location = useLocation();
  return <p data-testid="address">{location.search}</p>;
}

function renderCorpus(mocks: MockedProviderProps['mocks'], path = '/corpus', role = 'ANALYST') {
  return render(
    <MockedProvider mocks={[collectionsMock, ...(mocks ?? [])]}>
      <SessionProvider initial={sessionAs(role)}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/corpus"
              element={
                <>
                  <CorpusPage />
                  <Address />
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

describe('the corpus screen', () => {
  it('labels each bar with its count, the denominator and the percent to one decimal', async () => {
    renderCorpus([themesMock, figures(undefined, 40)]);
    const bar = await screen.findByRole('button', {
      name: 'Domestic abuse: 31 of 40 reviews, 77.5%. Show the reviews',
    });
    expect(bar).toHaveAttribute('tabindex', '0');
    expect(screen.getByText('31 of 40 reviews, 77.5%')).toBeInTheDocument();
    expect(screen.getByText('1 of 40 reviews, 2.5%')).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: '1. Patterns in human–tool operation, supports good practice: 10 of 40 reviews, 25.0%. Show the reviews',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: '1. Patterns in human–tool operation, makes problems more likely: 20 of 40 reviews, 50.0%. Show the reviews',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('40 published reviews in the corpus');
  });

  it('sends the filters in the address, themes with AND, OR and NOT as their own fields', async () => {
    const filter = {
      reviewTypes: ['RAPID_REVIEW'],
      publishedFrom: '2024-01-01',
      publishedTo: '2025-12-31',
      partnership: 'Northmoor',
      themeKeys: ['domestic-abuse', 'neglect'],
      anyThemeKeys: ['drift'],
      withoutThemeKeys: ['neglect-x'],
    };
    renderCorpus(
      [themesMock, figures(filter, 12)],
      '/corpus?type=RAPID_REVIEW&from=2024-01-01&to=2025-12-31&partnership=Northmoor&all=domestic-abuse&all=neglect&any=drift&not=neglect-x',
    );
    expect(await screen.findByText('31 of 12 reviews, 77.5%')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('12 published reviews match');
    expect(screen.getByLabelText('Published from')).toHaveValue('01/01/2024');
    expect(screen.getByRole('checkbox', { name: 'Rapid review' })).toBeChecked();
  });

  it('counts reviews, reports or both as the Sources boxes say, kept in the address', async () => {
    const user = userEvent.setup();
    renderCorpus([
      themesMock,
      figures(undefined, 40),
      figures({ sources: ['REVIEW'] }, 30),
      figures({ sources: ['REPORT'] }, 10),
    ]);
    await screen.findByText('31 of 40 reviews, 77.5%');
    const reviews = screen.getByRole('checkbox', { name: 'Reviews (published here)' });
    const reports = screen.getByRole('checkbox', { name: 'Reports (coded from the library)' });
    expect(reviews).toBeChecked();
    expect(reports).toBeChecked();
    await user.click(reports);
    expect(screen.getByTestId('address')).toHaveTextContent('?source=REVIEW');
    expect(await screen.findByText('31 of 30 reviews, 77.5%')).toBeInTheDocument();
    // The last source left cannot be taken away.
    expect(reviews).toBeDisabled();
    await user.click(reports);
    await user.click(reviews);
    expect(screen.getByTestId('address')).toHaveTextContent('?source=REPORT');
    expect(await screen.findByText('31 of 10 reviews, 77.5%')).toBeInTheDocument();
  });

  it('puts a chosen filter in the address and counts again', async () => {
    const user = userEvent.setup();
    renderCorpus([
      themesMock,
      figures(undefined, 40),
      figures({ themeKeys: ['domestic-abuse'] }, 31),
      figures({ themeKeys: ['domestic-abuse'], withoutThemeKeys: ['drift'] }, 20),
      figures(
        { themeKeys: ['domestic-abuse'], anyThemeKeys: ['neglect'], withoutThemeKeys: ['drift'] },
        5,
      ),
    ]);
    await screen.findByText('31 of 40 reviews, 77.5%');
    await screen.findAllByRole('option', { name: 'Drift and delay' });
    await user.selectOptions(screen.getByLabelText('All of these themes (AND)'), 'domestic-abuse');
    expect(screen.getByTestId('address')).toHaveTextContent('?all=domestic-abuse');
    expect(await screen.findByText('31 of 31 reviews, 77.5%')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('None of these themes (NOT)'), 'drift');
    expect(await screen.findByText('31 of 20 reviews, 77.5%')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Any of these themes (OR)'), 'neglect');
    expect(screen.getByTestId('address')).toHaveTextContent(
      '?all=domestic-abuse&any=neglect&not=drift',
    );
    expect(await screen.findByText('31 of 5 reviews, 77.5%')).toBeInTheDocument();
  });

  it('lists the reviews behind a bar chosen with Enter, each a review or a report, with their links', async () => {
    const user = userEvent.setup();
    const node = {
      __typename: 'CorpusReview' as const,
      id: 's1',
      reviewId: 'r1',
      source: 'REVIEW' as const,
      reportId: null,
      reference: 'DEMO-SYN-001',
      title: 'Child A',
      partnership: 'Northmoor',
      type: 'RAPID_REVIEW',
      publicationYear: 2024,
      currentlyPublished: true,
      readable: true,
    };
    renderCorpus(
      [
        themesMock,
        figures({ reviewTypes: ['RAPID_REVIEW'] }, 40),
        {
          request: {
            query: CORPUS_REVIEWS,
            variables: {
              filter: {
                reviewTypes: ['RAPID_REVIEW'],
                categories: ['TOOLS'],
                effects: ['MAKES_PROBLEMS_MORE_LIKELY'],
              },
              first: 200,
            },
          },
          result: {
            data: {
              corpusReviews: {
                __typename: 'CorpusReviewConnection' as const,
                totalCount: 2,
                edges: [
                  { __typename: 'CorpusReviewEdge' as const, node },
                  {
                    __typename: 'CorpusReviewEdge' as const,
                    node: {
                      ...node,
                      id: 'rep1',
                      reviewId: 'rep1',
                      source: 'REPORT' as const,
                      reportId: 'rep1',
                      reference: 'Child B report',
                      title: 'Child B report',
                      partnership: 'Eastvale',
                      publicationYear: 2023,
                      readable: false,
                    },
                  },
                ],
              },
            },
          },
        },
      ],
      '/corpus?type=RAPID_REVIEW',
    );
    const bar = await screen.findByRole('button', {
      name: /^1\. Patterns in human–tool operation, makes problems more likely: 20 of 40/,
    });
    bar.focus();
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('table', { name: /Published reviews behind/ });
    const cells = within(list)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'Review',
      'DEMO-SYN-001',
      'Child A',
      'Northmoor',
      'Rapid review',
      '2024',
      'Report',
      'Child B report',
      'Child B report',
      'Eastvale',
      'Rapid review',
      '2023',
    ]);
    expect(within(list).getByRole('link', { name: 'Child A' })).toHaveAttribute(
      'href',
      '/reviews/r1',
    );
    expect(bar).toHaveAttribute('aria-pressed', 'true');
  });

  it('names a review reopened for correction without a link to it', async () => {
    const user = userEvent.setup();
    const node = {
      __typename: 'CorpusReview' as const,
      id: 's1',
      reviewId: 'r1',
      source: 'REVIEW' as const,
      reportId: null,
      reference: 'DEMO-SYN-001',
      title: 'Child A',
      partnership: 'Northmoor',
      type: 'RAPID_REVIEW',
      publicationYear: 2024,
      currentlyPublished: true,
      readable: true,
    };
    const reopened = {
      ...node,
      id: 's2',
      reviewId: 'r2',
      reference: 'DEMO-SYN-002',
      title: 'Child B',
      currentlyPublished: false,
      readable: false,
    };
    renderCorpus(
      [
        themesMock,
        figures({ reviewTypes: ['RAPID_REVIEW'] }, 40),
        {
          request: {
            query: CORPUS_REVIEWS,
            variables: {
              filter: {
                reviewTypes: ['RAPID_REVIEW'],
                categories: ['TOOLS'],
                effects: ['MAKES_PROBLEMS_MORE_LIKELY'],
              },
              first: 200,
            },
          },
          result: {
            data: {
              corpusReviews: {
                __typename: 'CorpusReviewConnection' as const,
                totalCount: 2,
                edges: [
                  { __typename: 'CorpusReviewEdge' as const, node },
                  { __typename: 'CorpusReviewEdge' as const, node: reopened },
                ],
              },
            },
          },
        },
      ],
      '/corpus?type=RAPID_REVIEW',
    );
    const bar = await screen.findByRole('button', {
      name: /^1\. Patterns in human–tool operation, makes problems more likely: 20 of 40/,
    });
    bar.focus();
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('table', { name: /Published reviews behind/ });
    const rows = within(list).getAllByRole('row');
    expect(within(rows[1]).getByRole('link', { name: 'Child A' })).toHaveAttribute(
      'href',
      '/reviews/r1',
    );
    expect(within(rows[2]).queryByRole('link')).toBeNull();
    expect(rows[2]).toHaveTextContent('Child B (reopened for correction)');
    expect(bar).toHaveAttribute('aria-pressed', 'true');
  });

  it('says so when nothing is published at all', async () => {
    renderCorpus([themesMock, figures(undefined, 0)]);
    expect(
      await screen.findByRole('heading', { name: 'No published reviews yet' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
  });

  it('says so when the filters match no review, keeping the filters to widen', async () => {
    renderCorpus(
      [themesMock, figures({ partnership: 'Nowhere' }, 0)],
      '/corpus?partnership=Nowhere',
    );
    expect(
      await screen.findByRole('heading', { name: 'No published reviews match these filters' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('search')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Show the reviews/ })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: 'Download case × theme matrix' }),
    ).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('filters by a collection chosen by name, kept in the address', async () => {
    const user = userEvent.setup();
    renderCorpus([themesMock, figures(undefined, 40), figures({ collectionId: AUDIT_ROUND }, 7)]);
    await screen.findByText('31 of 40 reviews, 77.5%');
    const picker = screen.getByRole('combobox', { name: 'Collection' });
    await screen.findByRole('option', { name: 'Audit round 2025' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Any collection', 'Adolescents at risk', 'Audit round 2025']);
    await user.selectOptions(picker, 'Audit round 2025');
    expect(screen.getByTestId('address')).toHaveTextContent(`?collection=${AUDIT_ROUND}`);
    expect(await screen.findByText('31 of 7 reviews, 77.5%')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Collection' })).toHaveValue(AUDIT_ROUND);
  });

  it('counts a collection it may read whole as it is now, kept in the address as live=1', async () => {
    const user = userEvent.setup();
    renderCorpus([
      themesMock,
      figures(undefined, 40),
      figures({ collectionId: AUDIT_ROUND }, 7),
      figures({ collectionId: AUDIT_ROUND, live: true }, 4),
    ]);
    await screen.findByText('31 of 40 reviews, 77.5%');
    await screen.findByRole('option', { name: 'Audit round 2025' });
    expect(screen.queryByRole('checkbox', { name: /as they are now/ })).not.toBeInTheDocument();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Collection' }),
      'Adolescents at risk',
    );
    expect(screen.queryByRole('checkbox', { name: /as they are now/ })).not.toBeInTheDocument();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Collection' }),
      'Audit round 2025',
    );
    await screen.findByText('31 of 7 reviews, 77.5%');
    await user.click(screen.getByRole('checkbox', { name: /as they are now/ }));
    expect(screen.getByTestId('address')).toHaveTextContent(`?collection=${AUDIT_ROUND}&live=1`);
    expect(await screen.findByText('31 of 4 reviews, 77.5%')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      '4 reviews of the collection as it is now match',
    );
  });

  it('reads the collection from the address', async () => {
    renderCorpus(
      [themesMock, figures({ collectionId: AUDIT_ROUND, partnership: 'Northmoor' }, 7)],
      `/corpus?partnership=Northmoor&collection=${AUDIT_ROUND}`,
    );
    expect(await screen.findByText('31 of 7 reviews, 77.5%')).toBeInTheDocument();
    await screen.findByRole('option', { name: 'Audit round 2025' });
    expect(screen.getByRole('combobox', { name: 'Collection' })).toHaveValue(AUDIT_ROUND);
  });

  describe('the case × theme matrix download', () => {
    const realFetch = globalThis.fetch;
    afterEach(() => {
      globalThis.fetch = realFetch;
      jest.restoreAllMocks();
    });

    it('fetches the matrix of the filtered reviews with the token, saying it is preparing, and saves it', async () => {
      const user = userEvent.setup();
      let answer: (response: Response) => void = () => undefined;
      const fetchMock = jest.fn(
        (_url: string, _init?: RequestInit) =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
      );
      globalThis.fetch = fetchMock as unknown as typeof fetch;
      URL.createObjectURL = jest.fn(() => 'blob:matrix');
      URL.revokeObjectURL = jest.fn();
      const saved: string[] = [];
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        saved.push(this.download);
      });
      renderCorpus(
        [
          themesMock,
          figures(
            {
              reviewTypes: ['RAPID_REVIEW'],
              collectionId: AUDIT_ROUND,
              themeKeys: ['domestic-abuse', 'neglect'],
              withoutThemeKeys: ['drift'],
            },
            12,
          ),
        ],
        `/corpus?type=RAPID_REVIEW&collection=${AUDIT_ROUND}&all=domestic-abuse&all=neglect&not=drift`,
      );
      const matrix = await screen.findByRole('group', { name: 'Download case × theme matrix' });
      await user.click(
        within(matrix).getByRole('button', { name: 'Download the case × theme matrix (CSV)' }),
      );
      expect(fetchMock).toHaveBeenCalledWith(
        `/api/corpus/matrix.csv?reviewTypes=RAPID_REVIEW&collectionId=${AUDIT_ROUND}&themeKeys=domestic-abuse&themeKeys=neglect&withoutThemeKeys=drift`,
        { headers: { authorization: 'Bearer t' } },
      );
      expect(within(matrix).getByRole('status')).toHaveTextContent('Preparing the matrix (CSV)…');
      expect(
        within(matrix).getByRole('button', { name: 'Download the case × theme matrix (XLSX)' }),
      ).toBeDisabled();
      answer(
        new Response('reference,partnership,type,year\r\n', {
          headers: { 'content-disposition': 'attachment; filename="corpus-matrix.csv"' },
        }),
      );
      await waitFor(() => expect(saved).toEqual(['corpus-matrix.csv']));
      await waitFor(() => expect(within(matrix).queryByRole('status')).toBeNull());
    });

    it('says why when the matrix cannot be made', async () => {
      const user = userEvent.setup();
      globalThis.fetch = jest.fn(async () =>
        Response.json(
          { code: 'BAD_USER_INPUT', message: 'Unknown theme key: nonsense.' },
          { status: 400 },
        ),
      ) as unknown as typeof fetch;
      renderCorpus([themesMock, figures(undefined, 40)]);
      const matrix = await screen.findByRole('group', { name: 'Download case × theme matrix' });
      await user.click(
        within(matrix).getByRole('button', { name: 'Download the case × theme matrix (XLSX)' }),
      );
      expect(await within(matrix).findByRole('alert')).toHaveTextContent(
        'The matrix could not be downloaded: The download failed (400): Unknown theme key: nonsense.',
      );
      expect(globalThis.fetch).toHaveBeenCalledWith('/api/corpus/matrix.xlsx', expect.anything());
    });
  });

  it("shows the server's words when a theme is unknown", async () => {
    renderCorpus(
      [
        themesMock,
        {
          request: {
            query: CORPUS_FIGURES,
            variables: {
              filter: { themeKeys: ['nonsense'] },
              good: { themeKeys: ['nonsense'], effects: ['SUPPORTS_GOOD_PRACTICE'] },
              problems: { themeKeys: ['nonsense'], effects: ['MAKES_PROBLEMS_MORE_LIKELY'] },
            },
          },
          result: { errors: [new GraphQLError('Unknown theme: nonsense')] },
        },
      ],
      '/corpus?all=nonsense',
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Unknown theme: nonsense');
  });
});
