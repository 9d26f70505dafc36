import { useMutation, useQuery } from '@apollo/client/react';
import { REVIEW_ROLE_LABELS, REVIEW_ROLES, ReviewRoleName } from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { messageOf } from '../../components/graphql-errors';
import { ReviewHomeData } from './review-home-readiness';
import {
  REVIEW_HOME_ACCOUNTS,
  REVIEW_HOME_ADD_MEMBER,
  REVIEW_HOME_REMOVE_MEMBER,
} from './review-home.graphql';

/** What each role may do, said where members are chosen. */
const ROLE_MEANINGS: Record<ReviewRoleName, string> = {
  LEAD_REVIEWER: 'changes everything and manages the members',
  REVIEW_TEAM: 'changes everything the review records',
  CASE_GROUP: 'reads and comments',
  OBSERVER: 'reads only',
};

/** Picks an account to add; the list of accounts is open to administrators only. */
function AddMember({ reviewId, memberIds }: { reviewId: string; memberIds: string[] }) {
  const id = useId();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<ReviewRoleName>('REVIEW_TEAM');
  const [error, setError] = useState<string | null>(null);
  const accounts = useQuery(REVIEW_HOME_ACCOUNTS);
  const [add, { loading }] = useMutation(REVIEW_HOME_ADD_MEMBER, {
    refetchQueries: ['ReviewHome'],
    awaitRefetchQueries: true,
  });

  if (accounts.loading) return <p role="status">Loading the accounts…</p>;
  if (accounts.error) {
    return (
      <p className="hint">
        Only an administrator can look up accounts, so ask an administrator to add a new member. You
        can remove members here.
      </p>
    );
  }
  const candidates = (accounts.data?.users ?? []).filter((user) => !memberIds.includes(user.id));
  if (candidates.length === 0) {
    return <p className="hint">Every account is already a member of this review.</p>;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId) {
      setError('Choose the account to add.');
      return;
    }
    setError(null);
    try {
      await add({ variables: { reviewId, userId, role } });
      setUserId('');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <form className="review-home__add-member" onSubmit={(event) => void submit(event)}>
      <div>
        <label htmlFor={`${id}-user`}>Account</label>
        <select
          id={`${id}-user`}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">Choose…</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName} ({user.email})
            </option>
          ))}
        </select>
      </div>
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
        {loading ? 'Adding…' : 'Add member'}
      </button>
      <p className="hint review-home__role-meaning" id={`${id}-role-meaning`}>
        {REVIEW_ROLE_LABELS[role]}: {ROLE_MEANINGS[role]}.
      </p>
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
  const [remove] = useMutation(REVIEW_HOME_REMOVE_MEMBER, {
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
                  consequences={async () => [
                    `${member.user.displayName} no longer sees the review or anything in it.`,
                  ]}
                  remove={() => remove({ variables: { reviewId, userId: member.user.id } })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && adding && (
        <>
          <AddMember reviewId={reviewId} memberIds={members.map((member) => member.user.id)} />
          <button type="button" className="button button--quiet" onClick={() => setAdding(false)}>
            Done adding members
          </button>
        </>
      )}
    </section>
  );
}
