import { formatPartialDate } from '@scr/shared';
import type { ReactNode } from 'react';
import type { ChronologyRow } from './chronology-table-rows';
import type { DraftField } from './chronology-table-editor';

function NotRecorded() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Not recorded</span>
    </>
  );
}

/**
 * Whether a description may run past the two lines a compact row shows: long, or on several lines.
 * Shorter ones have no "Show all" to offer.
 */
export function mayBeClamped(description: string): boolean {
  return description.length > 90 || description.split('\n').length > 2;
}

interface CellsProps {
  row: ChronologyRow;
  /** Present when the row can be edited: opens the editor with that field focused. */
  onEdit?: (field: DraftField) => void;
  editDisabled: boolean;
  /** Whether the row's buttons are in the Tab order (only in the row that has it). */
  tabbable: boolean;
  /** Whether the description shows whole, rather than clamped to two lines. */
  expanded: boolean;
  onToggle: () => void;
  /** Present when events can be added: opens the form prefilled from this one. */
  onDuplicate?: () => void;
  /** The row's Delete button, when events can be deleted. */
  deleteButton?: ReactNode;
}

/** The cells of a row as read: date and time, agency, the entry, its source, and Edit. */
export function ChronologyRowCells({
  row,
  onEdit,
  editDisabled,
  tabbable,
  expanded,
  onToggle,
  onDuplicate,
  deleteButton,
}: CellsProps) {
  const tabIndex = tabbable ? 0 : -1;
  return (
    <>
      <div role="cell" className="chronology-table__cell" data-field="occurredOn">
        <span className="chronology-table__date">
          {formatPartialDate(row.occurredOn, row.precision)}
        </span>
        {row.timeOfDay && <span className="data-table__sub">{row.timeOfDay}</span>}
      </div>
      <div role="cell" className="chronology-table__cell" data-field="agencyId">
        {row.agency?.name ?? <NotRecorded />}
      </div>
      <div role="cell" className="chronology-table__cell" data-field="title">
        <span className="data-table__title">{row.title}</span>
        {row.description && (
          <span
            className={`chronology-table__description${expanded ? '' : ' chronology-table__description--clamped'}`}
          >
            {row.description}
          </span>
        )}
        {row.description && mayBeClamped(row.description) && (
          <button
            type="button"
            className="chronology-table__toggle"
            aria-expanded={expanded}
            tabIndex={tabIndex}
            onClick={onToggle}
          >
            {expanded ? 'Show less' : 'Show all'}
            <span className="visually-hidden"> of “{row.title}”</span>
          </button>
        )}
        {row.linkedEvents && row.linkedEvents.length > 0 && (
          <span className="data-table__sub">
            Also recorded by{' '}
            {row.linkedEvents.map((linked) => linked.agency?.name ?? 'another record').join(', ')}
          </span>
        )}
      </div>
      <div role="cell" className="chronology-table__cell" data-field="source">
        {row.source ?? <NotRecorded />}
      </div>
      {onEdit && (
        <div role="cell" className="chronology-table__cell chronology-table__actions">
          <button
            type="button"
            className="button button--secondary chronology-table__edit"
            tabIndex={tabIndex}
            disabled={editDisabled}
            onClick={() => onEdit('occurredOn')}
          >
            Edit<span className="visually-hidden"> “{row.title}”</span>
          </button>
          {onDuplicate && (
            <button
              type="button"
              className="button button--quiet chronology-table__edit"
              tabIndex={tabIndex}
              disabled={editDisabled}
              onClick={onDuplicate}
            >
              Duplicate<span className="visually-hidden"> “{row.title}”</span>
            </button>
          )}
          {deleteButton}
        </div>
      )}
    </>
  );
}
