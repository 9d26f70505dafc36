import { PATTERN_EFFECT_LABELS, PATTERN_EFFECTS } from '@scr/shared';
import { useId } from 'react';
import { PatternEffect } from '../../gql/graphql';
import './findings.css';

/** Whether the pattern contributes to good practice or makes problematic practice more likely. */
export function FindingEffectField({
  value,
  onChange,
  disabled = false,
}: {
  value: PatternEffect | null;
  onChange: (effect: PatternEffect) => void;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className="finding-effect" disabled={disabled}>
      <legend>Effect of the pattern</legend>
      {PATTERN_EFFECTS.map((effect) => (
        <label key={effect} className="finding-effect__option">
          <input
            type="radio"
            name={name}
            value={effect}
            checked={value === effect}
            onChange={() => onChange(effect as PatternEffect)}
          />{' '}
          {PATTERN_EFFECT_LABELS[effect]}
        </label>
      ))}
    </fieldset>
  );
}
