import { useMutation, useQuery } from '@apollo/client/react';
import { PASSWORD_MIN_LENGTH, passwordProblem, ROLE_LABELS, ROLES, RoleName } from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { messageOf } from '../../components/graphql-errors';
import { formatUkDateTime } from './format-account-dates';
import {
  ACCOUNTS,
  CHANGE_ACCOUNT_ROLE,
  CREATE_ACCOUNT,
  DEACTIVATE_ACCOUNT,
  REACTIVATE_ACCOUNT,
  RESET_ACCOUNT_PASSWORD,
} from './accounts.graphql';
import './accounts.css';

interface Account {
  id: string;
  email: string;
  displayName: string;
  role: RoleName;
  version: number;
  deactivatedAt?: string | null;
  lastSignInAt?: string | null;
}

const refetch = { refetchQueries: ['Accounts'], awaitRefetchQueries: true };

function NewAccountForm({ onDone }: { onDone: (message: string) => void }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<RoleName>('REVIEWER');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CREATE_ACCOUNT, refetch);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    try {
      await create({
        variables: { input: { email, displayName: displayName || null, role, password } },
      });
      onDone(`The account ${email.trim().toLowerCase()} can sign in now.`);
      setEmail('');
      setDisplayName('');
      setPassword('');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <form
      className="accounts__new"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
    >
      <h2 id={`${id}-title`}>New account</h2>
      <div className="accounts__fields">
        <div>
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            maxLength={200}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value as RoleName)}
          >
            {ROLES.map((each) => (
              <option key={each} value={each}>
                {ROLE_LABELS[each]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-password`}>First password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={`${id}-password-hint`}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <p className="hint" id={`${id}-password-hint`}>
            At least {PASSWORD_MIN_LENGTH} characters; give it to the person privately.
          </p>
        </div>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Creating…' : 'Create account'}
      </button>
    </form>
  );
}

function RoleCell({ account, onError }: { account: Account; onError: (m: string) => void }) {
  const id = useId();
  const [role, setRole] = useState<RoleName>(account.role);
  const [change, { loading }] = useMutation(CHANGE_ACCOUNT_ROLE, refetch);
  const save = async () => {
    try {
      await change({ variables: { id: account.id, expectedVersion: account.version, role } });
    } catch (caught) {
      setRole(account.role);
      onError(messageOf(caught));
    }
  };
  return (
    <div className="accounts__role">
      <label htmlFor={`${id}-role`} className="visually-hidden">
        Role of {account.displayName}
      </label>
      <select
        id={`${id}-role`}
        value={role}
        onChange={(event) => setRole(event.target.value as RoleName)}
      >
        {ROLES.map((each) => (
          <option key={each} value={each}>
            {ROLE_LABELS[each]}
          </option>
        ))}
      </select>
      {role !== account.role && (
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => void save()}
        >
          {loading ? 'Changing…' : 'Change role'}
        </button>
      )}
    </div>
  );
}

function ResetPasswordDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const id = useId();
  const [mode, setMode] = useState<'generate' | 'choose'>('generate');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [reset, { loading }] = useMutation(RESET_ACCOUNT_PASSWORD, refetch);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'choose') {
      const problem = passwordProblem(password);
      if (problem) {
        setError(problem);
        return;
      }
    }
    setError(null);
    try {
      const { data } = await reset({
        variables: {
          id: account.id,
          expectedVersion: account.version,
          newPassword: mode === 'choose' ? password : null,
        },
      });
      setGenerated(data?.resetUserPassword.generatedPassword ?? null);
      setDone(true);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <Dialog title={`Reset the password of ${account.displayName}`} onClose={onClose}>
      {done ? (
        <>
          {generated ? (
            <p role="status">
              The new password is <code className="accounts__password">{generated}</code>. It is
              shown this once: give it to {account.displayName} privately now.
            </p>
          ) : (
            <p role="status">The password has been changed.</p>
          )}
          <p className="hint">Every session of the account has been ended.</p>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <fieldset>
            <legend>New password</legend>
            <label className="accounts__choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === 'generate'}
                onChange={() => setMode('generate')}
              />
              Generate one, shown once
            </label>
            <label className="accounts__choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === 'choose'}
                onChange={() => setMode('choose')}
              />
              Set one myself
            </label>
          </fieldset>
          {mode === 'choose' && (
            <>
              <label htmlFor={`${id}-password`}>Password</label>
              <input
                id={`${id}-password`}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </>
          )}
          <p className="hint">The account is signed out everywhere.</p>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button button--quiet" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? 'Resetting…' : 'Reset password'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function ActivationButton({
  account,
  onError,
}: {
  account: Account;
  onError: (m: string) => void;
}) {
  const [deactivate, deactivating] = useMutation(DEACTIVATE_ACCOUNT, refetch);
  const [reactivate, reactivating] = useMutation(REACTIVATE_ACCOUNT, refetch);
  const variables = { id: account.id, expectedVersion: account.version };
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (caught) {
      onError(messageOf(caught));
    }
  };
  return account.deactivatedAt ? (
    <button
      type="button"
      className="button button--secondary"
      disabled={reactivating.loading}
      onClick={() => void run(() => reactivate({ variables }))}
    >
      Reactivate<span className="visually-hidden"> {account.displayName}</span>
    </button>
  ) : (
    <button
      type="button"
      className="button button--secondary"
      disabled={deactivating.loading}
      onClick={() => void run(() => deactivate({ variables }))}
    >
      Deactivate<span className="visually-hidden"> {account.displayName}</span>
    </button>
  );
}

/** Administrators create accounts, change their role, deactivate them and reset passwords. */
export function AccountsPage() {
  const { data, loading, error } = useQuery(ACCOUNTS);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const onError = (text: string) => setNotice({ text, error: true });

  if (loading && !data) return <p role="status">Loading the accounts…</p>;
  if (error || !data) {
    return (
      <>
        <h1>Accounts</h1>
        <p className="notice notice--error" role="alert">
          {error ? messageOf(error) : 'The accounts could not be loaded.'}
        </p>
      </>
    );
  }
  const accounts = data.users as Account[];
  const others = accounts.filter((account) => account.id !== data.me.id);

  return (
    <div className="accounts">
      <h1>Accounts</h1>
      <p className="accounts__lede">
        Everyone who can sign in. A change of role, a deactivation or a new password signs the
        account out everywhere at once.
      </p>
      {notice && (
        <p
          className={`notice ${notice.error ? 'notice--error' : 'notice--success'}`}
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <table className="data-table accounts__table">
        <caption>
          {accounts.length} {accounts.length === 1 ? 'account' : 'accounts'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last signed in</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} className={account.deactivatedAt ? 'accounts__row--off' : ''}>
              <th scope="row">
                <span className="data-table__title">
                  {account.displayName}
                  {account.id === data.me.id && ' (you)'}
                </span>
                <span className="data-table__sub">{account.email}</span>
              </th>
              <td>
                <RoleCell key={account.version} account={account} onError={onError} />
              </td>
              <td>
                {account.deactivatedAt
                  ? `Deactivated ${formatUkDateTime(account.deactivatedAt)}`
                  : 'Active'}
              </td>
              <td>{account.lastSignInAt ? formatUkDateTime(account.lastSignInAt) : 'Never'}</td>
              <td className="accounts__actions">
                <ActivationButton account={account} onError={onError} />
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setResetting(account)}
                >
                  Reset password<span className="visually-hidden"> of {account.displayName}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others.length === 0 && (
        <EmptyState title="Only you so far">
          <p>
            Create an account for each reviewer, analyst and trainer below. Lead reviewers then add
            them to their reviews by name or email.
          </p>
        </EmptyState>
      )}
      <NewAccountForm onDone={(text) => setNotice({ text, error: false })} />
      {resetting && <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
