import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { SEARCH_FINDINGS } from '../corpus';
import { SEARCH_REPORTS } from './reports.graphql';
import { hitLink, ReportSearch } from './ReportSearch';

const hit = (id: string, title: string, page: number, snippet: string) => ({
  __typename: 'ReportHit' as const,
  page,
  snippet,
  rank: 0.5,
  report: {
    __typename: 'Report' as const,
    id,
    title,
    partnership: 'Northmoor SCP',
    publishedOn: '2021-03-14',
  },
});

const searching = (
  query: string,
  filter: Record<string, unknown>,
  hits: ReturnType<typeof hit>[],
) => ({
  request: {
    query: SEARCH_REPORTS,
    variables: {
      query,
      filter: { partnership: null, year: null, reviewType: null, methodology: null, ...filter },
      first: 50,
    },
  },
  result: { data: { searchReports: hits } },
});

function renderSearch(mocks: { request: unknown; result: unknown }[]) {
  return render(
    <MockedProvider mocks={mocks as never}>
      <MemoryRouter>
        <ReportSearch />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('ReportSearch', () => {
  it('lists the matching pages with their snippets, linking to the reader at the page', async () => {
    renderSearch([
      searching('neglect', { year: 2021, methodology: 'Systems' }, [
        hit('r1', 'Child Q', 12, 'the school saw <mark>neglect</mark> &amp; &lt;b&gt;'),
        hit('r2', 'Child R', 3, '<mark>Neglected</mark> for years'),
      ]),
    ]);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Words to find'), 'neglect');
    await user.type(screen.getByLabelText('Year published'), '2021');
    await user.type(screen.getByLabelText('Methodology'), 'Systems');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Child Q, p. 12',
      'Child R, p. 3',
    ]);
    expect(within(items[0]).getByRole('link')).toHaveAttribute(
      'href',
      '/reports/r1?page=12&hl=neglect',
    );
    expect(items[0]).toHaveTextContent('the school saw neglect & <b>');
    expect(items[0].querySelector('mark')?.textContent).toBe('neglect');
    expect(items[0].querySelector('b')).toBeNull();
    expect(screen.getByText('2 pages for “neglect”')).toBeInTheDocument();
  });

  it('says plainly when nothing matches, as for a query of common words only', async () => {
    renderSearch([searching('the of', {}, [])]);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Words to find'), 'the of');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText(/No page matches “the of”/)).toHaveTextContent(
      'a search of only such words finds nothing',
    );
  });

  it('does not send a query longer than the server takes', async () => {
    renderSearch([]);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Words to find'));
    await user.paste('neglect '.repeat(70));
    expect(screen.getByRole('button', { name: 'Search' })).toBeDisabled();
    expect(screen.getByText(/at most 500 characters \(this one is 560\)/)).toBeInTheDocument();
  });

  it('marks every distinct word of the snippet on the page it opens', () => {
    expect(
      hitLink(
        'r1',
        4,
        '<mark>Strategy</mark> <mark>discussion</mark> … <mark>Strategy</mark> &amp;',
      ),
    ).toBe('/reports/r1?page=4&hl=Strategy&hl=discussion');
  });

  it('can include the findings of published reviews in the same search', async () => {
    const findings = {
      request: {
        query: SEARCH_FINDINGS,
        variables: { query: 'neglect', filter: { partnership: 'Northmoor SCP' }, first: 20 },
      },
      result: {
        data: {
          searchFindings: [
            {
              __typename: 'FindingHit' as const,
              rank: 0.4,
              snippet: 'Signs of <mark>neglect</mark> were missed',
              finding: {
                __typename: 'CorpusFinding' as const,
                id: 'f1',
                title: 'Neglect is normalised',
                category: 'INNATE_HUMAN_BIASES',
                reference: 'DEMO-1',
              },
              review: {
                __typename: 'CorpusReview' as const,
                id: 's1',
                reviewId: 'rv1',
                currentlyPublished: true,
                readable: false,
                reference: 'DEMO-1',
                title: 'Child D',
                partnership: 'Northmoor SCP',
                publicationYear: 2022,
              },
            },
          ],
        },
      },
    };
    renderSearch([
      searching('neglect', { partnership: 'Northmoor SCP' }, [
        hit('r1', 'Child Q', 12, '<mark>neglect</mark>'),
      ]),
      findings,
    ]);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Words to find'), 'neglect');
    await user.type(screen.getByLabelText('Partnership'), 'Northmoor SCP');
    await user.click(screen.getByLabelText('Include findings of published reviews'));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('link', { name: 'Child Q, p. 12' })).toBeInTheDocument();
    const region = await screen.findByRole('region', { name: 'Findings of published reviews' });
    expect(
      await within(region).findByRole('heading', { name: 'Neglect is normalised' }),
    ).toBeInTheDocument();
    expect(within(region).getByText('1 finding for “neglect”')).toBeInTheDocument();
  });
});
