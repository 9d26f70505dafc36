import { GraphQLError } from 'graphql';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CHRONOLOGY_EVENT_SUMMARIES } from '../chronology';
import { EpisodeEditor } from './EpisodeEditor';
import {
  EPISODE_EDITOR,
  EPISODE_EDITOR_ADD_FACTOR,
  EPISODE_EDITOR_SAVE,
  EPISODE_EDITOR_UPDATE_FACTOR,
} from './episodes.graphql';
import { renderInReview, REVIEW_ID } from '../../testing/render-in-review';

const event = {
  __typename: 'TimelineEvent' as const,
  id: 'e1',
  occurredOn: '2022-04-23',
  precision: 'DAY' as const,
  sortDate: '2022-04-23',
  title: 'Police called to a domestic incident',
  agency: { __typename: 'Agency' as const, id: 'ag1', name: 'Moorshire Police' },
};
const saved = {
  __typename: 'PracticeEpisode' as const,
  id: 'ep1',
  ordinal: 2,
  title: 'The front-door decision',
  summary: 'Police attended.',
  startDate: '2022-04-23',
  endDate: '2022-05-31',
  viewFromTheTunnel: 'The screening social worker saw a single incident.',
  appraisal: 'BELOW_EXPECTED' as const,
  appraisalNarrative: 'Each person acted reasonably on what was in front of them.',
  explanation: 'The screening team had sixty notifications that week.',
  version: 3,
  events: [event],
};
const factor = (
  id: string,
  level: string,
  description: string,
  effect = 'MAKES_PROBLEMS_MORE_LIKELY',
  tier = 'FRONTLINE',
) => ({
  __typename: 'ContributoryFactor' as const,
  id,
  level,
  effect,
  tier,
  description,
  version: 1,
  themes: [{ __typename: 'Theme' as const, key: 'thresholds', label: 'Thresholds' }],
});
const editorQuery = {
  request: { query: EPISODE_EDITOR, variables: { reviewId: REVIEW_ID } },
  result: {
    data: {
      review: {
        __typename: 'Review' as const,
        id: REVIEW_ID,
        episodes: [
          {
            ...saved,
            factors: [
              factor('f1', 'CONDITIONS_OF_WORK', 'Sixty notifications a week.'),
              factor('f2', 'FAMILY', 'Mother declined the DASH questions.'),
              factor('f3', 'CONDITIONS_OF_WORK', 'A 24-hour target for decisions.'),
            ],
          },
        ],
      },
      themes: [
        { __typename: 'Theme' as const, key: 'thresholds', label: 'Thresholds' },
        { __typename: 'Theme' as const, key: 'supervision', label: 'Supervision' },
      ],
    },
  },
};
const saveMock = (expectedVersion: number, input: object, result: object) => ({
  request: { query: EPISODE_EDITOR_SAVE, variables: { id: 'ep1', expectedVersion, input } },
  result,
});
const openEditor = (mocks: object[]) =>
  renderInReview(
    [{ path: 'episodes/:episodeId', element: <EpisodeEditor /> }],
    '/reviews/r1/episodes/ep1',
    [editorQuery, ...mocks] as never,
  );

describe('EpisodeEditor', () => {
  it('puts the account of the episode in one area and its evidence in another beside it', async () => {
    openEditor([]);
    const text = await screen.findByRole('region', { name: 'The account of the episode' });
    const evidence = screen.getByRole('region', {
      name: 'The evidence: events and contributory factors',
    });
    for (const part of ['What happened', 'The view from the tunnel', 'Reason for the appraisal'])
      expect(within(text).getByLabelText(part)).toBeVisible();
    expect(within(text).getByRole('button', { name: 'Save episode' })).toBeVisible();
    expect(
      within(evidence).getByRole('heading', { name: 'Events of the episode' }),
    ).toBeInTheDocument();
    expect(
      within(evidence).getByRole('heading', { name: 'Contributory factors' }),
    ).toBeInTheDocument();
    expect(within(text).queryByRole('heading', { name: 'Contributory factors' })).toBeNull();
    expect(text.parentElement).toBe(evidence.parentElement);
    expect(text.parentElement).toHaveClass('episode-editor__columns');
  });

  it('saves only what changed against the version it loaded', async () => {
    const save = saveMock(
      3,
      { summary: 'Police attended; the MASH stepped the case down.' },
      {
        data: {
          updateEpisode: {
            ...saved,
            summary: 'Police attended; the MASH stepped the case down.',
            version: 4,
          },
        },
      },
    );
    openEditor([save]);
    const summary = await screen.findByLabelText('What happened');
    const saveButton = screen.getByRole('button', { name: 'Save episode' });
    expect(saveButton).toBeDisabled();
    await userEvent.clear(summary);
    await userEvent.type(summary, 'Police attended; the MASH stepped the case down.');
    expect(saveButton).toBeEnabled();
    expect(screen.getByText('Unsaved changes to the episode')).toBeInTheDocument();
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText(/^Saved at/)).toBeInTheDocument();
    expect(saveButton).toBeDisabled();
    expect(summary).toHaveValue('Police attended; the MASH stepped the case down.');
  });

  it('shows the appraisal with its reason apart from the explanation, and saves the explanation alone', async () => {
    const explanation = 'Nobody had told the team the threshold had changed.';
    const save = saveMock(
      3,
      { explanation },
      { data: { updateEpisode: { ...saved, explanation, version: 4 } } },
    );
    openEditor([save]);
    const appraisal = await screen.findByRole('heading', { name: 'Appraisal of practice' });
    const section = appraisal.closest('section')!;
    expect(within(section).getByLabelText('Reason for the appraisal')).toHaveValue(
      saved.appraisalNarrative,
    );
    expect(within(section).getByRole('radio', { name: /Below what was expected/ })).toBeChecked();
    expect(
      screen.getByRole('heading', { name: 'Explanation: why it made sense at the time' }),
    ).toBeInTheDocument();
    const field = screen.getByLabelText('Explanation: why it made sense at the time');
    expect(field).toHaveValue(saved.explanation);
    expect(within(section).queryByLabelText(/Explanation/)).toBeNull();
    await userEvent.clear(field);
    await userEvent.type(field, explanation);
    await userEvent.click(screen.getByRole('button', { name: 'Save episode' }));
    expect(await screen.findByText(/^Saved at/)).toBeInTheDocument();
    expect(field).toHaveValue(explanation);
  });

  it('lets the user choose, part by part, when someone else saved first', async () => {
    const theirs = {
      ...saved,
      __typename: undefined,
      events: undefined,
      title: 'The MASH decision',
      summary: 'Their summary.',
      version: 5,
    };
    const conflict = saveMock(
      3,
      { summary: 'My summary.' },
      {
        errors: [
          new GraphQLError('Someone else saved this key practice episode first.', {
            extensions: { code: 'CONFLICT', currentVersion: 5, current: theirs },
          }),
        ],
      },
    );
    const resolved = saveMock(
      5,
      {
        appraisal: 'BELOW_EXPECTED',
        title: 'The MASH decision',
        summary: 'My summary.',
        startDate: '2022-04-23',
        endDate: '2022-05-31',
        viewFromTheTunnel: saved.viewFromTheTunnel,
        appraisalNarrative: saved.appraisalNarrative,
        explanation: saved.explanation,
      },
      {
        data: {
          updateEpisode: {
            ...saved,
            title: 'The MASH decision',
            summary: 'My summary.',
            version: 6,
          },
        },
      },
    );
    openEditor([conflict, resolved]);
    const summary = await screen.findByLabelText('What happened');
    await userEvent.clear(summary);
    await userEvent.type(summary, 'My summary.');
    await userEvent.click(screen.getByRole('button', { name: 'Save episode' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Someone else saved this episode first',
    });
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Title',
      'What happened',
    ]);
    expect(within(dialog).getByText('Their summary.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Keep their title' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the chosen version' }));

    expect(await screen.findByText(/^Saved at/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('The MASH decision');
    expect(screen.getByLabelText('What happened')).toHaveValue('My summary.');
  });

  it('shows the server’s reason where the user saved, keeping what they typed', async () => {
    const refused = saveMock(
      3,
      { endDate: '2022-01-01' },
      {
        errors: [
          new GraphQLError('endDate (2022-01-01) must not be before startDate (2022-04-23).'),
        ],
      },
    );
    openEditor([refused]);
    const end = await screen.findByLabelText('To');
    await userEvent.clear(end);
    await userEvent.type(end, '2022-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save episode' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'endDate (2022-01-01) must not be before startDate (2022-04-23).',
    );
    expect(end).toHaveValue('01/01/2022');
    expect(screen.getByRole('button', { name: 'Save episode' })).toBeEnabled();
  });

  it('groups the contributory factors by level, from the family outwards', async () => {
    openEditor([]);
    const family = await screen.findByRole('list', { name: 'The family (1)' });
    expect(within(family).getByText('Mother declined the DASH questions.')).toBeInTheDocument();
    const conditions = screen.getByRole('list', { name: 'Conditions of work (2)' });
    expect(
      within(conditions)
        .getAllByText(/notifications|target/)
        .map((item) => item.textContent),
    ).toEqual(['Sixty notifications a week.', 'A 24-hour target for decisions.']);
    const levels = screen
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(levels).toEqual([
      'The family (1)',
      'Personal (mindset, reasoning, attention) (0)',
      'The role (0)',
      'Conditions of work (2)',
      "The practitioner's own team (0)",
      'The inter-agency team (0)',
      'Organisational culture and management (0)',
      'The wider political and social context (0)',
    ]);
    expect(screen.getByText(/Good practice is recorded too/)).toBeInTheDocument();
    expect(
      screen.getByText('Judge the decision by what was known then, not by the outcome.'),
    ).toBeInTheDocument();
  });

  it('saves a factor against the version shown, and after a conflict shows theirs and saves over it', async () => {
    const input = {
      description: 'Mother was asked the DASH questions with her partner present.',
      level: 'FAMILY',
      effect: 'MAKES_PROBLEMS_MORE_LIKELY',
      tier: 'FRONTLINE',
      themeKeys: ['thresholds'],
    };
    const update = (expectedVersion: number, result: object) => ({
      request: {
        query: EPISODE_EDITOR_UPDATE_FACTOR,
        variables: { id: 'f2', expectedVersion, input },
      },
      result,
    });
    const theirs = {
      ...editorQuery,
      result: JSON.parse(JSON.stringify(editorQuery.result)) as typeof editorQuery.result,
    };
    const theirFactor = theirs.result.data.review.episodes[0].factors[1];
    theirFactor.description = 'Mother declined the DASH questions twice.';
    theirFactor.version = 2;
    openEditor([
      update(1, {
        errors: [
          new GraphQLError('Someone else saved this contributory factor first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 2,
              expectedVersion: 1,
              current: { id: 'f2', description: theirFactor.description, version: 2 },
            },
          }),
        ],
      }),
      theirs,
      update(2, {
        data: {
          updateContributoryFactor: {
            ...factor('f2', 'FAMILY', input.description),
            version: 3,
          },
        },
      }),
    ]);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit the factor “Mother declined the DASH questions.”',
      }),
    );
    const description = screen.getByLabelText('Factor');
    await userEvent.clear(description);
    await userEvent.type(description, input.description);
    await userEvent.click(screen.getByRole('button', { name: 'Save factor' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else saved this factor while you were editing, so your change was not saved. It now reads “Mother declined the DASH questions twice.”',
    );
    expect(screen.getByLabelText('Factor')).toHaveValue(input.description);

    await userEvent.click(screen.getByRole('button', { name: 'Save factor' }));
    expect(await screen.findByText(input.description)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save factor' })).not.toBeInTheDocument();
  });

  it('adds a factor that helped, with its tier, and shows both beside it', async () => {
    const input = {
      description: 'The named health visitor had known Mother for years.',
      level: 'CONDITIONS_OF_WORK',
      effect: 'SUPPORTS_GOOD_PRACTICE',
      tier: 'LOCAL_STRATEGIC',
      themeKeys: [],
    };
    const added = factor(
      'f4',
      'CONDITIONS_OF_WORK',
      input.description,
      'SUPPORTS_GOOD_PRACTICE',
      'LOCAL_STRATEGIC',
    );
    const after = {
      ...editorQuery,
      result: JSON.parse(JSON.stringify(editorQuery.result)) as typeof editorQuery.result,
    };
    after.result.data.review.episodes[0].factors.push({ ...added, themes: [] });
    openEditor([
      {
        request: { query: EPISODE_EDITOR_ADD_FACTOR, variables: { episodeId: 'ep1', input } },
        result: { data: { addContributoryFactor: { ...added, themes: [] } } },
      },
      after,
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add a factor: Conditions of work' }),
    );
    const form = screen.getByRole('button', { name: 'Add factor' }).closest('form')!;
    expect(
      within(form).getByRole('radio', { name: 'Makes problematic practice more likely' }),
    ).toBeChecked();
    expect(within(form).getByLabelText('Tier')).toHaveValue('FRONTLINE');
    await userEvent.type(within(form).getByLabelText('Factor'), input.description);
    await userEvent.click(
      within(form).getByRole('radio', { name: 'Contributes to good practice' }),
    );
    await userEvent.selectOptions(within(form).getByLabelText('Tier'), 'Local strategic');
    await userEvent.click(within(form).getByRole('button', { name: 'Add factor' }));

    expect(await screen.findByText('Factor added.')).toBeInTheDocument();
    const item = screen.getByText(input.description).closest('li')!;
    expect(within(item).getByText(/Helped/)).toHaveTextContent('+ Helped');
    expect(item).toHaveTextContent('Local strategic');
    const other = screen.getByText('Sixty notifications a week.').closest('li')!;
    expect(other).toHaveTextContent('− Hindered · Frontline practice');
  });

  it('adds events picked from the chronology within the period and saves them with the episode', async () => {
    const chronologyEvent = (id: string, sortDate: string, title: string) => ({
      ...event,
      id,
      occurredOn: sortDate,
      sortDate,
      endDate: sortDate,
      title,
      description: null,
    });
    const chronology = {
      request: {
        query: CHRONOLOGY_EVENT_SUMMARIES,
        variables: { reviewId: REVIEW_ID, after: null },
      },
      result: {
        data: {
          review: {
            __typename: 'Review' as const,
            id: REVIEW_ID,
            events: {
              __typename: 'TimelineEventConnection' as const,
              totalCount: 3,
              edges: [
                chronologyEvent('e0', '2021-12-02', 'New birth visit'),
                { ...chronologyEvent('e1', '2022-04-23', event.title) },
                chronologyEvent('e2', '2022-04-28', 'MASH screening: no further action'),
              ].map((node) => ({ __typename: 'TimelineEventEdge' as const, node })),
              pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    };
    const added = {
      ...event,
      id: 'e2',
      occurredOn: '2022-04-28',
      sortDate: '2022-04-28',
      title: 'MASH screening: no further action',
    };
    const save = saveMock(
      3,
      { eventIds: ['e1', 'e2'] },
      { data: { updateEpisode: { ...saved, version: 4, events: [event, added] } } },
    );
    openEditor([chronology, save]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add events from the chronology' }),
    );
    const picker = await screen.findByRole('dialog', { name: 'Add events from the chronology' });
    const mash = await within(picker).findByRole('checkbox', {
      name: /MASH screening: no further action/,
    });
    expect(within(picker).queryByText('New birth visit')).not.toBeInTheDocument();
    expect(within(picker).getByRole('checkbox', { name: /Police called/ })).toBeDisabled();
    await userEvent.click(mash);
    await userEvent.click(within(picker).getByRole('button', { name: 'Add 1 event' }));

    const table = screen.getByRole('table');
    expect(within(table).getByText('added, not saved yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save episode' }));
    expect(await screen.findByText(/^Saved at/)).toBeInTheDocument();
    expect(within(table).queryByText('added, not saved yet')).not.toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('asks before leaving with unsaved changes, and keeps them on "Stay"', async () => {
    openEditor([]);
    const tunnel = await screen.findByLabelText('The view from the tunnel');
    await userEvent.type(tunnel, ' She had sixty notifications that week.');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    await userEvent.click(screen.getByRole('link', { name: '← All key practice episodes' }));
    const ask = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Stay and keep editing' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('The view from the tunnel')).toHaveValue(
      'The screening social worker saw a single incident. She had sixty notifications that week.',
    );
  });
});
