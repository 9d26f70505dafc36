import { formatPartialDate } from '@scr/shared';
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

interface CellsProps {
  row: ChronologyRow;
  /** Present when the row can be edited: opens the editor with that field focused. */
  onEdit?: (field: DraftField) => void;
  editDisabled: boolean;
  /** Whether the Edit button is in the Tab order (only in the row that has it). */
  tabbable: boolean;
}

/** The cells of a row as read: date and time, agency, the entry, its source, and Edit. */
export function ChronologyRowCells({ row, onEdit, editDisabled, tabbable }: CellsProps) {
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
          <span className="chronology-table__description">{row.description}</span>
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
            tabIndex={tabbable ? 0 : -1}
            disabled={editDisabled}
            onClick={() => onEdit('occurredOn')}
          >
            Edit<span className="visually-hidden"> “{row.title}”</span>
          </button>
        </div>
      )}
    </>
  );
}
