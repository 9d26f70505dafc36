import { Controller, Get, Query, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import Papa from 'papaparse';
import { CorpusAnalysis } from '../auth/policy';
import { neutraliseFormula } from '../chronology/export/spreadsheet-safety';
import { badInput } from '../common/app-error';
import { Role } from '../users/user.entity';
import { CorpusService } from './corpus.service';
import { CorpusFilter } from './dto/corpus-filter.input';

const FIXED_HEADINGS = ['reference', 'partnership', 'type', 'year'];
const LIST_PARAMETERS = [
  'reviewTypes',
  'categories',
  'themeKeys',
  'anyThemeKeys',
  'withoutThemeKeys',
  'agencySectors',
  'effects',
  'sources',
] as const;
const SINGLE_PARAMETERS = ['partnership', 'collectionId', 'publishedFrom', 'publishedTo'] as const;
const YEAR_PARAMETERS = ['incidentYearFrom', 'incidentYearTo'] as const;
const BOOLEAN_PARAMETERS = ['live'] as const;

/**
 * The filter from the query string: the CorpusFilter's fields by name; a list as repeated
 * parameters or comma-separated (`themeKeys=neglect,domestic-abuse`). Anything else is refused.
 */
export async function filterFromQuery(query: Record<string, unknown>): Promise<CorpusFilter> {
  const plain: Record<string, unknown> = {};
  const strings = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).flatMap((item) =>
      typeof item === 'string' ? item.split(',').filter(Boolean) : [],
    );
  for (const [name, value] of Object.entries(query)) {
    if ((LIST_PARAMETERS as readonly string[]).includes(name)) plain[name] = strings(value);
    else if ((SINGLE_PARAMETERS as readonly string[]).includes(name) && typeof value === 'string')
      plain[name] = value;
    else if ((BOOLEAN_PARAMETERS as readonly string[]).includes(name) && typeof value === 'string')
      plain[name] = value === 'true' ? true : value === 'false' ? false : value;
    else if ((YEAR_PARAMETERS as readonly string[]).includes(name) && typeof value === 'string')
      plain[name] = /^\d{1,4}$/.test(value) ? Number(value) : value;
    else
      throw badInput(`${name} is not a filter of the matrix (or is given twice).`, {
        field: name,
      });
  }
  const filter = plainToInstance(CorpusFilter, plain);
  const errors = await validate(filter, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0)
    throw badInput(
      errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; ') + '.',
      { field: errors[0].property },
    );
  return filter;
}

/** Writes and waits while the connection's buffer is full, so that memory stays flat. */
async function send(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await new Promise<void>((resolve) => res.once('drain', resolve));
}

/**
 * The case × theme matrix of the corpus for R or Excel: one row per published review, one 0/1
 * column per theme key and per finding category; with `live=true&collectionId=…`, one row per
 * review of the collection as it is now (the year empty for a review never published). Pseudonymised corpus data only (reference,
 * partnership, type, year and keys), so it holds no real name and the download is not audited.
 */
@CorpusAnalysis(Role.ANALYST, Role.TRAINER, Role.ADMIN)
@Controller('api/corpus')
export class CorpusMatrixController {
  constructor(private readonly corpus: CorpusService) {}

  private async start(
    query: Record<string, unknown>,
    res: Response,
    extension: string,
    type: string,
  ) {
    const filter = await filterFromQuery(query);
    // Refuses unknown theme keys before anything is written.
    await this.corpus.scope(filter);
    const columns = await this.corpus.matrixColumns();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="corpus-matrix.${extension}"`);
    res.setHeader('Cache-Control', 'no-store');
    return { filter, columns };
  }

  @Get('matrix.csv')
  async csv(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const { filter, columns } = await this.start(query, res, 'csv', 'text/csv; charset=utf-8');
    // The byte-order mark lets Excel open the file as UTF-8.
    await send(res, '\ufeff' + Papa.unparse([[...FIXED_HEADINGS, ...columns]]) + '\r\n');
    for await (const page of this.corpus.matrixRows(filter, columns)) {
      const lines = page.map((row) => {
        const has = new Set(row.keys);
        return [
          neutraliseFormula(row.reference),
          neutraliseFormula(row.partnership),
          row.type,
          row.publicationYear === null ? '' : String(row.publicationYear),
          ...columns.map((key) => (has.has(key) ? '1' : '0')),
        ];
      });
      await send(res, Papa.unparse(lines) + '\r\n');
    }
    res.end();
  }

  @Get('matrix.xlsx')
  async xlsx(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const { filter, columns } = await this.start(
      query,
      res,
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Matrix', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [...FIXED_HEADINGS, ...columns].map((header) => ({ header }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const page of this.corpus.matrixRows(filter, columns)) {
      for (const row of page) {
        const has = new Set(row.keys);
        sheet
          .addRow([
            row.reference,
            row.partnership,
            row.type,
            row.publicationYear,
            ...columns.map((key) => (has.has(key) ? 1 : 0)),
          ])
          .commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  }
}
