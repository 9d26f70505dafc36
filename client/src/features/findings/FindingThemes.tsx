import { useId, useState } from 'react';

/** The practice themes the finding is about, from the controlled vocabulary, with a filter. */
export function FindingThemes({
  themes,
  chosen,
  onChange,
}: {
  themes: readonly { key: string; label: string }[];
  chosen: string[];
  onChange: (themeKeys: string[]) => void;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = themes.filter((theme) =>
    words.every((word) => theme.label.toLowerCase().includes(word)),
  );
  const labelOf = new Map(themes.map((theme) => [theme.key, theme.label]));

  return (
    <div className="finding-themes">
      <p className="hint" id={`${id}-chosen`}>
        {chosen.length === 0
          ? 'No practice themes chosen.'
          : `Chosen: ${chosen.map((key) => labelOf.get(key) ?? key).join(', ')}.`}
      </p>
      <label className="finding-field finding-themes__filter">
        <span>Filter the themes</span>
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </label>
      {themes.length === 0 && (
        <p className="hint">No practice themes are defined; an administrator can add them.</p>
      )}
      {themes.length > 0 && shown.length === 0 && (
        <p className="hint">No theme matches “{filter}”.</p>
      )}
      <fieldset className="finding-themes__options" aria-describedby={`${id}-chosen`}>
        <legend className="visually-hidden">Practice themes</legend>
        {shown.map((theme) => (
          <label key={theme.key} className="finding-check">
            <input
              type="checkbox"
              checked={chosen.includes(theme.key)}
              onChange={(change) =>
                onChange(
                  change.target.checked
                    ? [...chosen, theme.key]
                    : chosen.filter((key) => key !== theme.key),
                )
              }
            />
            <span>{theme.label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
