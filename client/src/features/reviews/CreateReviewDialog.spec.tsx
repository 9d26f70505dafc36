import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { CreateReviewDialog } from './CreateReviewDialog';
import { CREATE_REVIEW } from './reviews.graphql';

const input = {
  reference: 'NSCP-LCSPR-2025-03',
  title: 'Baby T',
  type: 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW',
  methodology: 'SILP',
  partnership: 'Northmoor Safeguarding Children Partnership',
  periodStart: '2024-01-01',
  periodEnd: '2023-06-30',
  summary: 'Baby T was admitted to hospital aged eleven weeks.',
};

function renderDialog(mocks: MockedProviderProps['mocks'], onClose = jest.fn()) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/reviews']}>
        <Routes>
          <Route path="/reviews" element={<CreateReviewDialog onClose={onClose} />} />
          <Route path="/reviews/:reviewId" element={<h1>The new review’s home</h1>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
  return onClose;
}

async function fillIn(values: typeof input) {
  const dialog = screen.getByRole('dialog', { name: 'New review' });
  const form = within(dialog);
  await userEvent.type(form.getByLabelText('Reference'), `  ${values.reference} `);
  await userEvent.type(form.getByLabelText('Title'), values.title);
  await userEvent.selectOptions(
    form.getByLabelText('Type of review'),
    'Local child safeguarding practice review',
  );
  await userEvent.selectOptions(form.getByLabelText('Methodology'), 'SILP');
  // Long text is pasted, as reviewers often do, to keep the test quick.
  await userEvent.click(form.getByLabelText('Safeguarding partnership'));
  await userEvent.paste(values.partnership);
  await userEvent.type(form.getByLabelText('From'), values.periodStart);
  await userEvent.type(form.getByLabelText('To'), values.periodEnd);
  await userEvent.click(form.getByLabelText('Summary'));
  await userEvent.paste(values.summary);
}

describe('CreateReviewDialog', () => {
  it('creates the review from what was typed, trimmed, and opens its home', async () => {
    const valid = { ...input, periodEnd: '2024-06-30' };
    const created = {
      request: { query: CREATE_REVIEW, variables: { input: valid } },
      result: {
        data: {
          createReview: {
            __typename: 'Review' as const,
            id: 'new-review',
            reference: valid.reference,
            title: valid.title,
          },
        },
      },
    };
    renderDialog([created]);
    await fillIn(valid);
    await userEvent.click(screen.getByRole('button', { name: 'Create the review' }));

    expect(
      await screen.findByRole('heading', { name: 'The new review’s home' }),
    ).toBeInTheDocument();
  });

  it('shows the server’s reasons beside the form and keeps everything typed', async () => {
    const refused = {
      request: { query: CREATE_REVIEW, variables: { input } },
      result: {
        errors: [
          new GraphQLError('periodEnd (2023-06-30) must not be before periodStart (2024-01-01).', {
            extensions: { code: 'BAD_USER_INPUT', field: 'periodEnd', value: '2023-06-30' },
          }),
        ],
      },
    };
    renderDialog([refused]);
    await fillIn(input);
    await userEvent.click(screen.getByRole('button', { name: 'Create the review' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The review was not created: see the marked fields.',
    );
    const end = screen.getByLabelText('To');
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(end).toHaveAccessibleDescription(
      'The end of the period (2023-06-30) must not be before the start of the period (2024-01-01).',
    );
    expect(screen.getByLabelText('Reference')).toHaveValue(`  ${input.reference} `);
    expect(screen.getByLabelText('Title')).toHaveValue('Baby T');
    expect(screen.getByLabelText('Type of review')).toHaveValue(input.type);
    expect(screen.getByLabelText('Methodology')).toHaveValue('SILP');
    expect(screen.getByLabelText('From')).toHaveValue('01/01/2024');
    expect(screen.getByLabelText('Summary')).toHaveValue(input.summary);
    expect(screen.getByRole('dialog', { name: 'New review' })).toBeInTheDocument();
  });

  it('shows a refusal that concerns no single field above the form', async () => {
    const valid = { ...input, periodEnd: '2024-06-30' };
    const duplicate = {
      request: { query: CREATE_REVIEW, variables: { input: valid } },
      result: {
        errors: [
          new GraphQLError('A review with this reference already exists.', {
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ],
      },
    };
    renderDialog([duplicate]);
    await fillIn(valid);
    await userEvent.click(screen.getByRole('button', { name: 'Create the review' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A review with this reference already exists.',
    );
    expect(screen.getByLabelText('To')).toHaveValue('30/06/2024');
  });

  it('marks the required details before asking the server', async () => {
    renderDialog([]);
    await userEvent.click(screen.getByRole('button', { name: 'Create the review' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Some details are missing');
    expect(screen.getByLabelText('Reference')).toHaveAccessibleDescription(
      'Give the partnership’s reference.',
    );
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Give the review a title.');
    expect(screen.getByLabelText('Type of review')).toHaveAccessibleDescription(
      'Choose the type of review.',
    );
    expect(screen.getByLabelText('Methodology')).not.toHaveAttribute('aria-invalid');
  });

  it('closes on Cancel without creating anything', async () => {
    const onClose = renderDialog([]);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
