import { useMutation, useQuery } from '@apollo/client/react';
import { REVIEW_ROLE_LABELS, REVIEW_ROLES, ReviewRoleName } from '@scr/shared';
import { FormEvent, ReactNode, useEffect, useId, useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { messageOf } from '../../components/graphql-errors';
import { ReviewHomeData } from './review-home-readiness';
import {
  REVIEW_HOME_ADD_MEMBER,
  REVIEW_HOME_FIND_ACCOUNTS,
  REVIEW_HOME_REMOVE_MEMBER,
} from './review-home.graphql';

/** What each role may do, said where members are chosen. */
const ROLE_MEANINGS: Record<ReviewRoleName, string> = {
  LEAD_REVIEWER: 'changes everything and manages the members',
  REVIEW_TEAM: 'changes everything the review records',
  CASE_GROUP: 'reads and comments',
  OBSERVER: 'reads only',
};

export const ACCOUNT_SEARCH_MIN_LENGTH = 2;

/** What was typed, once the typing has paused, so that not every keystroke asks the server. */
function useSettled(value: string, delayMs = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Finds an account to add by part of its name or email: the server answers those who manage the
 * review with at most ten matches, never the whole list and never anyone's role.
 */
function AddMember({ reviewId }: { reviewId: string }) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; displayName: string } | null>(null);
  const [role, setRole] = useState<ReviewRoleName>('REVIEW_TEAM');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const settled = useSettled(search.trim());
  // Clearing the box hides the matches at once; typing waits for the pause.
  const searching =
    search.trim().length >= ACCOUNT_SEARCH_MIN_LENGTH &&
    settled.length >= ACCOUNT_SEARCH_MIN_LENGTH;
  const found = useQuery(REVIEW_HOME_FIND_ACCOUNTS, {
    variables: { search: settled, reviewId },
    skip: !searching,
    fetchPolicy: 'network-only',
  });
  const [add, { loading }] = useMutation(REVIEW_HOME_ADD_MEMBER, {
    refetchQueries: ['ReviewHome'],
    awaitRefetchQueries: true,
  });
  const matches = searching ? (found.data?.findAccounts ?? []) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setError('Find the account to add, then choose it.');
      return;
    }
    setError(null);
    try {
      await add({ variables: { reviewId, userId: chosen.id, role } });
      setAdded(`${chosen.displayName} is now ${REVIEW_ROLE_LABELS[role].toLowerCase()}.`);
      setChosen(null);
      setSearch('');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  let results: ReactNode;
  if (!searching) {
    results = (
      <p className="hint" id={`${id}-results`}>
        Type at least {ACCOUNT_SEARCH_MIN_LENGTH} characters of a name or email.
      </p>
    );
  } else if (found.loading) {
    results = (
      <p role="status" id={`${id}-results`}>
        Searching…
      </p>
    );
  } else if (found.error) {
    results = (
      <p className="notice notice--error" role="alert" id={`${id}-results`}>
        {messageOf(found.error)}
      </p>
    );
  } else if (matches.length === 0) {
    results = (
      <p className="hint" role="status" id={`${id}-results`}>
        No account matches “{settled}”. Members already on the review and deactivated accounts are
        not shown; an administrator creates new accounts.
      </p>
    );
  } else {
    results = (
      <fieldset className="review-home__matches" id={`${id}-results`}>
        <legend>
          {matches.length === 1 ? '1 matching account' : `${matches.length} matching accounts`}
          {matches.length === 10 && ' (the first 10: type more to narrow them)'}
        </legend>
        {matches.map((account) => (
          <label key={account.id} className="review-home__match">
            <input
              type="radio"
              name={`${id}-account`}
              value={account.id}
              checked={chosen?.id === account.id}
              onChange={() => setChosen(account)}
            />
            <span>
              <span className="review-home__member-name">{account.displayName}</span>
              <span className="data-table__sub">{account.email}</span>
            </span>
          </label>
        ))}
      </fieldset>
    );
  }

  return (
    <form className="review-home__add-member" onSubmit={(event) => void submit(event)}>
      <div className="review-home__search">
        <label htmlFor={`${id}-search`}>Find an account by name or email</label>
        <input
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          value={search}
          aria-describedby={`${id}-results`}
          onChange={(event) => {
            setSearch(event.target.value);
            setChosen(null);
            setAdded(null);
          }}
        />
      </div>
      <div className="review-home__search-results">{results}</div>
      <div>
        <label htmlFor={`${id}-role`}>Role on the review</label>
        <select
          id={`${id}-role`}
          value={role}
          aria-describedby={`${id}-role-meaning`}
          onChange={(event) => setRole(event.target.value as ReviewRoleName)}
        >
          {REVIEW_ROLES.map((each) => (
            <option key={each} value={each}>
              {REVIEW_ROLE_LABELS[each]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary" disabled={loading}>
        {loading ? 'Adding…' : chosen ? `Add ${chosen.displayName}` : 'Add member'}
      </button>
      <p className="hint review-home__role-meaning" id={`${id}-role-meaning`}>
        {REVIEW_ROLE_LABELS[role]}: {ROLE_MEANINGS[role]}.
      </p>
      {added && (
        <p className="review-home__role-meaning" role="status">
          {added}
        </p>
      )}
      {error && (
        <p className="notice notice--error review-home__role-meaning" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The review's members and their roles; those who manage the review add and remove them. */
export function ReviewHomeMembers({
  reviewId,
  members,
  canManage,
}: {
  reviewId: string;
  members: ReviewHomeData['members'];
  canManage: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const removalOf = useConfirmRemoval(REVIEW_HOME_REMOVE_MEMBER, {
    refetchQueries: ['ReviewHome'],
    awaitRefetchQueries: true,
  });
  const ordered = [...members].sort(
    (a, b) =>
      REVIEW_ROLES.indexOf(a.role) - REVIEW_ROLES.indexOf(b.role) ||
      a.user.displayName.localeCompare(b.user.displayName),
  );

  return (
    <section className="review-home__card" aria-labelledby="review-members">
      <div className="section-header">
        <h2 id="review-members">Members</h2>
        {canManage && !adding && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setAdding(true)}
          >
            Add a member
          </button>
        )}
      </div>
      {ordered.length === 0 ? (
        <p className="hint">The review’s members are shown to its members only.</p>
      ) : (
        <ul className="review-home__members">
          {ordered.map((member) => (
            <li key={member.user.id}>
              <span>
                <span className="review-home__member-name">{member.user.displayName}</span>
                <span className="data-table__sub">{member.user.email}</span>
              </span>
              <span className="review-home__role">{REVIEW_ROLE_LABELS[member.role]}</span>
              {canManage && (
                <ConfirmRemoval
                  what={`${member.user.displayName} from the review`}
                  {...removalOf({ reviewId, userId: member.user.id })}
                  consequences={async () => [
                    `${member.user.displayName} no longer sees the review or anything in it.`,
                  ]}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && adding && (
        <>
          <AddMember reviewId={reviewId} />
          <button type="button" className="button button--quiet" onClick={() => setAdding(false)}>
            Done adding members
          </button>
        </>
      )}
    </section>
  );
}
