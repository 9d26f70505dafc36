import {
  FINDING_CATEGORIES,
  FINDING_CATEGORY_DESCRIPTIONS,
  FINDING_TYPOLOGY_SOURCE,
  numberedCategoryLabel,
} from '@scr/shared';
import { useId } from 'react';
import { FindingCategory } from '../../gql/graphql';
import './findings.css';

/**
 * The six typology categories, numbered in SCIE's order, as a radio group, each with the patterns it usually covers, so that
 * the reviewer picks the finding's main category knowingly (the categories overlap).
 */
export function FindingCategoryField({
  value,
  onChange,
  disabled = false,
}: {
  value: FindingCategory | null;
  onChange: (category: FindingCategory) => void;
  disabled?: boolean;
}) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className="finding-categories" disabled={disabled} aria-describedby={hintId}>
      <legend>Typology category</legend>
      <p className="hint" id={hintId}>
        The categories overlap: choose the one the pattern is mainly about. Source:{' '}
        {FINDING_TYPOLOGY_SOURCE}.
      </p>
      {FINDING_CATEGORIES.map((category) => {
        const { typicalPatterns } = FINDING_CATEGORY_DESCRIPTIONS[category];
        const patternsId = `${name}-${category}`;
        return (
          <label key={category} className="finding-categories__option">
            <input
              type="radio"
              name={name}
              value={category}
              checked={value === category}
              onChange={() => onChange(category)}
              aria-describedby={patternsId}
            />
            <span>
              <span className="finding-categories__label">{numberedCategoryLabel(category)}</span>
              <span className="finding-categories__patterns" id={patternsId}>
                Typical patterns: {typicalPatterns}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
