import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { badInput } from '../../common/app-error';

/** A catalogue row: what the national repository records of one report. */
export interface CatalogueEntry {
  fileName: string;
  title: string | null;
  partnership: string | null;
  publishedOn: string | null;
  reviewType: string | null;
  methodology: string | null;
  author: string | null;
  summary: string | null;
  learning: string | null;
  recommendations: string | null;
  keywords: string[];
}

type Field = Exclude<keyof CatalogueEntry, 'keywords'> | 'keywords';

/** The headings a catalogue usually gives each field, compared lower-case without punctuation. */
const HEADINGS: Record<Field, string[]> = {
  fileName: ['file name', 'filename', 'file', 'document', 'report file', 'pdf'],
  title: ['title', 'report title', 'review title', 'name'],
  partnership: [
    'partnership',
    'safeguarding partnership',
    'lscp',
    'lscb',
    'board',
    'local authority',
    'area',
  ],
  publishedOn: [
    'publication date',
    'published',
    'date published',
    'published on',
    'date of publication',
    'date',
    'year',
  ],
  reviewType: ['review type', 'type', 'type of review', 'review'],
  methodology: ['methodology', 'method', 'approach', 'review methodology'],
  author: ['author', 'authors', 'reviewer', 'lead reviewer', 'independent reviewer', 'written by'],
  summary: ['summary', 'abstract', 'synopsis', 'case summary'],
  learning: ['learning', 'key learning', 'lessons', 'learning points', 'lessons learned'],
  recommendations: ['recommendations', 'recommendation'],
  keywords: ['keywords', 'key words', 'tags', 'themes', 'subjects'],
};

const normalise = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[_\-\s]+/g, ' ')
    .replace(/[:.]$/, '');

/** Which column fills which field: by header names, case-insensitively, with common synonyms. */
export function mapCatalogueColumns(headings: string[]): Partial<Record<Field, number>> {
  const mapping: Partial<Record<Field, number>> = {};
  const taken = new Set<number>();
  for (const field of Object.keys(HEADINGS) as Field[]) {
    for (const synonym of HEADINGS[field]) {
      const index = headings.findIndex((h, i) => !taken.has(i) && normalise(h) === synonym);
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A publication date as a calendar day: ISO, UK day/month/year, a spreadsheet date, or a year. */
export function readPublicationDate(value: string | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const text = value.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (match) return `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) return `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
  match = /^(\d{4})$/.exec(text);
  if (match) return `${match[1]}-01-01`;
  return null;
}

type Cell = string | Date | null;

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) {
      const result = value.result;
      if (result instanceof Date) return result;
      return typeof result === 'string' || typeof result === 'number' ? String(result) : null;
    }
    return null;
  }
  return String(value);
}

async function readRows(path: string, name: string): Promise<Cell[][]> {
  const bytes = await readFile(path);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw badInput(
        `The catalogue ${name} is not a spreadsheet that can be read: save it as CSV or .xlsx.`,
        { field: 'catalogue' },
      );
    }
    const sheet = workbook.worksheets[0];
    const rows: Cell[][] = [];
    sheet?.eachRow((row) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellOf(row.getCell(c).value));
      rows.push(cells);
    });
    return rows;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return parsed.data;
}

const text = (value: Cell | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const trimmed = (value instanceof Date ? value.toISOString().slice(0, 10) : value).trim();
  return trimmed === '' ? null : trimmed;
};

/** The rows of a catalogue (CSV or XLSX, told apart by content), one report each. */
export async function readCatalogue(path: string, name: string): Promise<CatalogueEntry[]> {
  const [headings, ...rows] = await readRows(path, name);
  const mapping = mapCatalogueColumns((headings ?? []).map((h) => text(h) ?? ''));
  if (mapping.fileName === undefined)
    throw badInput(
      `The catalogue ${name} has no file name column: name one "File name" so that each row finds its report.`,
      { field: 'catalogue' },
    );
  const at = (row: Cell[], field: Field) => {
    const index = mapping[field];
    return index === undefined ? null : (row[index] ?? null);
  };
  return rows
    .map((row) => ({ row, fileName: text(at(row, 'fileName')) }))
    .filter((r): r is { row: Cell[]; fileName: string } => r.fileName !== null)
    .map(({ row, fileName }) => ({
      fileName: posix.basename(fileName.replace(/\\/g, '/')),
      title: text(at(row, 'title')),
      partnership: text(at(row, 'partnership')),
      publishedOn: readPublicationDate(at(row, 'publishedOn')),
      reviewType: text(at(row, 'reviewType')),
      methodology: text(at(row, 'methodology')),
      author: text(at(row, 'author')),
      summary: text(at(row, 'summary')),
      learning: text(at(row, 'learning')),
      recommendations: text(at(row, 'recommendations')),
      keywords: (text(at(row, 'keywords')) ?? '')
        .split(/[;,\n]/)
        .map((k) => k.trim())
        .filter(Boolean),
    }));
}
