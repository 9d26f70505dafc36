import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { ReviewContext } from '../../app/review-context';
import {
  PUBLICATION_PREVIEW,
  PUBLISH_REVIEW,
  REOPEN_REVIEW,
  WITHDRAW_REVIEW,
} from './publication.graphql';
import {
  REVIEW_HOME,
  REVIEW_HOME_ADD_MEMBER,
  REVIEW_HOME_FIND_ACCOUNTS,
  REVIEW_HOME_UPDATE,
} from './review-home.graphql';
import { ReviewHome } from './ReviewHome';

const episode = (id: string, ordinal: number, title: string, overrides: object = {}) => ({
  __typename: 'PracticeEpisode' as const,
  id,
  ordinal,
  title,
  appraisal: 'BELOW_EXPECTED',
  viewFromTheTunnel: 'The screening social worker saw a single incident.',
  factors: [{ __typename: 'ContributoryFactor' as const, id: `${id}-factor` }],
  ...overrides,
});

const home = (overrides: object = {}) => ({
  __typename: 'Review' as const,
  id: 'r1',
  title: 'Child M',
  status: 'ANALYSIS',
  version: 4,
  summary: 'Child M was 20 months old when she was taken to hospital.',
  periodStart: '2021-09-01',
  periodEnd: '2023-08-31',
  publishedAt: null,
  publishedVersion: null,
  caseGroupSignedOffAt: '2026-01-05T10:00:00Z',
  caseGroupSignedOffBy: 'Lee Lead',
  agencies: [{ __typename: 'Agency' as const, id: 'a1' }],
  people: [],
  events: { __typename: 'TimelineEventConnection' as const, totalCount: 63 },
  episodes: [
    episode('e1', 1, 'The front-door decision'),
    episode('e2', 2, 'A house move and a bruise', { appraisal: 'NOT_APPRAISED', factors: [] }),
  ],
  findings: [],
  questions: [],
  members: [
    {
      __typename: 'ReviewMembership' as const,
      role: 'LEAD_REVIEWER',
      user: { __typename: 'User' as const, id: 'u1', displayName: 'Lee Lead', email: 'lee@p.org' },
    },
  ],
  overdueActions: [],
  ...overrides,
});

const homeQuery = (review: object) => ({
  request: { query: REVIEW_HOME, variables: { id: 'r1' } },
  result: { data: { review } },
});

const update = (expectedVersion: number, input: object, result: object) => ({
  request: { query: REVIEW_HOME_UPDATE, variables: { id: 'r1', expectedVersion, input } },
  result,
});

const updated = (fields: object) => ({
  data: {
    updateReview: {
      __typename: 'Review' as const,
      id: 'r1',
      summary: null,
      periodStart: '2021-09-01',
      periodEnd: '2023-08-31',
      ...fields,
    },
  },
});

function renderHome(
  mocks: MockedProviderProps['mocks'],
  capabilities = ['read', 'edit', 'respond'],
  isAdministrator = false,
) {
  const context = {
    review: { id: 'r1', myCapabilities: capabilities },
    canEdit: capabilities.includes('edit'),
    canReadRealNames: true,
    canRespond: capabilities.includes('respond'),
    isAdministrator,
  } as unknown as ReviewContext;
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/reviews/r1']}>
        <Routes>
          <Route path="/reviews/:reviewId" element={<Outlet context={context} />}>
            <Route index element={<ReviewHome />} />
            <Route path="episodes/:episodeId" element={<h1>Episode editor</h1>} />
            <Route path="findings/:findingId" element={<h1>Finding editor</h1>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

const stage = () => screen.getByRole('region', { name: 'Stage' });

describe('ReviewHome', () => {
  it('lists what is missing for the next stage, each linked to where it is done', async () => {
    renderHome([homeQuery(home())]);
    expect(await screen.findByText('Still missing for drafting (1)')).toBeInTheDocument();
    const link = within(stage()).getByRole('link', {
      name: 'Episode 2 “A house move and a bruise” needs an appraisal of the practice and at least one contributory factor.',
    });
    expect(link).toHaveAttribute('href', '/reviews/r1/episodes/e2');
    expect(within(stage()).getByRole('listitem', { current: 'step' })).toHaveTextContent(
      'Analysis',
    );

    await userEvent.click(link);
    expect(screen.getByRole('heading', { name: 'Episode editor' })).toBeInTheDocument();
  });

  it('asks before publication for a finding answering each review question, linked to the findings', async () => {
    renderHome([
      homeQuery(
        home({
          status: 'DRAFTING',
          episodes: [episode('e1', 1, 'The front-door decision')],
          questions: [
            {
              __typename: 'ReviewQuestion' as const,
              id: 'q1',
              ordinal: 1,
              text: 'Was the child seen?',
            },
          ],
        }),
      ),
    ]);
    const link = await within(await screen.findByRole('region', { name: 'Stage' })).findByRole(
      'link',
      { name: 'Review question 1 “Was the child seen?” needs a finding that answers it.' },
    );
    expect(link).toHaveAttribute('href', '/reviews/r1/findings');
  });

  it('moves on after a confirmation that lists what is missing and asks why', async () => {
    renderHome([
      homeQuery(home()),
      update(
        4,
        { status: 'DRAFTING', stageOverrideReason: 'The panel agreed to draft in parallel.' },
        updated({ status: 'DRAFTING', version: 5 }),
      ),
      homeQuery(home({ status: 'DRAFTING', version: 5 })),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Move on to drafting' }));

    const confirm = screen.getByRole('dialog', {
      name: 'Move on to drafting with one thing missing?',
    });
    expect(within(confirm).getByRole('listitem')).toHaveTextContent(
      'Episode 2 “A house move and a bruise” needs an appraisal',
    );
    const anyway = within(confirm).getByRole('button', { name: 'Move on to drafting anyway' });
    // The server keeps the reason in the audit trail and refuses the move without one.
    expect(anyway).toBeDisabled();
    await userEvent.type(
      within(confirm).getByRole('textbox', { name: 'Why move on now?' }),
      '  The panel agreed to draft in parallel.',
    );
    await userEvent.click(anyway);

    expect(await within(stage()).findByText('Still missing for publication (2)')).toBeVisible();
    expect(within(stage()).getByRole('listitem', { current: 'step' })).toHaveTextContent(
      'Drafting',
    );
  });

  it("asks for the case group's sign-off before drafting, linked to the case group's page", async () => {
    const unsigned = home({
      episodes: [episode('e1', 1, 'The front-door decision')],
      caseGroupSignedOffAt: null,
      caseGroupSignedOffBy: null,
    });
    renderHome([homeQuery(unsigned)]);
    expect(await screen.findByText('Still missing for drafting (1)')).toBeInTheDocument();
    expect(
      within(stage()).getByRole('link', {
        name: "The analysis needs the case group's sign-off.",
      }),
    ).toHaveAttribute('href', '/reviews/r1/comments');
  });

  it('stays in the stage when the reviewer decides not to move', async () => {
    renderHome([homeQuery(home())]);
    await userEvent.click(await screen.findByRole('button', { name: 'Move on to drafting' }));
    await userEvent.click(screen.getByRole('button', { name: 'Stay in analysis' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(stage()).getByRole('listitem', { current: 'step' })).toHaveTextContent(
      'Analysis',
    );
  });

  it('moves on at once when nothing is missing', async () => {
    const ready = home({ episodes: [episode('e1', 1, 'The front-door decision')] });
    renderHome([
      homeQuery(ready),
      update(4, { status: 'DRAFTING' }, updated({ status: 'DRAFTING', version: 5 })),
      homeQuery({ ...ready, status: 'DRAFTING', version: 5 }),
    ]);
    expect(await screen.findByText('Nothing is missing for drafting.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Move on to drafting' }));

    expect(await screen.findByRole('button', { name: 'Publish…' })).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows both versions when someone else changed the stage first', async () => {
    const ready = home({ episodes: [episode('e1', 1, 'The front-door decision')] });
    const conflict = {
      errors: [
        new GraphQLError('Someone else changed this review.', {
          extensions: {
            code: 'CONFLICT',
            currentVersion: 6,
            current: { status: 'ARCHIVED', summary: 'Changed' },
          },
        }),
      ],
    };
    renderHome([homeQuery(ready), update(4, { status: 'DRAFTING' }, conflict)]);
    await userEvent.click(await screen.findByRole('button', { name: 'Move on to drafting' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Someone else saved this review first',
    });
    const row = within(dialog).getByRole('row', { name: /Stage/ });
    expect(row).toHaveTextContent('Drafting');
    expect(row).toHaveTextContent('Archived');
  });

  it('opens the review’s details when what is missing is the period', async () => {
    renderHome([homeQuery(home({ status: 'SCOPING', periodEnd: null }))]);
    const item = await within(await screen.findByRole('region', { name: 'Stage' })).findByText(
      /The review needs the end of the period under review\./,
    );
    await userEvent.click(within(item).getByRole('button', { name: 'Set it in the details' }));
    expect(screen.getByLabelText('Summary')).toHaveFocus();
    expect(screen.getByLabelText('To')).toHaveValue('');
  });

  it('has no next stage once published', async () => {
    renderHome([homeQuery(home({ status: 'PUBLISHED', publishedAt: '2026-01-10T09:00:00Z' }))]);
    expect(
      await screen.findByText('The review is published; the board’s response follows.'),
    ).toBeInTheDocument();
    expect(within(stage()).getByRole('listitem', { current: 'step' })).toHaveTextContent(
      'Published',
    );
    expect(screen.queryByRole('button', { name: /Move on/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Still missing/)).not.toBeInTheDocument();
  });

  it('flags overdue board actions with a way to the board response', async () => {
    renderHome([
      homeQuery(
        home({
          overdueActions: [
            {
              __typename: 'BoardAction' as const,
              id: 'b1',
              description: 'Change the police child notification.',
              dueDate: '2024-06-30',
              findingId: 'f1',
              status: 'IN_PROGRESS',
              owningAgency: { __typename: 'Agency' as const, id: 'a1', name: 'Moorshire Police' },
            },
          ],
        }),
      ),
    ]);
    const overdue = await screen.findByRole('region', { name: 'One board action is overdue' });
    expect(overdue).toHaveTextContent('Change the police child notification.');
    expect(overdue).toHaveTextContent('due 30 Jun 2024 · In progress · Moorshire Police');
    expect(within(overdue).getByRole('link', { name: 'Go to the board response' })).toHaveAttribute(
      'href',
      '/reviews/r1/board',
    );
  });

  it('saves the summary against the version it was loaded at', async () => {
    renderHome([
      homeQuery(home()),
      update(
        4,
        { summary: 'A shorter summary.', periodStart: '2021-09-01', periodEnd: '2023-08-31' },
        updated({ status: 'ANALYSIS', version: 5, summary: 'A shorter summary.' }),
      ),
      homeQuery(home({ version: 5, summary: 'A shorter summary.' })),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit summary and period' }));
    const summary = screen.getByLabelText('Summary');
    await userEvent.clear(summary);
    await userEvent.type(summary, '  A shorter summary. ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByLabelText('Summary')).not.toBeInTheDocument());
    expect(screen.getByText('A shorter summary.')).toHaveClass('review-home__summary');
  });

  it('shows readers the state without the means to change it', async () => {
    renderHome([homeQuery(home())], ['read']);
    expect(await screen.findByText('Still missing for drafting (1)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move on/ })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit summary and period' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a member' })).not.toBeInTheDocument();
    expect(screen.getByText('Lee Lead')).toBeInTheDocument();
  });

  it('offers readers the review report in the four formats, saying it has pseudonyms only', async () => {
    renderHome([homeQuery(home())], ['read']);
    const report = await screen.findByRole('region', { name: 'Review report' });
    expect(report).toHaveTextContent(/pseudonyms only/);
    const group = within(report).getByRole('group', { name: 'Download the review report' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Word (.docx)', 'PDF', 'Web page (.html)', 'Markdown (.md)']);
  });

  describe('members', () => {
    const dana = {
      __typename: 'AccountMatch' as const,
      id: 'u2',
      displayName: 'Dana Reviewer',
      email: 'dana@p.org',
    };
    const find = (search: string, found: object[]) => ({
      request: { query: REVIEW_HOME_FIND_ACCOUNTS, variables: { search, reviewId: 'r1' } },
      result: { data: { findAccounts: found } },
    });

    it('finds an account by part of its name, with no list of every account, and adds it with a role', async () => {
      const withDana = home({
        members: [
          ...home().members,
          {
            __typename: 'ReviewMembership' as const,
            role: 'CASE_GROUP',
            user: {
              __typename: 'User' as const,
              id: 'u2',
              displayName: 'Dana Reviewer',
              email: 'dana@p.org',
            },
          },
        ],
      });
      renderHome(
        [
          homeQuery(home()),
          find('dan', [dana]),
          {
            request: {
              query: REVIEW_HOME_ADD_MEMBER,
              variables: { reviewId: 'r1', userId: 'u2', role: 'CASE_GROUP' },
            },
            result: { data: { addMember: { __typename: 'Review' as const, id: 'r1' } } },
          },
          homeQuery(withDana),
        ],
        ['read', 'edit', 'manage'],
      );
      await userEvent.click(await screen.findByRole('button', { name: 'Add a member' }));
      const search = screen.getByRole('searchbox', { name: 'Find an account by name or email' });
      expect(search).toHaveAccessibleDescription('Type at least 2 characters of a name or email.');
      expect(screen.queryByRole('radio')).not.toBeInTheDocument();
      await userEvent.type(search, 'dan');
      const choice = await screen.findByRole('radio', { name: /Dana Reviewer/ });
      expect(screen.getByRole('group', { name: '1 matching account' })).toBeInTheDocument();
      await userEvent.click(choice);
      await userEvent.selectOptions(screen.getByLabelText('Role on the review'), 'Case group');
      expect(screen.getByLabelText('Role on the review')).toHaveAccessibleDescription(
        'Case group: reads and comments.',
      );
      await userEvent.click(screen.getByRole('button', { name: 'Add Dana Reviewer' }));

      const members = screen.getByRole('region', { name: 'Members' });
      expect(
        await within(members).findByRole('button', {
          name: 'Remove Dana Reviewer from the review',
        }),
      ).toBeInTheDocument();
      expect(screen.queryByRole('radio')).not.toBeInTheDocument();
      expect(screen.getByText('Dana Reviewer is now case group.')).toHaveAttribute(
        'role',
        'status',
      );
    });

    it('says when nothing matches, and asks for a choice before adding', async () => {
      renderHome([homeQuery(home()), find('zz', [])], ['read', 'edit', 'manage']);
      await userEvent.click(await screen.findByRole('button', { name: 'Add a member' }));
      await userEvent.type(
        screen.getByRole('searchbox', { name: 'Find an account by name or email' }),
        'zz',
      );
      expect(await screen.findByText(/No account matches “zz”/)).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Add member' }));
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Find the account to add, then choose it.',
      );
    });
  });
});

describe('publication', () => {
  const drafting = home({
    status: 'DRAFTING',
    episodes: [episode('e1', 1, 'The front-door decision')],
  });
  const problem = {
    __typename: 'PublicationProblem' as const,
    kind: 'REAL_NAME' as const,
    recordType: 'TimelineEvent',
    recordId: 'ev1',
    field: 'description',
    excerpt: '…the health visitor saw Maya at home with her mother…',
    fixAt: 'chronology/ev1',
  };
  const preview = (problems: object[]) => ({
    request: { query: PUBLICATION_PREVIEW, variables: { reviewId: 'r1' } },
    result: {
      data: {
        publicationProblems: problems,
        review: {
          __typename: 'Review' as const,
          id: 'r1',
          title: 'Child M',
          type: 'LOCAL_CSPR',
          partnership: 'Northmoor',
          periodStart: '2021-09-01',
          periodEnd: '2023-08-31',
          findings: [
            {
              __typename: 'Finding' as const,
              id: 'f1',
              ordinal: 1,
              title: 'Incomplete risk assessments look complete',
              statement: 'A DASH form with blank answers reads as standard risk.',
              category: 'TOOLS',
            },
          ],
        },
      },
    },
  });
  const published = (variables: object, version: number | null, problems: object[] = []) => ({
    request: { query: PUBLISH_REVIEW, variables: { id: 'r1', ...variables } },
    result: {
      data: {
        publishReview: {
          __typename: 'PublicationResult' as const,
          published: version !== null,
          version,
          problems,
        },
      },
    },
  });
  const publishedHome = home({
    status: 'PUBLISHED',
    publishedAt: '2026-01-10T09:00:00Z',
    publishedVersion: 2,
    version: 5,
  });

  it('publishes when the check finds nothing, showing the review as analysts will see it', async () => {
    renderHome([
      homeQuery(drafting),
      preview([]),
      published({ overrideReason: null }, 2),
      homeQuery(publishedHome),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Publish…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the review' });
    expect(await within(dialog).findByText(/found nothing/)).toBeInTheDocument();
    const preview_ = within(dialog).getByRole('region', { name: 'As analysts will see it' });
    expect(preview_).toHaveTextContent('real names never leave the review');
    expect(preview_).toHaveTextContent('Incomplete risk assessments look complete');
    expect(preview_).toHaveTextContent('1. ');
    expect(preview_).toHaveTextContent('A DASH form with blank answers reads as standard risk.');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published as version 2.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Published · version 2' })).toBeInTheDocument();
  });

  it('lists the problems with links, and lets the lead reviewer publish despite them only with a reason', async () => {
    renderHome(
      [
        homeQuery(drafting),
        preview([problem]),
        published({ overrideReason: 'The name is the pseudonym agreed with the family.' }, 1, [
          problem,
        ]),
        homeQuery({ ...publishedHome, publishedVersion: 1 }),
      ],
      ['read', 'edit', 'respond', 'manage'],
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Publish…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the review' });
    const problems = await within(dialog).findByRole('list', { name: 'Problems' });
    const [item] = within(problems).getAllByRole('listitem');
    expect(item).toHaveTextContent('A real name in an event, field “description”');
    expect(item).toHaveTextContent('saw Maya at home');
    expect(within(item).getByRole('link', { name: 'Fix it' })).toHaveAttribute(
      'href',
      '/reviews/r1/chronology/ev1',
    );
    expect(within(dialog).queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
    const despite = within(dialog).getByRole('button', { name: 'Publish despite these problems' });
    expect(despite).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Why publish despite these problems?'),
      'The name is the pseudonym agreed with the family.',
    );
    await userEvent.click(despite);
    expect(await screen.findByText('Published as version 1.')).toBeInTheDocument();
  });

  it('does not offer the override to the review team, and says why', async () => {
    renderHome([homeQuery(drafting), preview([problem])]);
    await userEvent.click(await screen.findByRole('button', { name: 'Publish…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the review' });
    expect(await within(dialog).findByText(/One thing stands in the way/)).toBeInTheDocument();
    expect(
      within(dialog).getByText(/Only the review’s lead reviewer or an administrator/),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: /Publish/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/Why publish/)).not.toBeInTheDocument();
  });

  it('shows a published review as read-only, with its version and date, and reopens it with a reason', async () => {
    renderHome(
      [
        homeQuery(publishedHome),
        {
          request: {
            query: REOPEN_REVIEW,
            variables: { id: 'r1', reason: 'A date in episode 2 is wrong.' },
          },
          result: {
            data: {
              reopenReview: {
                __typename: 'Review' as const,
                id: 'r1',
                status: 'DRAFTING',
                version: 6,
              },
            },
          },
        },
        homeQuery({ ...publishedHome, status: 'DRAFTING', publishedAt: null, version: 6 }),
      ],
      ['read', 'respond', 'manage'],
    );
    const notice = await screen.findByRole('region', { name: 'Published · version 2' });
    expect(notice).toHaveTextContent('was published on 10 January 2026 and is read-only');
    expect(
      within(notice).queryByRole('button', { name: 'Withdraw from the corpus' }),
    ).not.toBeInTheDocument();
    await userEvent.click(within(notice).getByRole('button', { name: 'Reopen for correction' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen for correction?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    const confirm = within(dialog).getByRole('button', { name: 'Reopen for correction' });
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('What needs correcting?'),
      'A date in episode 2 is wrong.',
    );
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /Published/ })).not.toBeInTheDocument(),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('lets an administrator withdraw a published review from the corpus with a reason, by keyboard', async () => {
    renderHome(
      [
        homeQuery(publishedHome),
        {
          request: {
            query: WITHDRAW_REVIEW,
            variables: { id: 'r1', reason: 'Consent was withdrawn.' },
          },
          result: {
            data: {
              withdrawReview: {
                __typename: 'Review' as const,
                id: 'r1',
                status: 'ARCHIVED',
                version: 6,
              },
            },
          },
        },
        homeQuery({ ...publishedHome, status: 'ARCHIVED', version: 6 }),
      ],
      ['read', 'manage'],
      true,
    );
    const withdraw = await screen.findByRole('button', { name: 'Withdraw from the corpus' });
    withdraw.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Withdraw from the corpus?' });
    await userEvent.type(
      within(dialog).getByLabelText('Why withdraw it?'),
      'Consent was withdrawn.',
    );
    await userEvent.tab();
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Withdraw from the corpus' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('This review is archived.')).toBeInTheDocument();
  });

  it('offers readers neither reopening nor withdrawal', async () => {
    renderHome([homeQuery(publishedHome)], ['read']);
    expect(await screen.findByRole('region', { name: 'Published · version 2' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Reopen|Withdraw/ })).not.toBeInTheDocument();
  });
});
