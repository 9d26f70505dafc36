import { useMutation } from '@apollo/client/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  KeyboardEvent,
  MouseEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { conflictOf, messageOf } from '../../components/graphql-errors';
import { conflictMessage } from '../../components/save-conflict';
import type { UpdateTimelineEventInput } from '../../gql/graphql';
import { ChronologyRowCells } from './chronology-table-cells';
import { ChronologyTableHeader } from './chronology-table-header';
import {
  ChronologyDraft,
  draftFromRow,
  rowFromSaved,
  inputFromDraft,
  inputFromRow,
  isProblem,
} from './chronology-table-edit';
import { ChronologyRowEditor, DraftField, EditorPerson } from './chronology-table-editor';
import { CHRONOLOGY_TABLE_UPDATE_EVENT } from './chronology-table.graphql';
import { useEventActions } from './use-event-actions';
import {
  ChronologyRow,
  ChronologySort,
  countLabel,
  DEFAULT_SORT,
  filterRows,
  NO_AGENCY,
  sortRows,
} from './chronology-table-rows';
import './chronology-table.css';

export type { ChronologyRow } from './chronology-table-rows';

export interface ChronologyTableProps {
  /** The review the events belong to. */
  reviewId: string;
  events: ChronologyRow[];
  agencies: { id: string; name: string }[];
  /** The people register, for choosing who an event involved and how. */
  people?: EditorPerson[];
  canEdit: boolean;
  onSaved: () => void;
}

interface Editing {
  original: ChronologyRow;
  /** The version the save is made against: the row's, or, after a conflict, the one now saved. */
  expectedVersion: number;
  draft: ChronologyDraft;
  firstField: DraftField;
  error: { field: DraftField | null; message: string } | null;
}

type Status =
  | {
      kind: 'saved';
      id: string;
      title: string;
      previous: UpdateTimelineEventInput;
      version: number;
    }
  | { kind: 'note'; text: string; error?: boolean };

/** How many rows Page Up and Page Down move by. */
const PAGE = 10;

/** The least height of the table's window, however short the browser's window is. */
const LEAST_HEIGHT = 320;

/**
 * The height from the table's top to the bottom of the browser's window (less a margin), so that
 * the table fills the window below what comes before it; measured again when the window resizes.
 */
function useHeightToWindowBottom(ref: { current: HTMLElement | null }): number {
  const [height, setHeight] = useState(LEAST_HEIGHT);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      // Measured from the page's top, so scrolling the page does not change it.
      const fromPageTop = top + window.scrollY;
      setHeight(Math.max(LEAST_HEIGHT, window.innerHeight - Math.min(fromPageTop, 240) - 24));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref]);
  return height;
}

/** The chronology as a sortable, filterable table that scrolls thousands of rows and edits in place. */
export function ChronologyTable({
  reviewId,
  events,
  agencies,
  people,
  canEdit,
  onSaved,
}: ChronologyTableProps) {
  const [sort, setSort] = useState<ChronologySort>(DEFAULT_SORT);
  const [words, setWords] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const deferredWords = useDeferredValue(words);
  const rows = useMemo(
    () => sortRows(filterRows(events, { words: deferredWords, agencyId }), sort),
    [events, deferredWords, agencyId, sort],
  );
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [update, { loading: saving }] = useMutation(CHRONOLOGY_TABLE_UPDATE_EVENT);
  const tableRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  const pendingFocus = useRef<string | null>(null);
  const ids = useId();
  const actions = useEventActions({ reviewId, agencies, onChanged: onSaved });
  // Rows are compact (two lines of description) unless expanded one by one or all together.
  const [expandAll, setExpandAll] = useState(false);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const isExpanded = (id: string) => expandAll !== toggled.has(id);
  const toggleRow = (id: string) =>
    setToggled((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const viewportHeight = useHeightToWindowBottom(tableRef);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => tableRef.current,
    estimateSize: () => 52,
    overscan: 6,
    getItemKey: (index) => rows[index].id,
    // The header scrolls with the table but stays on top: rows begin below it and stop under it.
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
  });

  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const measure = () => setHeadHeight(head.offsetHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);
  const items = virtualizer.getVirtualItems();

  // Moving to a row may first scroll it into the window; it is focused once it is rendered.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const element = Array.from(
        tableRef.current?.querySelectorAll<HTMLElement>('[data-row-id]') ?? [],
      ).find((candidate) => candidate.dataset.rowId === id);
      if (element) {
        pendingFocus.current = null;
        element.focus();
      } else if (tries++ < 10) {
        frame = requestAnimationFrame(attempt);
      }
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  const moveTo = useCallback(
    (index: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (!row) return;
      setActiveId(row.id);
      pendingFocus.current = row.id;
      virtualizer.scrollToIndex(rows.indexOf(row), { align: 'auto' });
    },
    [rows, virtualizer],
  );

  const startEdit = (row: ChronologyRow, firstField: DraftField = 'occurredOn') => {
    if (!canEdit || editing) return;
    setActiveId(row.id);
    setEditing({
      original: row,
      expectedVersion: row.version,
      draft: draftFromRow(row),
      firstField,
      error: null,
    });
  };

  const cancelEdit = () => {
    if (!editing) return;
    pendingFocus.current = editing.original.id;
    setEditing(null);
  };

  const save = async () => {
    if (!editing || saving) return;
    const input = inputFromDraft(editing.draft);
    if (isProblem(input)) {
      setEditing({ ...editing, error: input });
      return;
    }
    const { original, expectedVersion } = editing;
    let version: number;
    try {
      const { data } = await update({ variables: { id: original.id, expectedVersion, input } });
      version = data?.updateTimelineEvent.version ?? expectedVersion + 1;
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) {
        // Their version shows in the table behind the editor; saving again replaces it with ours.
        setEditing(
          (current) =>
            current && {
              ...current,
              // Undo after saving over theirs puts back their version, the one replaced.
              original: rowFromSaved(current.original, conflict.current),
              expectedVersion: conflict.currentVersion,
              error: { field: null, message: conflictMessage('entry', conflict.current.title) },
            },
        );
        onSaved();
        return;
      }
      setEditing(
        (current) => current && { ...current, error: { field: null, message: messageOf(error) } },
      );
      return;
    }
    setEditing(null);
    setStatus({
      kind: 'saved',
      id: original.id,
      title: input.title ?? original.title,
      previous: inputFromRow(original),
      version,
    });
    pendingFocus.current = original.id;
    onSaved();
  };

  const undo = async () => {
    if (status?.kind !== 'saved') return;
    try {
      await update({
        variables: { id: status.id, expectedVersion: status.version, input: status.previous },
      });
    } catch (error) {
      setStatus({
        kind: 'note',
        text: conflictOf(error)
          ? `The change could not be undone: someone else has changed “${status.title}” since. Edit the entry to see their version.`
          : `The change could not be undone: ${messageOf(error)}`,
        error: true,
      });
      return;
    }
    setStatus({ kind: 'note', text: `Change undone: “${status.previous.title}” is as it was.` });
    pendingFocus.current = status.id;
    onSaved();
  };

  const onRowKeyDown = (
    event: KeyboardEvent<HTMLDivElement>,
    row: ChronologyRow,
    index: number,
  ) => {
    const target = event.target as HTMLElement;
    if (editing?.original.id === row.id) {
      if (event.key === 'Escape') {
        event.preventDefault();
        cancelEdit();
      } else if (
        event.key === 'Enter' &&
        target.tagName !== 'BUTTON' &&
        !(target.tagName === 'TEXTAREA' && event.shiftKey)
      ) {
        event.preventDefault();
        void save();
      }
      return;
    }
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE,
      PageUp: index - PAGE,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter' && target === event.currentTarget && canEdit) {
      event.preventDefault();
      startEdit(row);
    }
  };

  const onRowDoubleClick = (event: MouseEvent<HTMLDivElement>, row: ChronologyRow) => {
    if (editing) return;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-field]');
    startEdit(row, (cell?.dataset.field as DraftField | undefined) ?? 'occurredOn');
  };

  const activeIndex = activeId ? rows.findIndex((row) => row.id === activeId) : -1;
  const activeRendered = items.some((item) => item.index === activeIndex);
  // The one row in the Tab order: the active row, or the first in view when it has scrolled away.
  const tabbableIndex = activeRendered ? activeIndex : (items[0]?.index ?? -1);
  const paddingTop = items.length > 0 ? items[0].start - headHeight : 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const filtered = words.trim() !== '' || agencyId !== '';

  return (
    <div className="chronology-table">
      <div className="chronology-table__filters" role="search" aria-label="Filter the chronology">
        <div className="chronology-table__filter">
          <label htmlFor={`${ids}-words`}>Words in the entry or source</label>
          <input
            id={`${ids}-words`}
            type="search"
            value={words}
            onChange={(e) => setWords(e.target.value)}
          />
        </div>
        <div className="chronology-table__filter">
          <label htmlFor={`${ids}-agency`}>Agency</label>
          <select
            id={`${ids}-agency`}
            value={agencyId}
            onChange={(e) => setAgencyId(e.target.value)}
          >
            <option value="">All agencies</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
            <option value={NO_AGENCY}>No agency recorded</option>
          </select>
        </div>
        <p className="chronology-table__count" id={`${ids}-count`} aria-live="polite">
          {countLabel(rows.length, events.length)}
        </p>
      </div>
      <div className="chronology-table__toolbar">
        {canEdit && (
          <button type="button" className="button button--primary" onClick={actions.add}>
            Add an event
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={expandAll && toggled.size === 0}
          onClick={() => {
            setExpandAll(!(expandAll && toggled.size === 0));
            setToggled(new Set());
          }}
        >
          {expandAll && toggled.size === 0 ? 'Collapse all rows' : 'Expand all rows'}
        </button>
      </div>
      {actions.elements}
      <div className="chronology-table__status" role="status">
        {status?.kind === 'saved' && (
          <p className="chronology-table__saved">
            Saved “{status.title}”.{' '}
            <button
              type="button"
              className="button button--secondary chronology-table__undo"
              onClick={() => void undo()}
              disabled={saving}
            >
              Undo
            </button>
          </p>
        )}
        {status?.kind === 'note' && (
          <p className={status.error ? 'notice notice--error' : 'chronology-table__saved'}>
            {status.text}
          </p>
        )}
      </div>
      <div
        role="table"
        aria-label="Chronology"
        aria-describedby={`${ids}-count ${ids}-keys`}
        aria-rowcount={rows.length + 1}
        className={`chronology-table__table${canEdit ? ' chronology-table__table--editable' : ''}`}
        ref={tableRef}
        style={{
          // The window needs a height of its own before any row is drawn in it.
          height: `min(${headHeight + virtualizer.getTotalSize()}px, ${viewportHeight}px)`,
          scrollPaddingTop: headHeight,
        }}
      >
        <ChronologyTableHeader
          ref={headRef}
          sort={sort}
          editable={canEdit}
          onSort={(key) =>
            setSort((current) =>
              current.key === key
                ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
                : { key, direction: 'ascending' },
            )
          }
        />
        <div
          role="rowgroup"
          className="chronology-table__body"
          style={{ paddingTop, paddingBottom }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            const isEditing = editing?.original.id === row.id;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                data-row-id={row.id}
                ref={virtualizer.measureElement}
                tabIndex={item.index === tabbableIndex ? 0 : -1}
                className={`chronology-table__row${isEditing ? ' chronology-table__row--editing' : ''}`}
                onFocus={(e) => e.target === e.currentTarget && setActiveId(row.id)}
                onKeyDown={(e) => onRowKeyDown(e, row, item.index)}
                onDoubleClick={(e) => onRowDoubleClick(e, row)}
              >
                {isEditing && editing ? (
                  <ChronologyRowEditor
                    rowId={`${ids}-${row.id}`}
                    draft={editing.draft}
                    agencies={agencies}
                    people={people}
                    error={editing.error}
                    saving={saving}
                    firstField={editing.firstField}
                    onChange={(draft) => setEditing({ ...editing, draft })}
                    onSave={() => void save()}
                    onCancel={cancelEdit}
                  />
                ) : (
                  <ChronologyRowCells
                    row={row}
                    onEdit={canEdit ? (field) => startEdit(row, field) : undefined}
                    editDisabled={editing !== null}
                    tabbable={item.index === tabbableIndex}
                    expanded={isExpanded(row.id)}
                    onToggle={() => toggleRow(row.id)}
                    onDuplicate={canEdit ? () => actions.duplicate(row) : undefined}
                    deleteButton={
                      canEdit
                        ? actions.deleteButton(row, {
                            className: 'button button--quiet chronology-table__edit',
                            tabIndex: item.index === tabbableIndex ? 0 : -1,
                          })
                        : undefined
                    }
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {rows.length === 0 && (
        <p className="chronology-table__none">
          {filtered ? 'No events match the filter.' : 'The chronology has no events yet.'}
          {filtered && (
            <button
              type="button"
              className="button button--inline"
              onClick={() => {
                setWords('');
                setAgencyId('');
              }}
            >
              Clear the filter
            </button>
          )}
        </p>
      )}
      <p className="hint" id={`${ids}-keys`}>
        Up and Down move between rows, Home and End go to the first and last.
        {canEdit && ' Enter or a double-click edits a row.'} Descriptions show two lines: “Show all”
        shows one whole, “Expand all rows” shows every one.
      </p>
    </div>
  );
}
