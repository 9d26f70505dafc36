import { MockedResponse } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FindingEditor } from './FindingEditor';
import { CHRONOLOGY_EVENT_SUMMARIES } from '../chronology';
import { FINDING_EDITOR, FINDING_EDITOR_SAVE } from './finding.graphql';
import { renderInReview, REVIEW_ID, reviewContext } from '../../testing/render-in-review';

const agency = { __typename: 'Agency' as const, id: 'a1', name: 'Northmoor Police' };
const factor = (id: string, episodeId: string, level: string, description: string) => ({
  __typename: 'ContributoryFactor' as const,
  id,
  level,
  description,
  episodeId,
});
const episodes = [
  {
    __typename: 'PracticeEpisode' as const,
    id: 'ep1',
    ordinal: 1,
    title: 'The first domestic abuse incident',
    appraisal: 'BELOW_EXPECTED',
    factors: [factor('fa1', 'ep1', 'INTER_AGENCY', 'The MASH health post was vacant.')],
  },
  {
    __typename: 'PracticeEpisode' as const,
    id: 'ep2',
    ordinal: 2,
    title: 'The house move',
    appraisal: 'ADEQUATE',
    factors: [factor('fa2', 'ep2', 'FAMILY', 'Mother declined several questions.')],
  },
];
const event = {
  __typename: 'TimelineEvent' as const,
  id: 'ev1',
  title: 'DASH risk assessment graded standard',
  occurredOn: '2022-04-02',
  precision: 'DAY',
  agency,
};
const stored = {
  __typename: 'Finding' as const,
  id: 'fi1',
  ordinal: 1,
  version: 3,
  title: 'Front-door decisions',
  category: 'INCIDENTS_AND_CRISES',
  categoryLabel: 'Multi-agency working in response to incidents and crises',
  effect: 'MAKES_PROBLEMS_MORE_LIKELY',
  statement: 'Decisions are made without health.',
  manifestation: 'In April 2022 the MASH decided.',
  notPeculiar: null,
  prevalence: null,
  references: [
    {
      __typename: 'FindingReference' as const,
      kind: 'AUDIT',
      citation: 'Partnership audit, 2023',
      url: null,
      reviewId: null,
    },
  ],
  significance: null,
  questions: ['First question?', 'Second question?', 'Third question?'],
  answersQuestionIds: ['q1'],
  themes: [{ __typename: 'Theme' as const, key: 'thresholds', label: 'Thresholds' }],
  episodes: [
    {
      __typename: 'PracticeEpisode' as const,
      id: 'ep1',
      ordinal: 1,
      title: 'The first domestic abuse incident',
    },
  ],
  factors: [factor('fa1', 'ep1', 'INTER_AGENCY', 'The MASH health post was vacant.')],
  events: [event],
};
const themes = [
  { __typename: 'Theme' as const, key: 'thresholds', label: 'Thresholds' },
  { __typename: 'Theme' as const, key: 'drift', label: 'Drift' },
];
const reviewQuestions = [
  { __typename: 'ReviewQuestion' as const, id: 'q1', ordinal: 1, text: 'How were decisions made?' },
  { __typename: 'ReviewQuestion' as const, id: 'q2', ordinal: 2, text: 'Was the child seen?' },
];
const editorQuery = (finding: object) => ({
  request: { query: FINDING_EDITOR, variables: { reviewId: REVIEW_ID } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: REVIEW_ID,
        findings: [finding],
        questions: reviewQuestions,
        episodes,
      },
      themes,
    },
  },
});
const eventsQuery = {
  request: { query: CHRONOLOGY_EVENT_SUMMARIES, variables: { reviewId: REVIEW_ID, after: null } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: REVIEW_ID,
        events: {
          __typename: 'TimelineEventConnection' as const,
          totalCount: 1,
          edges: [
            {
              __typename: 'TimelineEventEdge' as const,
              node: { ...event, description: null, sortDate: '2022-04-02', endDate: '2022-04-02' },
            },
          ],
          pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
        },
      },
    },
  },
};
const input = {
  title: 'Front-door decisions',
  category: 'INCIDENTS_AND_CRISES',
  effect: 'MAKES_PROBLEMS_MORE_LIKELY',
  statement: 'Decisions are made without health.',
  manifestation: 'In April 2022 the MASH decided.',
  notPeculiar: null,
  prevalence: null,
  references: [{ kind: 'AUDIT', citation: 'Partnership audit, 2023', url: null, reviewId: null }],
  significance: null,
  questions: ['First question?', 'Second question?', 'Third question?'],
  answersQuestionIds: ['q1'],
  episodeIds: ['ep1'],
  factorIds: ['fa1'],
  eventIds: ['ev1'],
  themeKeys: ['thresholds'],
};
const saveCall = (expectedVersion: number, sent: object, outcome: object) => ({
  request: { query: FINDING_EDITOR_SAVE, variables: { id: 'fi1', expectedVersion, input: sent } },
  result: outcome,
});
const savedAs = (version: number, changes: object) => ({
  data: { updateFinding: { ...stored, categoryLabel: 'label', version, ...changes } },
});

const renderEditor = (mocks: MockedResponse[]) =>
  renderInReview(
    [
      { path: 'findings', element: <p>The findings list</p> },
      { path: 'findings/:findingId', element: <FindingEditor /> },
    ],
    `/reviews/${REVIEW_ID}/findings/fi1`,
    mocks,
  );
const questions = () =>
  screen
    .getAllByRole('textbox', { name: /^Question \d$/ })
    .map((box) => (box as HTMLTextAreaElement).value);

describe('FindingEditor', () => {
  it('shows the parts of the finding in the order of the Learning Together template', async () => {
    renderEditor([editorQuery(stored), eventsQuery]);
    await screen.findByRole('heading', { name: 'Finding 1: Front-door decisions' });
    const parts = [
      'The finding',
      'How did the issue manifest in this case?',
      'How do we know it is an underlying issue and not something peculiar to this case?',
      'How widespread is the pattern?',
      'What are the implications for the reliability of the multi-agency system?',
      'Question 1',
    ].map((name) => screen.getByRole('textbox', { name }));
    parts
      .slice(1)
      .forEach((part, index) =>
        expect(
          parts[index].compareDocumentPosition(part) & Node.DOCUMENT_POSITION_FOLLOWING,
        ).toBeTruthy(),
      );
    expect(
      screen.getByRole('radio', { name: 'Makes problematic practice more likely' }),
    ).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Reference 1: citation' })).toHaveValue(
      'Partnership audit, 2023',
    );
    expect(
      screen.getByRole('textbox', { name: 'Reference 1: citation' }).compareDocumentPosition(
        screen.getByRole('textbox', {
          name: 'What are the implications for the reliability of the multi-agency system?',
        }),
      ) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('puts the finding’s parts in one area and the evidence it rests on in another beside it', async () => {
    renderEditor([editorQuery(stored), eventsQuery]);
    await screen.findByRole('heading', { name: 'Finding 1: Front-door decisions' });
    const text = screen.getByRole('region', { name: 'The finding’s parts' });
    const evidence = screen.getByRole('region', {
      name: 'The evidence: episodes, factors and events',
    });
    expect(
      within(text).getByRole('textbox', { name: 'How did the issue manifest in this case?' }),
    ).toBeVisible();
    expect(
      within(text).getByRole('textbox', {
        name: 'What are the implications for the reliability of the multi-agency system?',
      }),
    ).toBeVisible();
    expect(
      within(evidence).getByRole('heading', { name: 'The evidence it rests on' }),
    ).toBeVisible();
    expect(within(text).queryByRole('heading', { name: 'The evidence it rests on' })).toBeNull();
    expect(text.parentElement).toBe(evidence.parentElement);
    expect(text.parentElement).toHaveClass('finding-editor__columns');
  });

  it('saves the effect, what shows the pattern is not peculiar, and the references', async () => {
    const sent = {
      ...input,
      effect: 'SUPPORTS_GOOD_PRACTICE',
      notPeculiar: 'The case group knew it well.',
      references: [
        { kind: 'AUDIT', citation: 'Partnership audit, 2023', url: null, reviewId: null },
        {
          kind: 'NATIONAL_DATA',
          citation: 'Children in need census',
          url: 'https://example.org/cin',
          reviewId: null,
        },
      ],
    };
    renderEditor([
      editorQuery(stored),
      eventsQuery,
      saveCall(
        3,
        sent,
        savedAs(4, {
          effect: sent.effect,
          notPeculiar: sent.notPeculiar,
          references: sent.references.map((reference) => ({
            __typename: 'FindingReference' as const,
            ...reference,
          })),
        }),
      ),
    ]);
    await userEvent.click(
      await screen.findByRole('radio', { name: 'Contributes to good practice' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', {
        name: 'How do we know it is an underlying issue and not something peculiar to this case?',
      }),
      'The case group knew it well.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add a reference' }));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Reference 2: kind' }),
      'National data',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reference 2: citation' }),
      'Children in need census',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reference 2: address (optional)' }),
      'https://example.org/cin',
    );
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('saves which review questions the finding answers, in the order of the questions', async () => {
    const sent = { ...input, answersQuestionIds: ['q1', 'q2'] };
    renderEditor([
      editorQuery(stored),
      eventsQuery,
      saveCall(3, sent, savedAs(4, { answersQuestionIds: ['q1', 'q2'] })),
    ]);
    const answers = await screen.findByRole('group', {
      name: 'Review questions this finding answers',
    });
    expect(
      within(answers).getByRole('checkbox', { name: '1. How were decisions made?' }),
    ).toBeChecked();
    await userEvent.click(
      within(answers).getByRole('checkbox', { name: '2. Was the child seen?' }),
    );
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
  });

  it('keeps Save off until something changes', async () => {
    renderEditor([editorQuery(stored), eventsQuery]);
    expect(
      await screen.findByRole('heading', { name: 'Finding 1: Front-door decisions' }),
    ).toBeInTheDocument();
    const saves = screen.getAllByRole('button', { name: 'Save' });
    saves.forEach((button) => expect(button).toBeDisabled());
    await userEvent.type(
      screen.getByRole('textbox', {
        name: 'What are the implications for the reliability of the multi-agency system?',
      }),
      'Babies',
    );
    saves.forEach((button) => expect(button).toBeEnabled());
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('orders the questions for the board with the keyboard, adds and removes them', async () => {
    renderEditor([editorQuery(stored), eventsQuery]);
    const moveDown = await screen.findByRole('button', { name: 'Move question 1 down' });
    moveDown.focus();
    await userEvent.keyboard('{Enter}');
    expect(questions()).toEqual(['Second question?', 'First question?', 'Third question?']);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Move question 2 down' })).toHaveFocus(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Move question 3 up' }));
    expect(questions()).toEqual(['Second question?', 'Third question?', 'First question?']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove question 1' }));
    expect(questions()).toEqual(['Third question?', 'First question?']);
    await userEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Question 3' })).toHaveFocus());
    await userEvent.keyboard('Who checks?');
    expect(questions()).toEqual(['Third question?', 'First question?', 'Who checks?']);
  });

  it('saves the whole finding against the version it was loaded at, with the chosen evidence', async () => {
    const sent = {
      ...input,
      category: 'HUMAN_REASONING',
      questions: ['Second question?', 'First question?', 'Third question?'],
      episodeIds: ['ep1', 'ep2'],
      factorIds: ['fa1', 'fa2'],
      eventIds: [],
      themeKeys: ['thresholds', 'drift'],
    };
    renderEditor([
      editorQuery(stored),
      eventsQuery,
      saveCall(
        3,
        sent,
        savedAs(4, {
          category: 'HUMAN_REASONING',
          questions: sent.questions,
          episodes: episodes.map(({ id, ordinal, title }) => ({
            __typename: 'PracticeEpisode' as const,
            id,
            ordinal,
            title,
          })),
          factors: episodes.flatMap((episode) => episode.factors),
          events: [],
          themes,
        }),
      ),
    ]);
    await userEvent.click(
      await screen.findByRole('radio', { name: /human judgement and reasoning/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Move question 1 down' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /Episode 2: The house move/ }));
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Mother declined several questions.' }),
    );
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Take out the event “DASH risk assessment graded standard”',
      }),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Drift' }));
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    screen
      .getAllByRole('button', { name: 'Save' })
      .forEach((button) => expect(button).toBeDisabled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows both versions when someone saved first, and saves the chosen one against theirs', async () => {
    const mine = { ...input, title: 'Front-door decisions about babies', eventIds: [] };
    const current = {
      id: 'fi1',
      reviewId: REVIEW_ID,
      ordinal: 1,
      title: 'Front-door decisions',
      category: 'INCIDENTS_AND_CRISES',
      effect: 'MAKES_PROBLEMS_MORE_LIKELY',
      statement: 'Decisions are made without health or schools.',
      manifestation: 'In April 2022 the MASH decided.',
      prevalence: null,
      significance: null,
      questions: ['First question?', 'Second question?', 'Third question?'],
      themeKeys: ['thresholds'],
      version: 4,
    };
    const conflict = {
      errors: [
        new GraphQLError('Someone else saved this finding first.', {
          extensions: { code: 'CONFLICT', currentVersion: 4, expectedVersion: 3, current },
        }),
      ],
    };
    const theirsNow = { ...stored, version: 4, statement: current.statement };
    const resolved = { ...mine, statement: current.statement };
    renderEditor([
      editorQuery(stored),
      eventsQuery,
      saveCall(3, mine, conflict),
      editorQuery(theirsNow),
      saveCall(
        4,
        resolved,
        savedAs(5, { title: resolved.title, statement: resolved.statement, events: [] }),
      ),
    ]);
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await userEvent.type(title, ' about babies');
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Take out the event “DASH risk assessment graded standard”',
      }),
    );
    await userEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]);

    const dialog = await screen.findByRole('dialog', {
      name: 'Someone else saved this finding first',
    });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Title',
      'The pattern, in one sentence',
      'Evidence: events',
    ]);
    expect(rows[2]).toHaveTextContent(
      '2 Apr 2022, Northmoor Police: DASH risk assessment graded standard',
    );
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Keep their the pattern, in one sentence' }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the chosen version' }));

    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'The finding' })).toHaveValue(
      'Decisions are made without health or schools.',
    );
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Front-door decisions about babies',
    );
  });

  it('asks before leaving with unsaved changes, and goes back to the list when told to', async () => {
    renderEditor([editorQuery(stored), eventsQuery]);
    await userEvent.type(
      await screen.findByRole('textbox', {
        name: 'What are the implications for the reliability of the multi-agency system?',
      }),
      'Babies',
    );
    await userEvent.click(screen.getByRole('link', { name: 'All findings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(
      screen.getByRole('textbox', {
        name: 'What are the implications for the reliability of the multi-agency system?',
      }),
    ).toHaveValue('Babies');
    await userEvent.click(screen.getByRole('link', { name: 'All findings' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByText('The findings list')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/reviews/${REVIEW_ID}/findings`);
  });

  it('keeps what was typed and shows the server’s reason when a save fails', async () => {
    const mine = { ...input, significance: 'Babies' };
    renderEditor([
      editorQuery(stored),
      eventsQuery,
      saveCall(3, mine, {
        errors: [new GraphQLError('The review is published and can no longer change.')],
      }),
    ]);
    await userEvent.type(
      await screen.findByRole('textbox', {
        name: 'What are the implications for the reliability of the multi-agency system?',
      }),
      'Babies',
    );
    await userEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not saved: The review is published and can no longer change.',
    );
    expect(
      screen.getByRole('textbox', {
        name: 'What are the implications for the reliability of the multi-agency system?',
      }),
    ).toHaveValue('Babies');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('lets a reader read the finding but not change it', async () => {
    renderInReview(
      [{ path: 'findings/:findingId', element: <FindingEditor /> }],
      `/reviews/${REVIEW_ID}/findings/fi1`,
      [editorQuery(stored), eventsQuery],
      reviewContext({ canEdit: false }),
    );
    expect(await screen.findByRole('textbox', { name: 'Title' })).toBeDisabled();
    expect(
      screen.getByRole('textbox', { name: 'How did the issue manifest in this case?' }),
    ).toHaveValue('In April 2022 the MASH decided.');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.getByText(/changing it needs edit rights/)).toBeInTheDocument();
  });
});
