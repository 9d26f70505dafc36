import { useQuery } from '@apollo/client/react';
import { KeyboardEvent, useRef } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { AgenciesRegister } from './AgenciesRegister';
import { PeopleFamilyNetwork } from './PeopleFamilyNetwork';
import { PeopleRegister } from './PeopleRegister';
import { REGISTERS } from './registers.graphql';
import { useEventContacts } from './registers-use-event-contacts';
import { RelationshipsRegister } from './RelationshipsRegister';
import { useReview } from '../../app/review-context';
import './registers.css';

/**
 * The review's registers on three tabs: the people register; the family network with the
 * relationships it is drawn from; the agencies.
 */
export function RegistersPage() {
  const { reviewId = '', tab } = useParams();
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

  const chosen = REGISTER_TABS.find((candidate) => candidate.key === tab);
  if (!chosen) return <Navigate to={`/reviews/${reviewId}/registers/people`} replace />;

  return (
    <div className="registers">
      <RegisterTabs reviewId={reviewId} chosen={chosen.key} />
      <div
        className="registers__panel"
        role="tabpanel"
        id="registers-panel"
        aria-labelledby={`registers-tab-${chosen.key}`}
      >
        {chosen.key === 'people' && (
          <PeopleRegister
            reviewId={reviewId}
            people={registers.people}
            canEdit={canEdit}
            canReadRealNames={canReadRealNames}
            onChronologyChanged={chronologyChanged}
          />
        )}
        {chosen.key === 'family' && (
          <>
            <section className="registers__section" aria-labelledby="registers-network">
              <div className="section-header">
                <h2 id="registers-network">Family network</h2>
              </div>
              {registers.people.length === 0 ? (
                <EmptyState title="No one is on the people register yet">
                  {canEdit ? (
                    <p>
                      Add the child, the family and the other people in the review on the{' '}
                      <Link to={`/reviews/${reviewId}/registers/people`}>People</Link> tab, each by
                      the pseudonym the report will use. Then record their relationships below, and
                      the family network is drawn here with who was seen by which agency.
                    </p>
                  ) : (
                    <p>
                      The family network is drawn here once the review team has added the people of
                      the review and their relationships.
                    </p>
                  )}
                </EmptyState>
              ) : (
                <PeopleFamilyNetwork registers={registers} contacts={contacts} />
              )}
            </section>
            <RelationshipsRegister
              reviewId={reviewId}
              people={registers.people}
              relationships={registers.relationships}
              canEdit={canEdit}
            />
          </>
        )}
        {chosen.key === 'agencies' && (
          <AgenciesRegister
            reviewId={reviewId}
            agencies={registers.agencies}
            canEdit={canEdit}
            onChronologyChanged={chronologyChanged}
          />
        )}
      </div>
    </div>
  );
}

/** The registers' tabs, each its own address: `registers/people`, `registers/family`, `registers/agencies`. */
export const REGISTER_TABS = [
  { key: 'people', label: 'People' },
  { key: 'family', label: 'Family network and relationships' },
  { key: 'agencies', label: 'Agencies' },
] as const;
type RegisterTab = (typeof REGISTER_TABS)[number]['key'];

/**
 * Tabs as the ARIA authoring practices describe them: one tab stop, the arrow keys (and Home and
 * End) move between tabs and open the one reached, so each has its own address to link to.
 */
function RegisterTabs({ reviewId, chosen }: { reviewId: string; chosen: RegisterTab }) {
  const navigate = useNavigate();
  const refs = useRef<Record<string, HTMLAnchorElement | null>>({});
  const go = (index: number) => {
    const next = REGISTER_TABS[(index + REGISTER_TABS.length) % REGISTER_TABS.length];
    refs.current[next.key]?.focus();
    void navigate(`/reviews/${reviewId}/registers/${next.key}`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: REGISTER_TABS.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      go(moves[event.key]);
    }
  };
  return (
    <div className="registers__tabs" role="tablist" aria-label="Registers">
      {REGISTER_TABS.map((candidate, index) => {
        const selected = candidate.key === chosen;
        return (
          <Link
            key={candidate.key}
            ref={(element) => {
              refs.current[candidate.key] = element;
            }}
            to={`/reviews/${reviewId}/registers/${candidate.key}`}
            role="tab"
            id={`registers-tab-${candidate.key}`}
            aria-selected={selected}
            aria-controls={selected ? 'registers-panel' : undefined}
            tabIndex={selected ? 0 : -1}
            className="registers__tab"
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {candidate.label}
          </Link>
        );
      })}
    </div>
  );
}
