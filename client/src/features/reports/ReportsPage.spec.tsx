import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Session, SessionProvider } from '../auth';
import { Batch } from './reports-api';
import { REPORTS } from './reports.graphql';
import { ReportsPage } from './ReportsPage';

const sessionAs = (role: string): Session => ({
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: 'u1', email: 'sam@analysis.org', displayName: 'Sam Analyst', role },
});

const report = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Report' as const,
  id,
  title,
  partnership: 'Northmoor SCP',
  publishedOn: '2021-03-14',
  pageCount: 42,
  textLayer: 'HAS_TEXT',
  status: 'UNCODED',
  ...extra,
});

const library = (reports: ReturnType<typeof report>[]) => ({
  request: { query: REPORTS, variables: { first: 100 } },
  result: {
    data: {
      reports: {
        __typename: 'ReportConnection' as const,
        totalCount: reports.length,
        edges: reports.map((node) => ({ __typename: 'ReportEdge' as const, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
      },
    },
  },
});

function renderPage(role: string, mocks: ReturnType<typeof library>[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <SessionProvider initial={sessionAs(role)}>
        <MemoryRouter>
          <ReportsPage />
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

const batch = (finished: boolean, files: Partial<Batch['files'][number]>[]): Batch => ({
  id: 'b1',
  finished,
  counts: {
    total: files.length,
    queued: files.filter((f) => f.state === 'QUEUED').length,
    extracting: files.filter((f) => f.state === 'EXTRACTING').length,
    done: files.filter((f) => f.state === 'DONE').length,
    failed: files.filter((f) => f.state === 'FAILED').length,
    duplicate: files.filter((f) => f.state === 'DUPLICATE').length,
  },
  files: files.map((f, i) => ({
    id: `f${i}`,
    fileName: 'x.pdf',
    state: 'QUEUED',
    reason: null,
    duplicateOf: null,
    reportId: null,
    pagesDone: 0,
    pageCount: null,
    ...f,
  })),
});

const json = (status: number, body: unknown) =>
  Promise.resolve({
    status,
    ok: status >= 200 && status < 300,
    json: () => Promise.resolve(body),
  } as unknown as Response);

describe('ReportsPage', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('says the library is empty, and offers a trainer no upload', async () => {
    renderPage('TRAINER', [library([])]);
    expect(await screen.findByRole('region', { name: 'No reports yet' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Bring reports in' })).not.toBeInTheDocument();
  });

  it('lists reports with their partnership, year, pages and status', async () => {
    renderPage('TRAINER', [
      library([
        report('r1', 'Child Q'),
        report('r2', 'A scanned report', {
          partnership: null,
          publishedOn: null,
          textLayer: 'NEEDS_OCR',
          pageCount: 3,
        }),
      ]),
    ]);
    const rows = within(await screen.findByRole('table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'TitlePartnershipYearPagesStatus',
      'Child QNorthmoor SCP202142Not coded',
      'A scanned report——3Needs OCR',
    ]);
  });

  it('sends an analyst’s files and catalogue and shows each file’s progress until the batch is done', async () => {
    const answers = [
      batch(false, [
        { fileName: 'child-q.pdf', state: 'EXTRACTING', pagesDone: 12, pageCount: 40 },
        {
          fileName: 'reports.zip/notes.txt',
          state: 'FAILED',
          reason: 'notes.txt is not a PDF or Word (.docx) document by its content.',
        },
      ]),
      batch(true, [
        { fileName: 'child-q.pdf', state: 'DONE', pagesDone: 40, pageCount: 40 },
        {
          fileName: 'reports.zip/notes.txt',
          state: 'FAILED',
          reason: 'notes.txt is not a PDF or Word (.docx) document by its content.',
        },
        { fileName: 'again.pdf', state: 'DUPLICATE', duplicateOf: { id: 'r1', title: 'Child Q' } },
      ]),
    ];
    const sent: FormData[] = [];
    globalThis.fetch = jest.fn((input: string, init?: RequestInit) => {
      const url = input;
      if (url === '/api/reports') {
        sent.push(init?.body as FormData);
        return json(202, { batchId: 'b1' });
      }
      if (url === '/api/reports/batches/b1') return json(200, answers.shift() ?? answers[0]);
      throw new Error(`unexpected ${url}`);
    }) as unknown as typeof fetch;
    jest.useFakeTimers({ advanceTimers: true });
    try {
      renderPage('ANALYST', [library([]), library([report('r1', 'Child Q')])]);
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      await user.upload(screen.getByLabelText(/^Reports/), [
        new File(['%PDF-1.4'], 'child-q.pdf', { type: 'application/pdf' }),
        new File(['PK'], 'reports.zip', { type: 'application/zip' }),
      ]);
      await user.upload(
        screen.getByLabelText(/^Catalogue/),
        new File(['File name,Title\nchild-q.pdf,Child Q\n'], 'catalogue.csv', { type: 'text/csv' }),
      );
      await user.click(screen.getByRole('button', { name: 'Bring in' }));

      const progress = await screen.findByRole('region', { name: 'Upload progress' });
      expect(await within(progress).findByText('Reading: page 12 of 40')).toBeInTheDocument();
      expect(within(progress).getByText(/not a PDF or Word/)).toBeInTheDocument();
      expect(sent[0].getAll('file').map((f) => (f as File).name)).toEqual([
        'child-q.pdf',
        'reports.zip',
      ]);
      expect((sent[0].get('catalogue') as File).name).toBe('catalogue.csv');

      jest.advanceTimersByTime(1000);
      expect(await within(progress).findByText('Done: 40 pages')).toBeInTheDocument();
      expect(within(progress).getByText('Already in the library: Child Q')).toBeInTheDocument();
      expect(within(progress).getByRole('status')).toHaveTextContent(
        'Finished: 1 of 3 done, 1 already in the library, 1 failed.',
      );
      // The library is read again once the batch is finished.
      expect(await screen.findByRole('table')).toHaveTextContent('Child Q');
    } finally {
      jest.useRealTimers();
    }
  });
});
