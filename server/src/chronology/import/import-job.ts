/** The shapes an import of a chronology works with: what it is asked, what it finds, what it answers. */
import { Agency } from '../../reviews/agency.entity';
import { User } from '../../users/user.entity';
import { ColumnMapping } from './column-mapping';
import { ImportedRow, RowContext, RowProblem } from './row-reader';
import { OpenSheet } from './spreadsheet-reader';

export interface ImportOptions {
  fileName: string;
  fileSize: number;
  /** A client-made id under which the import reports how far it has got (see progress()). */
  progressId?: string;
  agencyId?: string;
  mapping?: ColumnMapping;
  sheet?: string;
  dryRun: boolean;
  skipBadRows: boolean;
}

export interface ImportWarning {
  row?: number;
  message: string;
}

export interface DryRunResult {
  headings: string[];
  mapping: ColumnMapping;
  encoding?: string;
  totalRows: number;
  /** The first rows as read, for the preview. */
  rows: ImportedRow[];
  errors: RowProblem[];
  errorCount: number;
  warnings: ImportWarning[];
}

export interface CommitResult {
  imported: number;
  /** Likely records of one occasion by different agencies now in the timeline, to review for linking (null when not counted). */
  duplicateCandidates: number | null;
  skipped: RowProblem[];
  warnings: ImportWarning[];
  importId: string;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  state: 'reading' | 'storing' | 'done' | 'failed';
}

export type ProgressReport = (
  rows: number,
  bytes: number,
  state: ImportProgress['state'],
) => Promise<void>;

/** An import under way: what it reads, into which review, and what it has found so far. */
export interface ImportJob {
  user: User;
  reviewId: string;
  agency: Agency | null | undefined;
  mapping: ColumnMapping;
  hash: string;
  sheet: OpenSheet;
  context: RowContext;
  /** Dates after this day are warned about. */
  latest: string;
  tally: Tally;
  report: ProgressReport;
  options: ImportOptions;
}

/** What reading a sheet has found so far. */
export interface Tally {
  warnings: ImportWarning[];
  errors: RowProblem[];
  errorCount: number;
  preview: ImportedRow[];
  totalRows: number;
  /** Rows read and not yet stored (a commit only). */
  pending: ImportedRow[];
  imported: number;
}
