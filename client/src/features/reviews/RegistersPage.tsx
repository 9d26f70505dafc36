import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { AgenciesRegister } from './AgenciesRegister';
import { PeopleFamilyNetwork } from './PeopleFamilyNetwork';
import { PeopleRegister } from './PeopleRegister';
import { REGISTERS } from './registers.graphql';
import { useEventContacts } from './registers-use-event-contacts';
import { RelationshipsRegister } from './RelationshipsRegister';
import { useReview } from '../../app/review-context';
import './registers.css';

/** The review's registers: the family network, the people register, their relationships, the agencies. */
export function RegistersPage() {
  const { reviewId = '' } = useParams();
  const { canEdit, canReadRealNames } = useReview();
  const { data, loading, error } = useQuery(REGISTERS, { variables: { id: reviewId } });
  const { contacts, readAgain: chronologyChanged } = useEventContacts(reviewId);
  const registers = data?.review;

  if (loading && !registers) return <p role="status">Loading the registers…</p>;
  if (error || !registers) {
    return (
      <p className="notice notice--error" role="alert">
        {error?.message ?? 'The registers of this review are not available.'}
      </p>
    );
  }

  return (
    <div className="registers">
      <section className="registers__section" aria-labelledby="registers-network">
        <div className="section-header">
          <h2 id="registers-network">Family network</h2>
        </div>
        {registers.people.length === 0 ? (
          <EmptyState title="No one is on the people register yet">
            {canEdit ? (
              <p>
                Add the child, the family and the other people in the review below, each by the
                pseudonym the report will use. Then record their relationships, and the family
                network is drawn here with who was seen by which agency.
              </p>
            ) : (
              <p>
                The family network is drawn here once the review team has added the people of the
                review and their relationships.
              </p>
            )}
          </EmptyState>
        ) : (
          <PeopleFamilyNetwork registers={registers} contacts={contacts} />
        )}
      </section>
      <PeopleRegister
        reviewId={reviewId}
        people={registers.people}
        canEdit={canEdit}
        canReadRealNames={canReadRealNames}
        onChronologyChanged={chronologyChanged}
      />
      <RelationshipsRegister
        reviewId={reviewId}
        people={registers.people}
        relationships={registers.relationships}
        canEdit={canEdit}
      />
      <AgenciesRegister
        reviewId={reviewId}
        agencies={registers.agencies}
        canEdit={canEdit}
        onChronologyChanged={chronologyChanged}
      />
    </div>
  );
}
