import { useMutation } from '@apollo/client/react';
import { TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/graphql-errors';
import { COLLECTION_LIST, CREATE_COLLECTION } from './collections.graphql';

interface Problems {
  name?: string;
  description?: string;
}

/** What is wrong with the name and description, in words, before anything is sent. */
export function collectionProblems(name: string, description: string): Problems {
  const problems: Problems = {};
  if (!name.trim()) problems.name = 'Give the collection a name, such as “Neglect audit 2026”.';
  else if (name.trim().length > TEXT_LIMITS.collectionName)
    problems.name = `The name is at most ${TEXT_LIMITS.collectionName} characters; it has ${name.trim().length}.`;
  if (description.trim().length > TEXT_LIMITS.collectionDescription)
    problems.description = `The description is at most ${TEXT_LIMITS.collectionDescription} characters; it has ${description.trim().length}.`;
  return problems;
}

/** Creates a collection (its creator owns it) and opens it. */
export function CreateCollectionDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(CREATE_COLLECTION, {
    refetchQueries: [COLLECTION_LIST],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = collectionProblems(name, description);
    setProblems(found);
    setFailure(null);
    if (found.name) return nameRef.current?.focus();
    if (found.description) return descriptionRef.current?.focus();
    try {
      const { data } = await create({
        variables: { input: { name: name.trim(), description: description.trim() || null } },
      });
      if (data) navigate(`/collections/${data.createCollection.id}`);
    } catch (caught) {
      setFailure(`The collection was not created: ${messageOf(caught)}`);
    }
  };

  return (
    <Dialog title="New collection" onClose={onClose}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="form__field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            value={name}
            autoFocus
            aria-required
            aria-invalid={!!problems.name || undefined}
            aria-describedby={problems.name ? `${id}-name-problem` : `${id}-name-hint`}
            onChange={(event) => setName(event.target.value)}
          />
          {problems.name ? (
            <p id={`${id}-name-problem`} className="collections__problem">
              {problems.name}
            </p>
          ) : (
            <p id={`${id}-name-hint`} className="hint">
              Required. For example “Neglect audit 2026” or “National sample, 2025 reviews”.
            </p>
          )}
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea
            id={`${id}-description`}
            ref={descriptionRef}
            rows={3}
            value={description}
            aria-invalid={!!problems.description || undefined}
            aria-describedby={problems.description ? `${id}-description-problem` : undefined}
            onChange={(event) => setDescription(event.target.value)}
          />
          {problems.description && (
            <p id={`${id}-description-problem`} className="collections__problem">
              {problems.description}
            </p>
          )}
        </div>
        <p className="hint">
          You own the collection: you and administrators add reviews to it and take them out.
        </p>
        {failure && (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create the collection'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
