import type { TypedDocumentNode } from '@apollo/client';
import { MockedProvider, MockedProviderProps } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'graphql';
import type { ReactElement } from 'react';
import { ConfirmRemoval } from './ConfirmRemoval';
import { useConfirmRemoval } from './use-confirm-removal';

type Result = {
  removeAgency: { __typename: 'RemovalResult'; removed: boolean; consequences: string[] };
};

const REMOVE_AGENCY = parse(`
  mutation HookRemoveAgency($id: ID!, $dryRun: Boolean!) {
    removeAgency(id: $id, dryRun: $dryRun) {
      removed
      consequences
    }
  }
`) as TypedDocumentNode<Result, { id: string; dryRun: boolean }>;

const REMOVE_RELATIONSHIP = parse(`
  mutation HookRemoveRelationship($id: ID!) {
    removeRelationship(id: $id) {
      removed
      consequences
    }
  }
`) as TypedDocumentNode<{ removeRelationship: Result['removeAgency'] }, { id: string }>;

const answer = (removed: boolean, consequences: string[]) => ({
  __typename: 'RemovalResult' as const,
  removed,
  consequences,
});

function AgencyRow({ onRemoved }: { onRemoved: () => void }) {
  const removalOf = useConfirmRemoval(REMOVE_AGENCY, {
    consequencesOf: (data) => data.removeAgency.consequences,
  });
  return (
    <ConfirmRemoval
      what="the agency Northmoor Police"
      {...removalOf({ id: 'a1' })}
      onRemoved={onRemoved}
    />
  );
}

function RelationshipRow({ onRemoved }: { onRemoved: () => void }) {
  const removalOf = useConfirmRemoval(REMOVE_RELATIONSHIP);
  return (
    <ConfirmRemoval what="the relationship" {...removalOf({ id: 't1' })} onRemoved={onRemoved} />
  );
}

function renderWith(
  mocks: MockedProviderProps['mocks'],
  row: (onRemoved: () => void) => ReactElement,
) {
  const onRemoved = jest.fn();
  render(<MockedProvider mocks={mocks}>{row(onRemoved)}</MockedProvider>);
  return onRemoved;
}

describe('useConfirmRemoval', () => {
  it('asks the dry run what else goes, and removes only once confirmed', async () => {
    const user = userEvent.setup();
    const dryRun = jest.fn(() => ({
      data: { removeAgency: answer(false, ['2 events no longer name an agency.']) },
    }));
    const removal = jest.fn(() => ({ data: { removeAgency: answer(true, []) } }));
    const onRemoved = renderWith(
      [
        {
          request: { query: REMOVE_AGENCY, variables: { id: 'a1', dryRun: true } },
          result: dryRun,
        },
        {
          request: { query: REMOVE_AGENCY, variables: { id: 'a1', dryRun: false } },
          result: removal,
        },
      ],
      (done) => <AgencyRow onRemoved={done} />,
    );

    await user.click(screen.getByRole('button', { name: 'Remove the agency Northmoor Police' }));
    expect(await screen.findByText('2 events no longer name an agency.')).toBeInTheDocument();
    expect(dryRun).toHaveBeenCalledTimes(1);
    expect(removal).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(onRemoved).toHaveBeenCalledTimes(1));
    expect(removal).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('removes without a dry run where the mutation has none, and says nothing else changes', async () => {
    const user = userEvent.setup();
    const removal = jest.fn(() => ({ data: { removeRelationship: answer(true, []) } }));
    const onRemoved = renderWith(
      [{ request: { query: REMOVE_RELATIONSHIP, variables: { id: 't1' } }, result: removal }],
      (done) => <RelationshipRow onRemoved={done} />,
    );

    await user.click(screen.getByRole('button', { name: 'Remove the relationship' }));
    expect(await screen.findByText('Nothing else changes with it.')).toBeInTheDocument();
    expect(removal).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(onRemoved).toHaveBeenCalledTimes(1));
    expect(removal).toHaveBeenCalledTimes(1);
  });

  it('shows why the removal failed and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const onRemoved = renderWith(
      [
        {
          request: { query: REMOVE_AGENCY, variables: { id: 'a1', dryRun: true } },
          result: { data: { removeAgency: answer(false, []) } },
        },
        {
          request: { query: REMOVE_AGENCY, variables: { id: 'a1', dryRun: false } },
          error: new Error('The agency is no longer there.'),
        },
      ],
      (done) => <AgencyRow onRemoved={done} />,
    );

    await user.click(screen.getByRole('button', { name: 'Remove the agency Northmoor Police' }));
    await user.click(await screen.findByRole('button', { name: 'Remove' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The agency is no longer there.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(onRemoved).not.toHaveBeenCalled();
  });
});
