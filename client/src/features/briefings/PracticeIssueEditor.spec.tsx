import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { STANDARD_PRACTICE_QUESTIONS } from '@scr/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { formOf, inputOf, PracticeIssueEditor } from './PracticeIssueEditor';
import {
  FIND_FINDINGS,
  FIND_SIMILAR,
  LINK_FINDINGS,
  PRACTICE_ISSUE,
  UPDATE_PRACTICE_ISSUE,
} from './practice-issues.graphql';

const questions = STANDARD_PRACTICE_QUESTIONS.map((group) => ({
  __typename: 'PracticeQuestionGroup' as const,
  title: group.title,
  questions: [...group.questions],
}));

const stored = {
  __typename: 'PracticeIssue' as const,
  id: 'i1',
  setId: 's1',
  number: 1,
  title: 'Disagreement about use of early help assessment',
  statement: 'Agencies use the CAF because they have been told to',
  whatIsTheIssue: null,
  illustration: null,
  reasonsFromReviews: ['escalation procedures not being used'],
  practiceReasons: [
    {
      __typename: 'PracticeReason' as const,
      heading: 'Professional hierarchy',
      text: 'Professionals described difficulty.',
      quotes: [
        { __typename: 'PractitionerQuote' as const, text: 'It is hierarchy.', role: 'Named Nurse' },
      ],
    },
  ],
  solutions: [],
  questions,
  version: 3,
  set: { __typename: 'PracticeIssueSet' as const, id: 's1', title: 'Practice issues' },
  linkedFindings: [],
  printedDocument: JSON.stringify({ title: '1. Disagreement', blocks: [] }),
};

const issueQuery = (issue = stored) => ({
  request: { query: PRACTICE_ISSUE, variables: { id: 'i1' } },
  result: { data: { practiceIssue: issue } },
});

function renderEditor(mocks: MockedProviderProps['mocks']) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/briefings/issues/i1']}>
        <Routes>
          <Route path="/briefings/issues/:issueId" element={<PracticeIssueEditor />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the practice issue form', () => {
  it('keeps the three question groups, one item a line, and quotes by role', () => {
    const form = formOf(stored);
    expect(form.questions.map((group) => group.title)).toEqual([
      'Unpicking the issue',
      'Why do you think this happens in your local area?',
      'Thinking through the solutions',
    ]);
    const input = inputOf({
      ...form,
      solutions: 'one\n\n  two  \n',
      practiceReasons: [...form.practiceReasons, { heading: '', text: '  ', quotes: [] }],
    });
    expect(input.solutions).toEqual(['one', 'two']);
    expect(input.practiceReasons).toEqual([
      {
        heading: 'Professional hierarchy',
        text: 'Professionals described difficulty.',
        quotes: [{ text: 'It is hierarchy.', role: 'Named Nurse' }],
      },
    ]);
    expect(input.questions[2].questions).toHaveLength(7);
  });
});

describe('PracticeIssueEditor', () => {
  it('shows both versions when someone else saved the issue first', async () => {
    const mine = inputOf({ ...formOf(stored), statement: 'My statement' });
    const current = { ...stored, statement: 'Their statement', version: 4 };
    renderEditor([
      issueQuery(),
      {
        request: {
          query: UPDATE_PRACTICE_ISSUE,
          variables: { id: 'i1', expectedVersion: 3, input: mine },
        },
        result: {
          errors: [
            new GraphQLError('Someone else saved this practice issue first.', {
              extensions: { code: 'CONFLICT', currentVersion: 4, expectedVersion: 3, current },
            }),
          ],
        },
      },
    ]);
    const statement = await screen.findByLabelText('The issue in one line');
    await userEvent.clear(statement);
    await userEvent.type(statement, 'My statement');
    await userEvent.click(screen.getByRole('button', { name: 'Save the issue' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Someone else saved this practice issue first',
    });
    expect(within(dialog).getByText('My statement')).toBeInTheDocument();
    expect(within(dialog).getByText('Their statement')).toBeInTheDocument();
  });

  it('finds published findings and adds one to the issue', async () => {
    let linked = false;
    renderEditor([
      issueQuery(),
      {
        request: { query: FIND_FINDINGS, variables: { query: 'early help', first: 10 } },
        result: {
          data: {
            searchFindings: [
              {
                __typename: 'FindingHit' as const,
                snippet: 'The <mark>early</mark> <mark>help</mark> assessment',
                finding: {
                  __typename: 'CorpusFinding' as const,
                  id: 'f1',
                  title: 'CAF on advice',
                  reference: 'SCR-01',
                },
                review: {
                  __typename: 'CorpusReview' as const,
                  id: 'snap1',
                  title: 'Child A',
                  partnership: 'Northmoor',
                },
              },
            ],
          },
        },
      },
      {
        request: { query: LINK_FINDINGS, variables: { practiceIssueId: 'i1', findingIds: ['f1'] } },
        result: () => {
          linked = true;
          return { data: { linkFindings: { __typename: 'PracticeIssue' as const, id: 'i1' } } };
        },
      },
      issueQuery(),
    ]);
    await userEvent.type(
      await screen.findByLabelText('Words in the published findings'),
      'early help',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(await within(results).findByText('early')).toContainHTML('early');
    await userEvent.click(
      within(results).getByRole('button', { name: 'Add CAF on advice to this issue' }),
    );
    await waitFor(() => expect(linked).toBe(true));
  });
});

describe('downloading the practice issue', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('downloads the briefing as last saved, and not while the form has unsaved changes', async () => {
    const fetched: string[] = [];
    global.fetch = jest.fn(async (url: RequestInfo | URL) => {
      fetched.push(String(url));
      return new Response(JSON.stringify({ message: 'No browser to print PDFs.' }), {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    renderEditor([issueQuery()]);
    const downloads = await screen.findByRole('group', { name: 'Download this briefing' });
    expect(within(downloads).getByRole('button', { name: 'PDF' })).toBeEnabled();

    const statement = screen.getByLabelText('The issue in one line');
    await userEvent.type(statement, ' today');
    for (const button of within(downloads).getAllByRole('button')) expect(button).toBeDisabled();
    expect(downloads).toHaveAccessibleDescription(
      'Save your changes first: the downloads are the briefing as last saved.',
    );
    // Back to the saved text: nothing unsaved, the downloads are possible again.
    await userEvent.clear(statement);
    await userEvent.type(statement, stored.statement);
    expect(within(downloads).getByRole('button', { name: 'Word (.docx)' })).toBeEnabled();

    await userEvent.click(within(downloads).getByRole('button', { name: 'PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The download failed (503): No browser to print PDFs.',
    );
    expect(fetched).toEqual(['/api/practice-issues/i1/briefing.pdf']);
  });
});

describe('more like a linked finding', () => {
  it('finds the findings like one the issue draws on and adds one', async () => {
    const withLinked = {
      ...stored,
      linkedFindings: [
        {
          __typename: 'LinkedFinding' as const,
          finding: {
            __typename: 'CorpusFinding' as const,
            id: 'f1',
            title: 'CAF on advice',
            reference: 'SCR-01',
            category: 'INNATE_HUMAN_BIASES',
            statement: 'A CAF was started on advice.',
          },
          reviewTitle: 'Child A',
          stale: false,
        },
      ],
    } as unknown as typeof stored;
    let linked = false;
    renderEditor([
      issueQuery(withLinked),
      {
        request: { query: FIND_SIMILAR, variables: { findingId: 'f1', first: 5 } },
        result: {
          data: {
            similarFindings: [
              {
                __typename: 'FindingHit' as const,
                snippet: 'Advised to start an early help assessment',
                finding: {
                  __typename: 'CorpusFinding' as const,
                  id: 'f2',
                  title: 'Early help instead of a referral',
                  reference: 'SCR-07',
                },
                review: {
                  __typename: 'CorpusReview' as const,
                  id: 'snap7',
                  title: 'Child G',
                  partnership: 'Eastvale',
                },
              },
            ],
          },
        },
      },
      {
        request: { query: LINK_FINDINGS, variables: { practiceIssueId: 'i1', findingIds: ['f2'] } },
        result: () => {
          linked = true;
          return { data: { linkFindings: { __typename: 'PracticeIssue' as const, id: 'i1' } } };
        },
      },
      issueQuery(withLinked),
    ]);
    const drawnOn = await screen.findByRole('region', { name: 'Findings this issue draws on' });
    await userEvent.click(
      within(drawnOn).getByRole('button', { name: 'More findings like CAF on advice' }),
    );
    const like = await within(drawnOn).findByRole('region', {
      name: 'Findings like CAF on advice',
    });
    await userEvent.click(
      await within(like).findByRole('button', {
        name: 'Add Early help instead of a referral to this issue',
      }),
    );
    await waitFor(() => expect(linked).toBe(true));
  });
});
