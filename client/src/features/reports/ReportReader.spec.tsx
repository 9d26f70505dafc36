import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Session, SessionProvider } from '../auth';
import { REPORT_READER, WITHDRAW_REPORT } from './reports.graphql';
import { ReportReader } from './ReportReader';

const report = (extra: Record<string, unknown> = {}) => ({
  __typename: 'Report' as const,
  id: 'r1',
  title: 'Child Q',
  partnership: 'Northmoor SCP',
  publishedOn: '2021-03-14',
  reviewType: 'Child Safeguarding Practice Review',
  methodology: 'Systems (SILP)',
  author: 'A. Reviewer',
  summary: 'Summary of Q',
  learning: 'Learning of Q',
  recommendations: 'Recs of Q',
  keywords: ['neglect', 'school'],
  fileName: 'child-q.pdf',
  mediaType: 'application/pdf',
  pageCount: 3,
  textLayer: 'HAS_TEXT',
  withdrawnAt: null,
  withdrawnReason: null,
  pages: [
    { __typename: 'ReportPage' as const, number: 1, text: 'Child Q lived with her mother.' },
    {
      __typename: 'ReportPage' as const,
      number: 2,
      text: 'Café 🙂 visits: the school raised a concern about neglect.',
    },
    { __typename: 'ReportPage' as const, number: 3, text: 'Learning for the partnership.' },
  ],
  ...extra,
});

const reading = (value: ReturnType<typeof report> | null) => ({
  request: { query: REPORT_READER, variables: { id: 'r1' } },
  result: { data: { report: value } },
});

const sessionAs = (role: string): Session => ({
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: { id: 'u1', email: 'sam@analysis.org', displayName: 'Sam', role },
});

function renderReader(
  value: ReturnType<typeof report> | null,
  at = '/reports/r1',
  role = 'ANALYST',
  more: { request: unknown; result: unknown }[] = [],
) {
  return render(
    <MockedProvider mocks={[reading(value), ...more] as never}>
      <SessionProvider initial={sessionAs(role)}>
        <MemoryRouter initialEntries={[at]}>
          <Routes>
            <Route path="/reports/:reportId" element={<ReportReader />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </MockedProvider>,
  );
}

const pageText = () => screen.getByRole('article').querySelector('.report-reader__text')!;

describe('ReportReader', () => {
  it('shows the text page by page beside the catalogue, and pages with buttons, keys and a jump', async () => {
    renderReader(report());
    expect(await screen.findByRole('heading', { name: 'Child Q' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Page 1' })).toHaveTextContent(
      'Child Q lived with her mother.',
    );
    const catalogue = screen.getByRole('complementary', { name: 'Catalogue' });
    for (const value of [
      'Northmoor SCP',
      '14 March 2021',
      'Child Safeguarding Practice Review',
      'Systems (SILP)',
      'A. Reviewer',
      'Summary of Q',
      'Learning of Q',
      'Recs of Q',
      'neglect, school',
    ])
      expect(within(catalogue).getByText(value)).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByRole('article', { name: 'Page 2' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('article', { name: 'Page 3' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.keyboard('{PageUp}');
    expect(screen.getByRole('article', { name: 'Page 2' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Go to page'), '1');
    // typing in the field does not turn the page
    await user.keyboard('{ArrowLeft}{ArrowRight}');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByRole('article', { name: 'Page 1' })).toBeInTheDocument();
  });

  it('opens at the page of a search hit with its words marked', async () => {
    renderReader(report(), '/reports/r1?page=2&hl=neglect&hl=school');
    const page = await screen.findByRole('article', { name: 'Page 2' });
    expect([...page.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'school',
      'neglect',
    ]);
    expect(pageText().textContent).toBe(
      'Café 🙂 visits: the school raised a concern about neglect.',
    );
  });

  it('reads out the passage selected on the page in code points', async () => {
    renderReader(report(), '/reports/r1?page=2&hl=school');
    await screen.findByRole('article', { name: 'Page 2' });
    const text = pageText();
    // From "visits" (after an astral character, two code units) into the marked word.
    const range = document.createRange();
    range.setStart(text.firstChild!, 'Café 🙂 '.length);
    range.setEnd(text.querySelector('mark')!.firstChild!, 3);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    fireEvent.mouseUp(text);
    expect(await screen.findByText('Selected: p. 2, characters 8–22')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /code/i })).not.toBeInTheDocument();
  });

  it('says when a PDF needs OCR, and shows administrators a withdrawn report as withdrawn', async () => {
    renderReader(
      report({
        textLayer: 'NEEDS_OCR',
        withdrawnAt: '2026-11-30T10:00:00.000Z',
        withdrawnReason: 'Names the child',
      }),
    );
    expect(await screen.findByRole('note')).toHaveTextContent('This PDF has no text layer');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Withdrawn on 30 November 2026: Names the child.',
    );
  });

  it('says so when there is no such report (or it is withdrawn, for all but administrators)', async () => {
    renderReader(null);
    expect(await screen.findByRole('heading', { name: 'Report not found' })).toBeInTheDocument();
  });

  it('lets an administrator, and no one else, withdraw the report with a reason', async () => {
    const withdrawing = {
      request: { query: WITHDRAW_REPORT, variables: { id: 'r1', reason: 'Names the child' } },
      result: {
        data: {
          withdrawReport: {
            __typename: 'Report' as const,
            id: 'r1',
            withdrawnAt: '2026-11-30T10:00:00.000Z',
            withdrawnReason: 'Names the child',
          },
        },
      },
    };
    const analyst = renderReader(report());
    await screen.findByRole('heading', { name: 'Child Q' });
    expect(screen.queryByRole('button', { name: 'Withdraw this report' })).not.toBeInTheDocument();
    analyst.unmount();

    renderReader(report(), '/reports/r1', 'ADMIN', [withdrawing]);
    const user = userEvent.setup();
    await user.type(
      await screen.findByLabelText(/Why it must leave the library/),
      'Names the child',
    );
    await user.click(screen.getByRole('button', { name: 'Withdraw this report' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Withdrawn on 30 November 2026: Names the child.',
    );
    expect(screen.queryByRole('button', { name: 'Withdraw this report' })).not.toBeInTheDocument();
  });
});
