import { useMutation } from '@apollo/client/react';
import { AGENCY_SECTOR_LABELS, AGENCY_SECTORS, TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { ConflictDialog } from '../../components/ConflictDialog';
import { messageOf } from '../../components/graphql-errors';
import { chosenDraft, SaveConflict, saveConflictOf } from '../../components/save-conflict';
import { AgencySector, RegistersOfReviewQuery } from '../../gql/graphql';
import {
  REGISTERS_ADD_AGENCY,
  REGISTERS_REMOVE_AGENCY,
  REGISTERS_UPDATE_AGENCY,
} from './registers.graphql';

type Agency = NonNullable<RegistersOfReviewQuery['review']>['agencies'][number];

interface AgencyDraft {
  name: string;
  sector: AgencySector | '';
}

const REFETCH = ['RegistersOfReview'];

const AGENCY_FIELD_LABELS = { name: 'Name', sector: 'Sector' };

/** The agencies involved with the family: add, rename or re-sector in place, remove. */
export function AgenciesRegister({
  reviewId,
  agencies,
  canEdit,
  onChronologyChanged,
}: {
  reviewId: string;
  agencies: Agency[];
  canEdit: boolean;
  /** Removing an agency changes which events carry it. */
  onChronologyChanged: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const removalOf = useConfirmRemoval(REGISTERS_REMOVE_AGENCY, {
    consequencesOf: (data) => data.removeAgency.consequences,
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });

  return (
    <section className="registers__section" aria-labelledby="registers-agencies">
      <div className="section-header">
        <h2 id="registers-agencies">Agencies</h2>
      </div>
      {agencies.length === 0 ? (
        <p className="hint">No agency is on the register yet.</p>
      ) : (
        <table className="data-table registers__table">
          <caption>The agencies involved with the family during the period under review</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Sector</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Changes</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {agencies.map((agency) =>
              editing === agency.id ? (
                <AgencyEditRow key={agency.id} agency={agency} onDone={() => setEditing(null)} />
              ) : (
                <tr key={agency.id}>
                  <td>
                    <span className="data-table__title">{agency.name}</span>
                  </td>
                  <td>{AGENCY_SECTOR_LABELS[agency.sector]}</td>
                  {canEdit && (
                    <td className="registers__actions">
                      <button
                        type="button"
                        className="button button--secondary registers__small"
                        aria-label={`Edit ${agency.name}`}
                        onClick={() => setEditing(agency.id)}
                      >
                        Edit
                      </button>
                      <ConfirmRemoval
                        what={`the agency ${agency.name}`}
                        className="button button--secondary registers__small"
                        {...removalOf({ id: agency.id })}
                        onRemoved={onChronologyChanged}
                      />
                    </td>
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {canEdit && <AddAgency reviewId={reviewId} />}
    </section>
  );
}

function AgencyFields({
  draft,
  onChange,
  idPrefix,
}: {
  draft: AgencyDraft;
  onChange: (draft: AgencyDraft) => void;
  idPrefix: string;
}) {
  return (
    <>
      <span className="registers__field">
        <label htmlFor={`${idPrefix}-name`}>Agency name</label>
        <input
          id={`${idPrefix}-name`}
          value={draft.name}
          maxLength={TEXT_LIMITS.agencyName}
          required
          onChange={(event) => onChange({ ...draft, name: event.target.value })}
        />
      </span>
      <span className="registers__field">
        <label htmlFor={`${idPrefix}-sector`}>Sector</label>
        <select
          id={`${idPrefix}-sector`}
          value={draft.sector}
          required
          onChange={(event) => onChange({ ...draft, sector: event.target.value as AgencySector })}
        >
          <option value="">Choose a sector</option>
          {AGENCY_SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {AGENCY_SECTOR_LABELS[sector]}
            </option>
          ))}
        </select>
      </span>
    </>
  );
}

function AddAgency({ reviewId }: { reviewId: string }) {
  const idPrefix = useId();
  const [draft, setDraft] = useState<AgencyDraft>({ name: '', sector: '' });
  const [error, setError] = useState<string | null>(null);
  const [addAgency, { loading }] = useMutation(REGISTERS_ADD_AGENCY);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.sector) return;
    setError(null);
    try {
      await addAgency({
        variables: { reviewId, input: { name: draft.name.trim(), sector: draft.sector } },
        refetchQueries: REFETCH,
        awaitRefetchQueries: true,
      });
      setDraft({ name: '', sector: '' });
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <form
      className="registers__add"
      onSubmit={(event) => void submit(event)}
      aria-label="Add an agency"
    >
      <h3 className="registers__add-title">Add an agency</h3>
      <div className="registers__fields">
        <AgencyFields draft={draft} onChange={setDraft} idPrefix={idPrefix} />
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Adding…' : 'Add agency'}
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function AgencyEditRow({ agency, onDone }: { agency: Agency; onDone: () => void }) {
  const idPrefix = useId();
  const [draft, setDraft] = useState<AgencyDraft>({ name: agency.name, sector: agency.sector });
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict<AgencyDraft> | null>(null);
  const [updateAgency, { loading }] = useMutation(REGISTERS_UPDATE_AGENCY);

  const submit = async (sent: AgencyDraft, expectedVersion: number) => {
    if (!sent.sector) return;
    setError(null);
    try {
      await updateAgency({
        variables: {
          id: agency.id,
          expectedVersion,
          input: { name: sent.name.trim(), sector: sent.sector },
        },
      });
      onDone();
    } catch (caught) {
      const found = saveConflictOf(caught, AGENCY_FIELD_LABELS, sent);
      if (!found) setError(messageOf(caught));
      else if (found.fields.length === 0) await submit(sent, found.currentVersion);
      else setConflict(found);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(draft, agency.version);
  };

  return (
    <tr className="registers__editing">
      <td colSpan={3}>
        <form onSubmit={save} aria-label={`Edit ${agency.name}`}>
          <div className="registers__fields">
            <AgencyFields draft={draft} onChange={setDraft} idPrefix={idPrefix} />
            <button type="submit" className="button button--primary" disabled={loading}>
              {loading ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button--secondary" onClick={onDone}>
              Cancel
            </button>
          </div>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
        </form>
        {conflict && (
          <ConflictDialog
            what="agency"
            fields={conflict.fields}
            onResolve={(choice) => {
              const next = chosenDraft(conflict, choice);
              setConflict(null);
              setDraft(next);
              void submit(next, conflict.currentVersion);
            }}
            onCancel={() => setConflict(null)}
          />
        )}
      </td>
    </tr>
  );
}
