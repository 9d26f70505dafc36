import { Ref } from 'react';
import type { ChronologySort, ChronologySortKey } from './chronology-table-rows';

const COLUMNS: { key: ChronologySortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'agency', label: 'Agency' },
  { key: 'title', label: 'Entry' },
  { key: 'source', label: 'Record reference' },
];

interface HeaderProps {
  ref: Ref<HTMLDivElement>;
  sort: ChronologySort;
  /** Whether the rows carry an Edit button, which has its own column. */
  editable: boolean;
  onSort: (key: ChronologySortKey) => void;
}

/** The column headers: each a button that sorts by its column, then reverses the order. */
export function ChronologyTableHeader({ ref, sort, editable, onSort }: HeaderProps) {
  return (
    <div role="rowgroup" className="chronology-table__head" ref={ref}>
      <div role="row" aria-rowindex={1} className="chronology-table__row">
        {COLUMNS.map((column) => (
          <div
            key={column.key}
            role="columnheader"
            className="chronology-table__cell"
            aria-sort={sort.key === column.key ? sort.direction : undefined}
          >
            <button
              type="button"
              className="chronology-table__sort"
              onClick={() => onSort(column.key)}
            >
              {column.label}
              <span className="chronology-table__arrow" aria-hidden="true">
                {sort.key !== column.key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼'}
              </span>
            </button>
          </div>
        ))}
        {editable && (
          <div role="columnheader" className="chronology-table__cell">
            <span className="visually-hidden">Edit</span>
          </div>
        )}
      </div>
    </div>
  );
}
