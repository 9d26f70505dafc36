import { REFERENCE_KIND_LABELS, REFERENCE_KINDS, TEXT_LIMITS } from '@scr/shared';
import { ReferenceKind } from '../../gql/graphql';
import { FormReference } from './finding-form';

/**
 * What shows how widespread the pattern is: other reviews, audits, research, national data, each
 * with its citation and, if it is online, its address (http or https).
 */
export function FindingReferences({
  references,
  onChange,
}: {
  references: FormReference[];
  onChange: (references: FormReference[]) => void;
}) {
  const edit = (index: number, changes: Partial<FormReference>) =>
    onChange(references.map((other, at) => (at === index ? { ...other, ...changes } : other)));
  return (
    <div className="finding-references">
      <h4>References</h4>
      {references.length === 0 && (
        <p className="hint">No references yet: add the reviews, audits, research or data.</p>
      )}
      <ol className="finding-references__list">
        {references.map((reference, index) => (
          <li key={index} className="finding-references__item">
            <label className="finding-field">
              <span>Reference {index + 1}: kind</span>
              <select
                value={reference.kind}
                onChange={(event) => edit(index, { kind: event.target.value as ReferenceKind })}
              >
                {REFERENCE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {REFERENCE_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            </label>
            <label className="finding-field">
              <span>Reference {index + 1}: citation</span>
              <input
                value={reference.citation}
                maxLength={TEXT_LIMITS.referenceCitation}
                required
                onChange={(event) => edit(index, { citation: event.target.value })}
              />
            </label>
            <label className="finding-field">
              <span>Reference {index + 1}: address (optional)</span>
              <input
                type="url"
                value={reference.url}
                maxLength={TEXT_LIMITS.referenceUrl}
                placeholder="https://"
                onChange={(event) => edit(index, { url: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange(references.filter((_, other) => other !== index))}
            >
              Remove reference {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          onChange([...references, { kind: 'AUDIT', citation: '', url: '', reviewId: null }])
        }
      >
        Add a reference
      </button>
    </div>
  );
}
