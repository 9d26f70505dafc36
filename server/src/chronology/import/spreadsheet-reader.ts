import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { AppError, badInput } from '../../common/app-error';
import { checkWorkbookLimits, MAX_CELL_CHARACTERS } from './workbook-limits';

export type SheetKind = 'csv' | 'xlsx';
export type CellValue = string | Date | null;

export interface SheetRecord {
  /** The row number as a spreadsheet shows it: the heading row is 1. */
  row: number;
  values: Record<string, CellValue>;
}

export interface OpenSheet {
  kind: SheetKind;
  /** Bytes of the file read so far (CSV; a workbook is unpacked, so it reports none). */
  bytesRead(): number;
  headings: string[];
  records: AsyncIterable<SheetRecord>;
  /** For CSV: the text encoding it was read in. */
  encoding?: string;
}

const SAMPLE_BYTES = 64 * 1024;

async function sample(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What kind of file this is, by its first bytes rather than its name. */
export function sniffKind(head: Buffer, fileName: string): SheetKind {
  if (head.length === 0) throw badInput('The file is empty.', { field: 'file' });
  if (head.subarray(0, 4).toString('latin1') === '%PDF') {
    throw badInput(
      `${fileName} is a PDF, not a spreadsheet: export the chronology from its system as CSV or Excel (.xlsx).`,
      { field: 'file' },
    );
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf) {
    throw badInput(`${fileName} is an old Excel (.xls) workbook: save it as .xlsx or CSV first.`, {
      field: 'file',
    });
  }
  if (head.includes(0))
    throw badInput(
      `${fileName} is not a text file or an Excel workbook, so not a chronology this can read.`,
      { field: 'file' },
    );
  return 'csv';
}

/** UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, otherwise Windows-1252. */
export function detectEncoding(head: Buffer): { encoding: 'utf-8' | 'windows-1252'; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, {
      stream: head.length === SAMPLE_BYTES,
    });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

function decoder(encoding: string, bom: boolean): Transform {
  const text = new TextDecoder(encoding);
  let first = true;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      let decoded = text.decode(chunk, { stream: true });
      if (first && bom && decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1);
      first = false;
      done(null, decoded);
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

function headingsOf(cells: CellValue[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = String(cell ?? '').trim() || `Column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function toRecord(headings: string[], cells: CellValue[], row: number): SheetRecord {
  const values: Record<string, CellValue> = {};
  headings.forEach((heading, i) => (values[heading] = cells[i] ?? null));
  return { row, values };
}

const isBlank = (cells: CellValue[]) =>
  cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

async function openCsv(path: string, head: Buffer): Promise<OpenSheet> {
  const { encoding, bom } = detectEncoding(head);
  let bytes = 0;
  const file = createReadStream(path);
  file.on('data', (chunk) => (bytes += chunk.length));
  const rows = file
    .pipe(decoder(encoding, bom))
    .pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy' }) as unknown as Transform);
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw badInput('The file has no rows.', { field: 'file' });
  const headings = headingsOf(first.value as string[]);
  async function* records(): AsyncGenerator<SheetRecord> {
    let row = 1;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      row += 1;
      const cells = (next.value as string[]).map((cell) => (cell === '' ? null : cell));
      if (!isBlank(cells)) yield toRecord(headings, cells, row);
    }
  }
  return { kind: 'csv', headings, records: records(), encoding, bytesRead: () => bytes };
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellValue(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a kind of cell ExcelJS may add later: its own text is the best guess
  return String(value);
}

/** A cell longer than Excel allows is refused while streaming, before it is stored or shown. */
function checkedCells(row: ExcelJS.Row): CellValue[] {
  const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
  const long = cells.findIndex(
    (cell) => typeof cell === 'string' && cell.length > MAX_CELL_CHARACTERS,
  );
  if (long >= 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Row ${row.number}, column ${long + 1} holds ${(cells[long] as string).length.toLocaleString('en-GB')} characters; a cell holds at most ${MAX_CELL_CHARACTERS.toLocaleString('en-GB')}.`,
      { field: 'file', row: row.number },
      422,
    );
  }
  return cells;
}

async function openXlsx(path: string, fileName: string, sheetName?: string): Promise<OpenSheet> {
  await checkWorkbookLimits(path, fileName);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const names: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${names.length + 1}`;
    names.push(name);
    if (sheetName && name !== sheetName) {
      // Read through a sheet that is not wanted: the reader keeps sheets it meets before the
      // shared strings in temporary files, and moves on cleanly only once each is consumed.
      for await (const _row of worksheet as AsyncIterable<unknown>) {
        // skipped
      }
      continue;
    }
    const rows = (worksheet as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    let headingRow: ExcelJS.Row | undefined;
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const cells = checkedCells(next.value);
      if (!isBlank(cells)) {
        headingRow = next.value;
        break;
      }
    }
    if (!headingRow)
      throw badInput(`The sheet "${name}" has no rows.`, { field: 'sheet', value: name });
    const headings = headingsOf((headingRow.values as ExcelJS.CellValue[]).slice(1).map(cellValue));
    async function* records(): AsyncGenerator<SheetRecord> {
      for (let next = await rows.next(); !next.done; next = await rows.next()) {
        const cells = checkedCells(next.value);
        if (!isBlank(cells)) yield toRecord(headings, cells, next.value.number);
      }
    }
    return { kind: 'xlsx', headings, records: records(), bytesRead: () => 0 };
  }
  if (sheetName)
    throw badInput(
      `The workbook has no sheet "${sheetName}"; its sheets are ${names.map((n) => `"${n}"`).join(', ')}.`,
      { field: 'sheet', value: sheetName },
    );
  throw badInput('The workbook has no sheets.', { field: 'file' });
}

/** Opens a chronology file for reading row by row, without holding the whole file in memory. */
export async function openSheet(
  path: string,
  fileName: string,
  sheetName?: string,
): Promise<OpenSheet> {
  const head = await sample(path);
  const kind = sniffKind(head, fileName);
  return kind === 'csv' ? openCsv(path, head) : openXlsx(path, fileName, sheetName);
}
