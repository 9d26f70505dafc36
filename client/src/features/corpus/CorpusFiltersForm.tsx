import { REVIEW_TYPE_LABELS, REVIEW_TYPES } from '@scr/shared';
import { useState } from 'react';
import { UkDateInput } from '../../components/UkDateInput';
import {
  CORPUS_SOURCES,
  CorpusFilters,
  CorpusSourceName,
  hasCorpusFilters,
  NO_CORPUS_FILTERS,
} from './corpus-filters';

const SOURCE_LABELS: Record<CorpusSourceName, string> = {
  REVIEW: 'Reviews (published here)',
  REPORT: 'Reports (coded from the library)',
};

export interface ThemeChoice {
  key: string;
  kind: string;
  label: string;
}

const KIND_LABELS: Record<string, string> = {
  CASE_CHARACTERISTIC: 'Case characteristics',
  PRACTICE_THEME: 'Practice themes',
};

export interface CollectionChoice {
  id: string;
  name: string;
  /** Whether the reader may read every review of it, and so count them before publication. */
  canAnalyse?: boolean;
}

interface Props {
  filters: CorpusFilters;
  themes: ThemeChoice[];
  /** The collections the reader may choose from, by name. */
  collections: CollectionChoice[];
  onChange: (next: CorpusFilters) => void;
}

type ThemeField = 'allThemes' | 'anyThemes' | 'withoutThemes';

const THEME_FIELDS: { field: ThemeField; label: string; hint: string }[] = [
  { field: 'allThemes', label: 'All of these themes (AND)', hint: 'Reviews with every one' },
  { field: 'anyThemes', label: 'Any of these themes (OR)', hint: 'Reviews with at least one' },
  { field: 'withoutThemes', label: 'None of these themes (NOT)', hint: 'Reviews with none' },
];

/** The corpus screen's filters; every change goes to the address at once. */
export function CorpusFiltersForm({ filters, themes, collections, onChange }: Props) {
  const [partnership, setPartnership] = useState(filters.partnership);
  const [partnershipInAddress, setPartnershipInAddress] = useState(filters.partnership);
  if (partnershipInAddress !== filters.partnership) {
    setPartnershipInAddress(filters.partnership);
    setPartnership(filters.partnership);
  }
  const commitPartnership = () => {
    if (partnership.trim() !== filters.partnership.trim()) onChange({ ...filters, partnership });
  };
  const kinds = [...new Set(themes.map((theme) => theme.kind))];

  return (
    <form
      role="search"
      aria-label="Filter the published reviews"
      className="corpus__filters"
      onSubmit={(event) => {
        event.preventDefault();
        commitPartnership();
      }}
    >
      <fieldset className="corpus__filter-group">
        <legend>Sources</legend>
        {CORPUS_SOURCES.map((source) => {
          const checked = filters.sources.includes(source);
          return (
            <label key={source} className="corpus__check">
              <input
                type="checkbox"
                checked={checked}
                // One source at least: the last one checked cannot be taken away.
                disabled={checked && filters.sources.length === 1}
                onChange={(event) =>
                  onChange({
                    ...filters,
                    sources: CORPUS_SOURCES.filter((one) =>
                      one === source ? event.target.checked : filters.sources.includes(one),
                    ),
                  })
                }
              />
              {SOURCE_LABELS[source]}
            </label>
          );
        })}
      </fieldset>
      <fieldset className="corpus__filter-group">
        <legend>Review type</legend>
        {REVIEW_TYPES.map((type) => (
          <label key={type} className="corpus__check">
            <input
              type="checkbox"
              checked={filters.types.includes(type)}
              onChange={(event) =>
                onChange({
                  ...filters,
                  types: event.target.checked
                    ? REVIEW_TYPES.filter((one) => one === type || filters.types.includes(one))
                    : filters.types.filter((one) => one !== type),
                })
              }
            />
            {REVIEW_TYPE_LABELS[type]}
          </label>
        ))}
      </fieldset>
      <div className="corpus__filter-group">
        <label className="corpus__field">
          Published from
          <UkDateInput
            value={filters.publishedFrom}
            onChange={(publishedFrom) => onChange({ ...filters, publishedFrom })}
          />
        </label>
        <label className="corpus__field">
          Published to
          <UkDateInput
            value={filters.publishedTo}
            onChange={(publishedTo) => onChange({ ...filters, publishedTo })}
          />
        </label>
        <label className="corpus__field">
          Partnership
          <input
            type="text"
            value={partnership}
            placeholder="As the reviews name it"
            onChange={(event) => setPartnership(event.target.value)}
            onBlur={commitPartnership}
          />
        </label>
        <label className="corpus__field">
          Collection
          <select
            value={filters.collectionId}
            onChange={(event) =>
              onChange({ ...filters, collectionId: event.target.value, live: false })
            }
          >
            <option value="">Any collection</option>
            {filters.collectionId &&
              !collections.some((collection) => collection.id === filters.collectionId) && (
                <option value={filters.collectionId}>The collection in the address</option>
              )}
            {[...collections]
              .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
              .map((collection) => (
                <option key={collection.id} value={collection.id}>
                  {collection.name}
                </option>
              ))}
          </select>
        </label>
        {collections.some((c) => c.id === filters.collectionId && c.canAnalyse) && (
          <label className="corpus__field corpus__field--check">
            <input
              type="checkbox"
              checked={filters.live}
              onChange={(event) => onChange({ ...filters, live: event.target.checked })}
            />{' '}
            Count the collection&apos;s reviews as they are now, published or not
          </label>
        )}
      </div>
      <div className="corpus__filter-group corpus__themes">
        {THEME_FIELDS.map(({ field, label, hint }) => (
          <label key={field} className="corpus__field">
            {label}
            <select
              multiple
              size={6}
              value={filters[field]}
              title={hint}
              onChange={(event) =>
                onChange({
                  ...filters,
                  [field]: [...event.target.selectedOptions].map((option) => option.value),
                })
              }
            >
              {kinds.map((kind) => (
                <optgroup key={kind} label={KIND_LABELS[kind] ?? kind}>
                  {themes
                    .filter((theme) => theme.kind === kind)
                    .map((theme) => (
                      <option key={theme.key} value={theme.key}>
                        {theme.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="corpus__filter-actions">
        <button type="submit" className="button">
          Apply partnership
        </button>
        {hasCorpusFilters(filters) && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => onChange(NO_CORPUS_FILTERS)}
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
