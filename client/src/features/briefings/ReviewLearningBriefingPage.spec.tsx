import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderInReview, REVIEW_ID } from '../../testing/render-in-review';
import {
  REVIEW_LEARNING_BRIEFING,
  UPDATE_REVIEW_LEARNING_BRIEFING,
} from './learning-briefing.graphql';
import { ReviewLearningBriefingPage } from './ReviewLearningBriefingPage';

const EMPTY_INPUT = {
  title: '',
  background: '',
  methodology: '',
  goodPractice: [] as string[],
  keyFindings: [] as string[],
  learningPoints: [] as string[],
  recommendations: [] as string[],
  messagesForManagers: [] as string[],
  messagesForPractitioners: [] as string[],
  furtherInformation: [] as string[],
};

const briefing = (changes: Record<string, unknown> = {}) => ({
  __typename: 'LearningBriefing' as const,
  id: null as string | null,
  version: 0,
  editable: true,
  ...EMPTY_INPUT,
  updatedAt: null,
  emergingThemes: {
    __typename: 'EmergingThemesTable' as const,
    caseCount: 1,
    casesWithoutCharacteristics: 0,
    message: 'Computed from the case characteristics of 1 case.',
    reviewTypes: ['Serious case review'],
    periodStart: '2021-09-01',
    periodEnd: '2023-08-31',
    rows: [
      {
        __typename: 'EmergingThemeRow' as const,
        key: 'neglect',
        label: 'Neglect',
        count: 1,
        percent: 100,
        sentence: '100% of cases had neglect',
      },
    ],
  },
  anonymisationWarnings: [] as {
    __typename: 'BriefingAnonymisationWarning';
    field: string;
    excerpt: string;
    kind: string;
  }[],
  document: {
    title: 'Learning lessons briefing',
    kicker: 'Learning lessons briefing',
    subtitle: 'Northmoor · December 2026',
    blocks: [] as unknown[],
  },
  ...changes,
});

const loaded = (value: ReturnType<typeof briefing>) => ({
  request: { query: REVIEW_LEARNING_BRIEFING, variables: { reviewId: REVIEW_ID } },
  result: { data: { reviewLearningBriefing: value } },
});

const render = (mocks: Parameters<typeof renderInReview>[2]) =>
  renderInReview(
    [{ path: 'learning-briefing', element: <ReviewLearningBriefingPage /> }],
    `/reviews/${REVIEW_ID}/learning-briefing`,
    mocks,
  );

describe('ReviewLearningBriefingPage', () => {
  it('shows the computed themes read-only, and saves a written section from version 0', async () => {
    const saved = briefing({
      id: 'b1',
      version: 1,
      keyFindings: ['Fathers were not spoken to'],
      document: {
        title: 'Learning lessons briefing',
        blocks: [
          { kind: 'heading', level: 1, text: 'Key findings' },
          { kind: 'list', ordered: false, items: [['Fathers were not spoken to']] },
        ],
      },
    });
    const save = {
      request: {
        query: UPDATE_REVIEW_LEARNING_BRIEFING,
        variables: {
          reviewId: REVIEW_ID,
          expectedVersion: 0,
          input: { ...EMPTY_INPUT, keyFindings: ['Fathers were not spoken to'] },
        },
      },
      result: { data: { updateReviewLearningBriefing: saved } },
    };
    render([loaded(briefing()), save]);
    const themes = await screen.findByRole('list', { name: 'Computed emerging themes' });
    expect(within(themes).getByText(/100% of cases had neglect/)).toBeInTheDocument();
    expect(within(themes).getByText('(1 of 1)')).toBeInTheDocument();
    expect(
      screen.getByText('Nothing to print yet: write a section and save it.'),
    ).toBeInTheDocument();

    const downloads = screen.getByRole('group', { name: 'Download the briefing' });
    expect(within(downloads).getByRole('button', { name: 'PDF' })).toBeEnabled();
    await userEvent.type(screen.getByLabelText('Key findings'), 'Fathers were not spoken to');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    for (const button of within(downloads).getAllByRole('button')) expect(button).toBeDisabled();
    expect(downloads).toHaveAccessibleDescription(
      'Save your changes first: the downloads are the briefing as last saved.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(within(downloads).getByRole('button', { name: 'Word (.docx)' })).toBeEnabled();
    const preview = screen.getByRole('article', { name: 'Preview of the briefing' });
    expect(within(preview).getByRole('heading', { name: 'Key findings' })).toBeInTheDocument();
    expect(within(preview).getByText('Fathers were not spoken to')).toBeInTheDocument();
  });

  it('shows both versions when someone else saved first, and saves the choice on their version', async () => {
    const start = briefing({ id: 'b1', version: 3, background: 'Theirs before' });
    const conflict = {
      request: {
        query: UPDATE_REVIEW_LEARNING_BRIEFING,
        variables: {
          reviewId: REVIEW_ID,
          expectedVersion: 3,
          input: { ...EMPTY_INPUT, background: 'Mine' },
        },
      },
      result: {
        errors: [
          new GraphQLError('Someone else saved this learning briefing first', {
            extensions: {
              code: 'CONFLICT',
              currentVersion: 4,
              current: { ...EMPTY_INPUT, background: 'Theirs now', version: 4 },
            },
          }),
        ],
      },
    };
    const resave = {
      request: {
        query: UPDATE_REVIEW_LEARNING_BRIEFING,
        variables: {
          reviewId: REVIEW_ID,
          expectedVersion: 4,
          input: { ...EMPTY_INPUT, background: 'Mine' },
        },
      },
      result: {
        data: {
          updateReviewLearningBriefing: briefing({ id: 'b1', version: 5, background: 'Mine' }),
        },
      },
    };
    render([loaded(start), conflict, resave]);
    const background = await screen.findByLabelText('Background');
    await userEvent.clear(background);
    await userEvent.type(background, 'Mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Someone else saved this briefing first',
    });
    expect(within(dialog).getByText('Theirs now')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save the chosen version' }));
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
  });

  it('lets a reader read without saving, and lists warnings for the author', async () => {
    render([
      loaded(
        briefing({
          editable: false,
          anonymisationWarnings: [
            {
              __typename: 'BriefingAnonymisationWarning',
              field: 'messagesForManagers[1]',
              excerpt: 'Speak to Maisie about school',
              kind: 'REAL_NAME',
            },
          ],
        }),
      ),
    ]);
    expect(
      await screen.findByText('You may read this briefing; its authors change it.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Background')).toHaveAttribute('readonly');
    await waitFor(() =>
      expect(screen.getByText('Key messages for managers, item 2')).toBeInTheDocument(),
    );
  });
});
