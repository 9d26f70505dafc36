import { controlCharacterProblem, readUkDate, TEXT_LIMITS } from '@scr/shared';
import { CellValue, SheetRecord } from './spreadsheet-reader';
import { ColumnMapping } from './column-mapping';

export interface RowProblem {
  row: number;
  column: string;
  value: string | null;
  message: string;
}

export interface ImportedRow {
  row: number;
  occurredOn: string;
  precision: string;
  time: string | null;
  title: string;
  description: string | null;
  source: string;
  agencyId: string | null;
  agencyName: string | null;
  /** The date as the file wrote it, shown beside the reading in the preview. */
  originalDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const TITLE_LENGTH = 120;

function text(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A spreadsheet date cell: Excel stores it as a UTC instant whose parts are the day written. */
function fromDateCell(value: Date): { occurredOn: string; time: string | null } {
  const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const hasTime = value.getUTCHours() !== 0 || value.getUTCMinutes() !== 0;
  return {
    occurredOn: day,
    time: hasTime ? `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : null,
  };
}

function readTime(value: CellValue): string | null | undefined {
  if (value === null) return null;
  if (value instanceof Date) return `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(am|pm)?$/i.exec(value.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  if (match[3]?.toLowerCase() === 'pm' && hours < 12) hours += 12;
  if (match[3]?.toLowerCase() === 'am' && hours === 12) hours = 0;
  if (hours > 23 || Number(match[2]) > 59) return undefined;
  return `${pad(hours)}:${match[2]}`;
}

export interface RowContext {
  mapping: ColumnMapping;
  fileName: string;
  /** The agency every row belongs to, when the reviewer chose one. */
  agency: { id: string; name: string } | null;
  /** The review's agencies by lower-case name, for a file with an agency column. */
  agenciesByName: Map<string, { id: string; name: string }>;
}

type NoteProblem = (column: string | undefined, value: string | null, message: string) => void;

/** The row's day, its precision and time of day, as its date and time columns give them. */
function readWhen(
  values: SheetRecord['values'],
  mapping: ColumnMapping,
  problem: NoteProblem,
): { occurredOn: string; precision: string; time: string | null; originalDate: string } {
  const dateCell = mapping.date ? values[mapping.date] : null;
  let occurredOn = '';
  let precision = 'DAY';
  let time: string | null = null;
  const originalDate =
    dateCell instanceof Date ? dateCell.toISOString().slice(0, 10) : (text(dateCell) ?? '');
  if (dateCell instanceof Date) {
    ({ occurredOn, time } = fromDateCell(dateCell));
  } else if (!text(dateCell)) {
    problem(mapping.date, null, 'the date is empty');
  } else {
    const read = readUkDate(text(dateCell)!);
    if (typeof read === 'string') problem(mapping.date, text(dateCell), read);
    else ({ occurredOn, precision, time } = read);
  }
  if (mapping.time) {
    const cell = values[mapping.time];
    const read = readTime(cell);
    if (read === undefined)
      problem(mapping.time, text(cell), `"${text(cell)}" is not a time of day (HH:MM)`);
    else if (read !== null) time = read;
  }
  return { occurredOn, precision, time, originalDate };
}

/** The agency of the whole file, or the one the row's agency column names. */
function readAgency(
  values: SheetRecord['values'],
  context: RowContext,
  problem: NoteProblem,
): { id: string; name: string } | null {
  const { mapping } = context;
  if (context.agency || !mapping.agency) return context.agency;
  const name = text(values[mapping.agency]);
  if (!name) return null;
  const agency = context.agenciesByName.get(name.toLowerCase()) ?? null;
  if (!agency)
    problem(
      mapping.agency,
      name,
      `"${name}" is not in this review's agency register: add it, or choose the agency for the whole file`,
    );
  return agency;
}

/** What the database cannot hold or the review model does not take is a problem of its row. */
function checkStoredText(
  stored: [string | undefined, string | null, number][],
  problem: NoteProblem,
): void {
  for (const [column, value, maxLength] of stored) {
    if (value === null) continue;
    const found = controlCharacterProblem(value, true);
    if (found) problem(column, value.slice(0, 200), `the text ${found}`);
    else if (value.length > maxLength)
      problem(
        column,
        `${value.slice(0, 200)}…`,
        `the text must be at most ${maxLength} characters long (it has ${value.length})`,
      );
  }
}

/** Reads one record into a timeline event, or the problems that stop it. */
export function readRow(record: SheetRecord, context: RowContext): ImportedRow | RowProblem[] {
  const { mapping, values } = { mapping: context.mapping, values: record.values };
  const problems: RowProblem[] = [];
  const problem: NoteProblem = (column, value, message) =>
    problems.push({ row: record.row, column: column ?? '', value, message });

  const { occurredOn, precision, time, originalDate } = readWhen(values, mapping, problem);

  const description = mapping.description ? text(values[mapping.description]) : null;
  let title = mapping.title ? text(values[mapping.title]) : null;
  if (!title && description) {
    title =
      description.length > TITLE_LENGTH
        ? `${description.slice(0, TITLE_LENGTH - 1).trimEnd()}…`
        : description;
  }
  if (!title) problem(mapping.title ?? mapping.description, null, 'the entry is empty');

  const agency = readAgency(values, context, problem);

  const author = mapping.author ? text(values[mapping.author]) : null;
  const sourceCell = mapping.source ? text(values[mapping.source]) : null;
  const source = [
    sourceCell ?? `${context.fileName}, row ${record.row}`,
    author ? `recorded by ${author}` : null,
  ]
    .filter(Boolean)
    .join('; ');

  checkStoredText(
    [
      [mapping.title ?? mapping.description, title, TEXT_LIMITS.eventTitle],
      [mapping.description, description, TEXT_LIMITS.eventDescription],
      [mapping.source ?? mapping.author, source, TEXT_LIMITS.eventSource],
    ],
    problem,
  );

  if (problems.length > 0) return problems;
  return {
    row: record.row,
    occurredOn,
    precision,
    time,
    title: title!,
    description,
    source,
    agencyId: agency?.id ?? null,
    agencyName: agency?.name ?? null,
    originalDate,
  };
}
