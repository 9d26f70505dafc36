import { useMutation, useQuery } from '@apollo/client/react';
import {
  CONVERSATION_FORMAT_LABELS,
  CONVERSATION_FORMATS,
  CONVERSATION_KIND_LABELS,
  CONVERSATION_KINDS,
  formatPartialDate,
  TEXT_LIMITS,
} from '@scr/shared';
import { FormEvent, useState } from 'react';
import { useReview } from '../../app/review-context';
import { ConversationFormat, ConversationKind } from '../../gql/graphql';
import {
  REVIEW_CONVERSATION_ADD,
  REVIEW_CONVERSATION_REMOVE,
  REVIEW_CONVERSATIONS,
} from './setup.graphql';

const EMPTY = {
  kind: 'PRACTITIONERS' as ConversationKind,
  format: 'INDIVIDUAL_CONVERSATION' as ConversationFormat,
  heldOn: '',
  role: '',
  agencyId: '',
  familyDescription: '',
  notes: '',
  episodeIds: [] as string[],
  familyPersonIds: [] as string[],
};

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
  const [form, setForm] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  if (error) return <p role="alert">The conversations could not be loaded: {error.message}</p>;
  if (!data?.review) return <p>Loading the conversations…</p>;
  const { agencies, people, episodes, conversations } = data.review;
  const agencyName = (id: string | null | undefined) =>
    agencies.find((agency) => agency.id === id)?.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await add({
        variables: {
          reviewId,
          input: {
            kind: form.kind,
            format: form.format,
            heldOn: form.heldOn.trim() || null,
            participants: form.role.trim()
              ? [{ role: form.role.trim(), agencyId: form.agencyId || null }]
              : [],
            familyPersonIds: form.familyPersonIds,
            familyDescription: form.familyDescription.trim() || null,
            notes: form.notes.trim() || null,
            episodeIds: form.episodeIds,
          },
        },
      });
      setForm(EMPTY);
      await refetch();
    } catch (failure) {
      setProblem((failure as Error).message);
    }
  };
  const toggle = (key: 'episodeIds' | 'familyPersonIds', id: string, on: boolean) =>
    setForm({
      ...form,
      [key]: on ? [...form[key], id] : form[key].filter((other) => other !== id),
    });

  return (
    <section className="review-setup" aria-labelledby="review-conversations-heading">
      <h2 id="review-conversations-heading">Conversations and the family’s contribution</h2>
      {conversations.length === 0 ? (
        <p>No conversations recorded yet.</p>
      ) : (
        <ul aria-label="Conversations">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <strong>
                {CONVERSATION_KIND_LABELS[conversation.kind]}:{' '}
                {CONVERSATION_FORMAT_LABELS[conversation.format]}
              </strong>
              {conversation.heldOn && conversation.precision
                ? `, ${formatPartialDate(conversation.heldOn, conversation.precision)}`
                : ', date not recorded'}
              {conversation.participants.length > 0 && (
                <p>
                  Took part:{' '}
                  {conversation.participants
                    .map((p) =>
                      agencyName(p.agencyId) ? `${p.role} (${agencyName(p.agencyId)})` : p.role,
                    )
                    .join('; ')}
                </p>
              )}
              {conversation.notes && <p>{conversation.notes}</p>}
              {canEdit &&
                (confirming === conversation.id ? (
                  <span role="alertdialog" aria-label="Remove this conversation?">
                    Remove this conversation?{' '}
                    <button
                      type="button"
                      className="button"
                      onClick={async () => {
                        await remove({ variables: { id: conversation.id } });
                        setConfirming(null);
                        await refetch();
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
                    onClick={() => setConfirming(conversation.id)}
                  >
                    Remove
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form aria-label="Record a conversation" onSubmit={(event) => void submit(event)}>
          {problem && <p role="alert">{problem}</p>}
          <label>
            <span>With</span>
            <select
              value={form.kind}
              onChange={(event) =>
                setForm({ ...form, kind: event.target.value as ConversationKind })
              }
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
            <span>Date (YYYY-MM-DD, YYYY-MM or YYYY)</span>
            <input
              value={form.heldOn}
              maxLength={TEXT_LIMITS.eventDate}
              onChange={(event) => setForm({ ...form, heldOn: event.target.value })}
            />
          </label>
          <label>
            <span>Participant’s role</span>
            <input
              value={form.role}
              maxLength={TEXT_LIMITS.conversationRole}
              onChange={(event) => setForm({ ...form, role: event.target.value })}
            />
          </label>
          <label>
            <span>Their agency</span>
            <select
              value={form.agencyId}
              onChange={(event) => setForm({ ...form, agencyId: event.target.value })}
            >
              <option value="">None</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          </label>
          {people.length > 0 && (
            <fieldset>
              <legend>Family members involved</legend>
              {people.map((person) => (
                <label key={person.id}>
                  <input
                    type="checkbox"
                    checked={form.familyPersonIds.includes(person.id)}
                    onChange={(event) => toggle('familyPersonIds', person.id, event.target.checked)}
                  />{' '}
                  {person.pseudonym}
                </label>
              ))}
            </fieldset>
          )}
          <label>
            <span>Family members, in words</span>
            <input
              value={form.familyDescription}
              maxLength={TEXT_LIMITS.conversationFamily}
              onChange={(event) => setForm({ ...form, familyDescription: event.target.value })}
            />
          </label>
          <label>
            <span>Notes</span>
            <textarea
              rows={3}
              value={form.notes}
              maxLength={TEXT_LIMITS.conversationNotes}
              onChange={(event) => setForm({ ...form, notes: event.target.value })}
            />
          </label>
          {episodes.length > 0 && (
            <fieldset>
              <legend>Episodes it informs</legend>
              {episodes.map((episode) => (
                <label key={episode.id}>
                  <input
                    type="checkbox"
                    checked={form.episodeIds.includes(episode.id)}
                    onChange={(event) => toggle('episodeIds', episode.id, event.target.checked)}
                  />{' '}
                  {episode.ordinal}. {episode.title}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" className="button">
            Record conversation
          </button>
        </form>
      )}
    </section>
  );
}
