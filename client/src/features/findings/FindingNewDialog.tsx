import { useMutation } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/graphql-errors';
import { FindingCategory, PatternEffect } from '../../gql/graphql';
import { FindingCategoryField } from './FindingCategoryField';
import { FindingEffectField } from './FindingEffectField';
import { FINDING_LIST, FINDING_LIST_CREATE } from './finding.graphql';

/** Starts a finding with its title, category and effect; the editor takes it from there. */
export function FindingNewDialog({
  reviewId,
  onCreated,
  onClose,
}: {
  reviewId: string;
  onCreated: (findingId: string) => void;
  onClose: () => void;
}) {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<FindingCategory | null>(null);
  const [effect, setEffect] = useState<PatternEffect | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [create, { loading }] = useMutation(FINDING_LIST_CREATE, {
    refetchQueries: [{ query: FINDING_LIST, variables: { reviewId } }],
    awaitRefetchQueries: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setProblem('Give the finding a short title.');
    if (!category) return setProblem('Choose the typology category the pattern is mainly about.');
    if (!effect)
      return setProblem(
        'Say whether the pattern contributes to good practice or makes problems more likely.',
      );
    setProblem(null);
    try {
      const { data } = await create({
        variables: { reviewId, input: { title: title.trim(), category, effect } },
      });
      if (data) onCreated(data.createFinding.id);
    } catch (caught) {
      setProblem(messageOf(caught));
    }
  };

  return (
    <Dialog title="New finding" onClose={onClose} wide>
      <form className="form finding-new" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="finding-new-title">Title</label>
        <input
          id="finding-new-title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-describedby="finding-new-title-hint"
          required
        />
        <p className="hint" id="finding-new-title-hint">
          A few words naming the pattern, such as “Front-door decisions about babies made without
          the agencies that know them”.
        </p>
        <FindingCategoryField value={category} onChange={setCategory} />
        <FindingEffectField value={effect} onChange={setEffect} />
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create and open'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
