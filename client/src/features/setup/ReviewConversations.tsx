import { useMutation, useQuery } from '@apollo/client/react';
import {
  CONVERSATION_FORMAT_LABELS,
  CONVERSATION_FORMATS,
  CONVERSATION_KIND_LABELS,
  CONVERSATION_KINDS,
  formatPartialDate,
  TEXT_LIMITS,
} from '@scr/shared';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useReview } from '../../app/review-context';
import { conflictOf, messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { focusUnreadableDate, UkDateInput } from '../../components/UkDateInput';
import {
  ConversationFormat,
  ConversationKind,
  DatePrecision,
  ReviewConversationsQuery,
} from '../../gql/graphql';
import {
  REVIEW_CONVERSATION_ADD,
  REVIEW_CONVERSATION_REMOVE,
  REVIEW_CONVERSATION_UPDATE,
  REVIEW_CONVERSATIONS,
} from './setup.graphql';

type Loaded = NonNullable<ReviewConversationsQuery['review']>;
type Conversation = Loaded['conversations'][number];

interface Draft {
  kind: ConversationKind;
  format: ConversationFormat;
  heldOn: string;
  participants: { role: string; agencyId: string }[];
  familyPersonIds: string[];
  familyDescription: string;
  notes: string;
  episodeIds: string[];
}

const EMPTY: Draft = {
  kind: 'PRACTITIONERS',
  format: 'INDIVIDUAL_CONVERSATION',
  heldOn: '',
  participants: [],
  familyPersonIds: [],
  familyDescription: '',
  notes: '',
  episodeIds: [],
};

/** The form's content for a recorded conversation. */
function draftOf(conversation: Conversation): Draft {
  return {
    kind: conversation.kind,
    format: conversation.format,
    heldOn: conversation.heldOn ?? '',
    participants: conversation.participants.map((p) => ({
      role: p.role,
      agencyId: p.agencyId ?? '',
    })),
    familyPersonIds: [...conversation.familyPersonIds],
    familyDescription: conversation.familyDescription ?? '',
    notes: conversation.notes ?? '',
    episodeIds: [...conversation.episodeIds],
  };
}

/** What the API takes for a draft; an unchanged date keeps its precision (e.g. approximate). */
function inputOf(draft: Draft, original?: Conversation) {
  const heldOn = draft.heldOn || null;
  const precision: DatePrecision | null =
    original && heldOn && heldOn === original.heldOn ? (original.precision ?? null) : null;
  return {
    kind: draft.kind,
    format: draft.format,
    heldOn,
    ...(precision ? { precision } : {}),
    participants: draft.participants
      .filter((p) => p.role.trim())
      .map((p) => ({ role: p.role.trim(), agencyId: p.agencyId || null })),
    familyPersonIds: draft.familyPersonIds,
    familyDescription: draft.familyDescription.trim() || null,
    notes: draft.notes.trim() || null,
    episodeIds: draft.episodeIds,
  };
}

/**
 * Conversations with practitioners and the family's contribution: when, how, who took part by
 * role and agency (no names), which family members, notes, and the episodes they inform.
 */
export function ReviewConversations() {
  const { review, canEdit } = useReview();
  const reviewId = review.id;
  const { data, error, refetch } = useQuery(REVIEW_CONVERSATIONS, { variables: { reviewId } });
  const [add] = useMutation(REVIEW_CONVERSATION_ADD);
  const [remove] = useMutation(REVIEW_CONVERSATION_REMOVE);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const list = useRef<HTMLUListElement>(null);

  if (error) return <p role="alert">The conversations could not be loaded: {error.message}</p>;
  if (!data?.review) return <p>Loading the conversations…</p>;
  const loaded = data.review;
  const { conversations } = loaded;

  const focusEditButton = (id: string) =>
    requestAnimationFrame(() =>
      list.current
        ?.querySelector<HTMLElement>(`[data-conversation="${id}"] [data-action="edit"]`)
        ?.focus(),
    );

  return (
    <section className="review-setup" aria-labelledby="review-conversations-heading">
      <h2 id="review-conversations-heading">Conversations and the family’s contribution</h2>
      {problem && <p role="alert">{problem}</p>}
      {conversations.length === 0 ? (
        <p>No conversations recorded yet.</p>
      ) : (
        <ul ref={list} aria-label="Conversations">
          {conversations.map((conversation) => (
            <li key={conversation.id} data-conversation={conversation.id}>
              {editing === conversation.id ? (
                <ConversationForm
                  label={`Edit the conversation: ${conversationTitle(conversation)}`}
                  review={loaded}
                  initial={draftOf(conversation)}
                  original={conversation}
                  submitLabel="Save changes"
                  onSaved={async () => {
                    setEditing(null);
                    await refetch();
                    focusEditButton(conversation.id);
                  }}
                  onCancel={() => {
                    setEditing(null);
                    focusEditButton(conversation.id);
                  }}
                  reload={async () => {
                    const { data: fresh } = await refetch();
                    return fresh?.review?.conversations.find((c) => c.id === conversation.id);
                  }}
                />
              ) : (
                <>
                  <ConversationSummary
                    conversation={conversation}
                    review={loaded}
                    reviewId={reviewId}
                  />
                  {canEdit && (
                    <span className="review-setup__actions">
                      <button
                        type="button"
                        className="button button--secondary button--inline"
                        data-action="edit"
                        aria-label={`Edit the conversation: ${conversationTitle(conversation)}`}
                        onClick={() => {
                          setConfirming(null);
                          setEditing(conversation.id);
                        }}
                      >
                        Edit
                      </button>
                      {confirming === conversation.id ? (
                        <span role="alertdialog" aria-label="Remove this conversation?">
                          Remove this conversation?{' '}
                          <button
                            type="button"
                            className="button"
                            onClick={async () => {
                              setProblem(null);
                              try {
                                await remove({ variables: { id: conversation.id } });
                                setConfirming(null);
                                await refetch();
                              } catch (failure) {
                                setProblem(messageOf(failure));
                              }
                            }}
                          >
                            Remove
                          </button>
                          <button
                            type="button"
                            className="button button--secondary"
                            autoFocus
                            onClick={() => setConfirming(null)}
                          >
                            Keep it
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary button--inline"
                          aria-label={`Remove the conversation: ${conversationTitle(conversation)}`}
                          onClick={() => setConfirming(conversation.id)}
                        >
                          Remove
                        </button>
                      )}
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <ConversationForm
          key={added}
          label="Record a conversation"
          review={loaded}
          initial={EMPTY}
          submitLabel="Record conversation"
          onSaved={async () => {
            setAdded((n) => n + 1);
            await refetch();
          }}
          add={async (input) => {
            await add({ variables: { reviewId, input } });
          }}
        />
      )}
    </section>
  );
}

/** "Practitioners: group or learning event, Mar 2024", for a heading or a button's name. */
function conversationTitle(conversation: Conversation): string {
  const when =
    conversation.heldOn && conversation.precision
      ? formatPartialDate(conversation.heldOn, conversation.precision)
      : 'date not recorded';
  return `${CONVERSATION_KIND_LABELS[conversation.kind]}, ${CONVERSATION_FORMAT_LABELS[
    conversation.format
  ].toLowerCase()}, ${when}`;
}

function ConversationSummary({
  conversation,
  review,
  reviewId,
}: {
  conversation: Conversation;
  review: Loaded;
  reviewId: string;
}) {
  const agencyName = (id: string | null | undefined) =>
    review.agencies.find((agency) => agency.id === id)?.name;
  const family = conversation.familyPersonIds.flatMap((id) => {
    const person = review.people.find((p) => p.id === id);
    return person ? [person.pseudonym] : [];
  });
  const episodes = conversation.episodeIds.flatMap((id) => {
    const episode = review.episodes.find((e) => e.id === id);
    return episode ? [episode] : [];
  });
  return (
    <div className="review-setup__conversation">
      <strong>
        {conversation.heldOn && conversation.precision
          ? formatPartialDate(conversation.heldOn, conversation.precision)
          : 'Date not recorded'}
        : {CONVERSATION_KIND_LABELS[conversation.kind]},{' '}
        {CONVERSATION_FORMAT_LABELS[conversation.format].toLowerCase()}
      </strong>
      {conversation.participants.length > 0 && (
        <p>
          Took part ({plural(conversation.participants.length, 'participant')}):{' '}
          {conversation.participants
            .map((p) => (agencyName(p.agencyId) ? `${p.role} (${agencyName(p.agencyId)})` : p.role))
            .join('; ')}
        </p>
      )}
      {(family.length > 0 || conversation.familyDescription) && (
        <p>Family: {[...family, conversation.familyDescription].filter(Boolean).join('; ')}</p>
      )}
      {episodes.length > 0 && (
        <p>
          Informs {episodes.length === 1 ? 'episode' : 'episodes'}:{' '}
          {episodes.map((episode, index) => (
            <span key={episode.id}>
              {index > 0 && '; '}
              <Link to={`/reviews/${reviewId}/episodes/${episode.id}`}>
                {episode.ordinal}. {episode.title}
              </Link>
            </span>
          ))}
        </p>
      )}
      {conversation.notes && <p>{conversation.notes}</p>}
    </div>
  );
}

type ConversationInput = ReturnType<typeof inputOf>;

/**
 * The form recording a conversation or editing one. Editing saves on the version it was opened
 * at; when someone else saved first it says so, keeps what was typed, and offers to save again
 * over theirs or to load theirs into the form.
 */
function ConversationForm({
  label,
  review,
  initial,
  original,
  submitLabel,
  onSaved,
  onCancel,
  add,
  reload,
}: {
  label: string;
  review: Loaded;
  initial: Draft;
  original?: Conversation;
  submitLabel: string;
  onSaved: () => Promise<void>;
  onCancel?: () => void;
  add?: (input: ConversationInput) => Promise<void>;
  reload?: () => Promise<Conversation | undefined>;
}) {
  const [update, { loading: updating }] = useMutation(REVIEW_CONVERSATION_UPDATE);
  const [form, setForm] = useState<Draft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ version: number } | null>(null);
  const [version, setVersion] = useState(original?.version ?? 0);
  const [baseline, setBaseline] = useState(original);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const rows = useRef<HTMLDivElement>(null);
  const conflictNotice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (original) first.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus once, when the form opens for editing
  }, []);
  useEffect(() => {
    if (conflict) conflictNotice.current?.focus();
  }, [conflict]);
  // After a participant row is added its role takes the focus; after one is removed, the button
  // that adds them (the removed row's own button is gone). Asked for by a counter, so that each
  // click moves the focus once.
  const [focusRequest, setFocusRequest] = useState<{ to: 'new-row' | 'add-button'; n: number }>({
    to: 'add-button',
    n: 0,
  });
  useEffect(() => {
    if (focusRequest.n === 0) return;
    const target =
      focusRequest.to === 'new-row'
        ? [
            ...(rows.current?.querySelectorAll<HTMLInputElement>('[data-participant] input') ?? []),
          ].pop()
        : rows.current?.querySelector<HTMLButtonElement>('[data-action="add-participant"]');
    target?.focus();
  }, [focusRequest]);
  const setFocusAfter = (to: 'new-row' | 'add-button') =>
    setFocusRequest((request) => ({ to, n: request.n + 1 }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (focusUnreadableDate(event.currentTarget)) return;
    if (form.participants.some((p) => !p.role.trim() && p.agencyId)) {
      setProblem('Give the role of each participant, or remove the row.');
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      if (original) {
        await update({
          variables: {
            id: original.id,
            expectedVersion: version,
            input: inputOf(form, baseline),
          },
        });
      } else {
        await add?.(inputOf(form));
      }
      setConflict(null);
      await onSaved();
    } catch (failure) {
      const found = conflictOf(failure);
      if (found && original) {
        setVersion(found.currentVersion);
        setConflict({ version: found.currentVersion });
      } else {
        setProblem(messageOf(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  const loadTheirs = async () => {
    const theirs = await reload?.();
    if (!theirs) {
      setProblem('Their version could not be loaded; it may have been removed.');
      return;
    }
    setVersion(theirs.version);
    setBaseline(theirs);
    setForm(draftOf(theirs));
    setConflict(null);
    first.current?.focus();
  };

  const toggle = (key: 'episodeIds' | 'familyPersonIds', value: string, on: boolean) =>
    setForm({
      ...form,
      [key]: on ? [...form[key], value] : form[key].filter((other) => other !== value),
    });
  const setParticipant = (index: number, change: Partial<Draft['participants'][number]>) =>
    setForm({
      ...form,
      participants: form.participants.map((p, i) => (i === index ? { ...p, ...change } : p)),
    });
  const addParticipant = () => {
    setForm({ ...form, participants: [...form.participants, { role: '', agencyId: '' }] });
    setFocusAfter('new-row');
  };
  const removeParticipant = (index: number) => {
    setForm({ ...form, participants: form.participants.filter((_, i) => i !== index) });
    setFocusAfter('add-button');
  };

  return (
    <form aria-label={label} noValidate onSubmit={(event) => void submit(event)}>
      {!original && <h3 className="review-setup__form-title">{label}</h3>}
      {problem && <p role="alert">{problem}</p>}
      {conflict && (
        <div className="notice notice--warning" role="alert" tabIndex={-1} ref={conflictNotice}>
          <p>
            Someone else saved this conversation while you were editing, so your changes were not
            saved. What you typed is still in the form. Save again to replace their version with
            yours, or load their version into the form (what you typed is then replaced).
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void loadTheirs()}
          >
            Load their version
          </button>
        </div>
      )}
      <label>
        <span>With</span>
        <select
          ref={first}
          value={form.kind}
          onChange={(event) => setForm({ ...form, kind: event.target.value as ConversationKind })}
        >
          {CONVERSATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CONVERSATION_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Format</span>
        <select
          value={form.format}
          onChange={(event) =>
            setForm({ ...form, format: event.target.value as ConversationFormat })
          }
        >
          {CONVERSATION_FORMATS.map((format) => (
            <option key={format} value={format}>
              {CONVERSATION_FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Date (dd/mm/yyyy, mm/yyyy or yyyy)</span>
        <UkDateInput
          partial
          value={form.heldOn}
          onChange={(heldOn) => setForm((current) => ({ ...current, heldOn }))}
        />
      </label>
      <fieldset>
        <legend>Who took part (by role, no names)</legend>
        <div ref={rows}>
          {form.participants.length === 0 && <p className="hint">No participants listed yet.</p>}
          {form.participants.map((participant, index) => (
            <div key={index} data-participant className="review-setup__participant">
              <label>
                <span>Participant {index + 1}: role</span>
                <input
                  value={participant.role}
                  maxLength={TEXT_LIMITS.conversationRole}
                  onChange={(event) => setParticipant(index, { role: event.target.value })}
                />
              </label>
              <label>
                <span>Participant {index + 1}: agency</span>
                <select
                  value={participant.agencyId}
                  onChange={(event) => setParticipant(index, { agencyId: event.target.value })}
                >
                  <option value="">No agency</option>
                  {review.agencies.map((agency) => (
                    <option key={agency.id} value={agency.id}>
                      {agency.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button button--secondary button--inline"
                aria-label={`Remove participant ${index + 1}`}
                onClick={() => removeParticipant(index)}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary button--inline"
            data-action="add-participant"
            onClick={addParticipant}
          >
            Add a participant
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Family members involved</legend>
        {review.people.length === 0 ? (
          <p className="hint">The people register is empty; describe them in words below.</p>
        ) : (
          review.people.map((person) => (
            <label key={person.id}>
              <input
                type="checkbox"
                checked={form.familyPersonIds.includes(person.id)}
                onChange={(event) => toggle('familyPersonIds', person.id, event.target.checked)}
              />{' '}
              {person.pseudonym}
            </label>
          ))
        )}
        <label>
          <span>Family members, in words</span>
          <input
            value={form.familyDescription}
            maxLength={TEXT_LIMITS.conversationFamily}
            onChange={(event) => setForm({ ...form, familyDescription: event.target.value })}
          />
        </label>
      </fieldset>
      <label>
        <span>Notes</span>
        <textarea
          rows={3}
          value={form.notes}
          maxLength={TEXT_LIMITS.conversationNotes}
          onChange={(event) => setForm({ ...form, notes: event.target.value })}
        />
      </label>
      <fieldset>
        <legend>Episodes it informs</legend>
        {review.episodes.length === 0 ? (
          <p className="hint">No key practice episodes yet.</p>
        ) : (
          review.episodes.map((episode) => (
            <label key={episode.id}>
              <input
                type="checkbox"
                checked={form.episodeIds.includes(episode.id)}
                onChange={(event) => toggle('episodeIds', episode.id, event.target.checked)}
              />{' '}
              {episode.ordinal}. {episode.title}
            </label>
          ))
        )}
      </fieldset>
      <div className="review-setup__buttons">
        <button type="submit" className="button" disabled={busy || updating}>
          {conflict ? 'Save again' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
