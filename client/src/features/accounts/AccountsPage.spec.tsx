import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import {
  ACCOUNTS,
  CHANGE_ACCOUNT_ROLE,
  DEACTIVATE_ACCOUNT,
  RESET_ACCOUNT_PASSWORD,
} from './accounts.graphql';
import { AccountsPage } from './AccountsPage';

const account = (id: string, displayName: string, role: string, extra: object = {}) => ({
  __typename: 'User' as const,
  id,
  email: `${displayName.split(' ')[0].toLowerCase()}@p.org`,
  displayName,
  role,
  version: 1,
  deactivatedAt: null,
  lastSignInAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  ...extra,
});
const admin = account('a1', 'Ada Admin', 'ADMIN');
const dana = account('u2', 'Dana Reviewer', 'REVIEWER');
const accounts = (users: object[]) => ({
  request: { query: ACCOUNTS },
  result: { data: { me: { __typename: 'User' as const, id: 'a1' }, users } },
});

const renderPage = (mocks: object[]) =>
  render(
    <MockedProvider mocks={mocks as never}>
      <AccountsPage />
    </MockedProvider>,
  );

const rowOf = async (name: string) =>
  (await screen.findByRole('rowheader', { name: new RegExp(name) })).closest('tr')!;

describe('AccountsPage', () => {
  it('lists the accounts and changes a role with the version shown', async () => {
    renderPage([
      accounts([admin, dana]),
      {
        request: {
          query: CHANGE_ACCOUNT_ROLE,
          variables: { id: 'u2', expectedVersion: 1, role: 'ANALYST' },
        },
        result: {
          data: { changeUserRole: { __typename: 'User', id: 'u2', role: 'ANALYST', version: 2 } },
        },
      },
      accounts([admin, { ...dana, role: 'ANALYST', version: 2 }]),
    ]);
    expect(await screen.findByRole('table', { name: '2 accounts' })).toBeInTheDocument();
    const row = await rowOf('Dana Reviewer');
    await userEvent.selectOptions(
      within(row).getByRole('combobox', { name: 'Role of Dana Reviewer' }),
      'ANALYST',
    );
    await userEvent.click(within(row).getByRole('button', { name: 'Change role' }));
    expect(
      await within(await rowOf('Dana Reviewer')).findByRole('combobox', {
        name: 'Role of Dana Reviewer',
      }),
    ).toHaveValue('ANALYST');
  });

  it('shows why the server refused to deactivate the last administrator', async () => {
    renderPage([
      accounts([admin]),
      {
        request: { query: DEACTIVATE_ACCOUNT, variables: { id: 'a1', expectedVersion: 1 } },
        result: {
          errors: [
            new GraphQLError(
              'This is the only active administrator: make another account an administrator first.',
              { extensions: { code: 'BAD_USER_INPUT' } },
            ),
          ],
        },
      },
    ]);
    expect(await screen.findByRole('region', { name: 'Only you so far' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Deactivate Ada Admin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('only active administrator');
  });

  it('resets a password to a generated one, shown once', async () => {
    renderPage([
      accounts([admin, dana]),
      {
        request: {
          query: RESET_ACCOUNT_PASSWORD,
          variables: { id: 'u2', expectedVersion: 1, newPassword: null },
        },
        result: {
          data: {
            resetUserPassword: {
              __typename: 'PasswordReset',
              generatedPassword: 'abcd-efgh-ijkl-mnop-qrst',
              user: { __typename: 'User', id: 'u2', version: 2 },
            },
          },
        },
      },
      accounts([admin, { ...dana, version: 2 }]),
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Reset password of Dana Reviewer' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Reset the password of Dana Reviewer' });
    expect(within(dialog).getByRole('radio', { name: 'Generate one, shown once' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    expect(await within(dialog).findByText('abcd-efgh-ijkl-mnop-qrst')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('abcd-efgh-ijkl-mnop-qrst')).not.toBeInTheDocument();
  });
});
