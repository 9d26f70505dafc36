import {
  FACTOR_LEVEL_LABELS,
  FACTOR_LEVELS,
  FACTOR_TIER_LABELS,
  FACTOR_TIERS,
  PATTERN_EFFECT_LABELS,
  PATTERN_EFFECTS,
  TEXT_LIMITS,
  type FactorLevelName,
  type FactorTierName,
  type PatternEffectName,
} from '@scr/shared';
import { FormEvent, useId, useState } from 'react';
import { messageOf } from '../../components/graphql-errors';

export interface FactorValues {
  description: string;
  level: FactorLevelName;
  effect: PatternEffectName;
  tier: FactorTierName;
  themeKeys: string[];
}

/** A new factor: one that got in the way, at the front line, until the user says otherwise. */
export const NEW_FACTOR_DEFAULTS = {
  effect: 'MAKES_PROBLEMS_MORE_LIKELY',
  tier: 'FRONTLINE',
} as const satisfies Pick<FactorValues, 'effect' | 'tier'>;

/** Adds or edits one contributory factor; what was typed stays if the save fails. */
export function FactorForm({
  initial,
  themes,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: FactorValues;
  themes: readonly { key: string; label: string }[];
  submitLabel: string;
  onSave: (values: FactorValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.description.trim()) {
      setProblem('Describe the factor: what made the practice more or less likely.');
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await onSave({ ...values, description: values.description.trim() });
    } catch (caught) {
      setProblem(messageOf(caught));
      setSaving(false);
    }
  };
  const toggleTheme = (key: string, on: boolean) =>
    setValues({
      ...values,
      themeKeys: on ? [...values.themeKeys, key] : values.themeKeys.filter((k) => k !== key),
    });

  return (
    <form className="factor-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={`${id}-description`}>Factor</label>
      <textarea
        id={`${id}-description`}
        rows={4}
        value={values.description}
        maxLength={TEXT_LIMITS.factorDescription}
        onChange={(event) => setValues({ ...values, description: event.target.value })}
        aria-describedby={`${id}-description-hint`}
        autoFocus
      />
      <p className="hint" id={`${id}-description-hint`}>
        What made the practice more likely or less likely, helpful or not: record what went well as
        well as what got in the way.
      </p>
      <label htmlFor={`${id}-level`}>Level</label>
      <select
        id={`${id}-level`}
        value={values.level}
        onChange={(event) => setValues({ ...values, level: event.target.value as FactorLevelName })}
      >
        {FACTOR_LEVELS.map((level) => (
          <option key={level} value={level}>
            {FACTOR_LEVEL_LABELS[level]}
          </option>
        ))}
      </select>
      <fieldset className="factor-form__effect">
        <legend>Did it help or hinder?</legend>
        {PATTERN_EFFECTS.map((effect) => (
          <label key={effect} className="radio">
            <input
              type="radio"
              name={`${id}-effect`}
              value={effect}
              checked={values.effect === effect}
              onChange={() => setValues({ ...values, effect })}
            />
            {PATTERN_EFFECT_LABELS[effect]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-tier`}>Tier</label>
      <select
        id={`${id}-tier`}
        value={values.tier}
        onChange={(event) => setValues({ ...values, tier: event.target.value as FactorTierName })}
      >
        {FACTOR_TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {FACTOR_TIER_LABELS[tier]}
          </option>
        ))}
      </select>
      <fieldset className="factor-form__themes">
        <legend>Practice themes</legend>
        <div className="factor-form__theme-grid">
          {themes.map((theme) => (
            <label key={theme.key} className="checkbox">
              <input
                type="checkbox"
                checked={values.themeKeys.includes(theme.key)}
                onChange={(event) => toggleTheme(theme.key, event.target.checked)}
              />
              {theme.label}
            </label>
          ))}
        </div>
      </fieldset>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
