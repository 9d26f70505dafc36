import type { CatalogueEntry } from './intake/catalogue';

export type BatchFileState = 'QUEUED' | 'EXTRACTING' | 'DONE' | 'FAILED' | 'DUPLICATE';
export type TextLayer = 'HAS_TEXT' | 'NEEDS_OCR';

export interface ReportRow {
  id: string;
  title: string;
  partnership: string | null;
  publishedOn: string | null;
  reviewType: string | null;
  methodology: string | null;
  author: string | null;
  summary: string | null;
  learning: string | null;
  recommendations: string | null;
  keywords: string[];
  fileSha256: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  pageCount: number;
  textLayer: TextLayer;
  status: 'UNCODED' | 'CODED';
  version: number;
  codedAt: Date | null;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

export interface ReportPageRow {
  number: number;
  text: string;
}

/** A page of a report matching a search, best first. */
export interface ReportHitRow {
  report: ReportRow;
  page: number;
  snippet: string;
  rank: number;
}

export interface BatchFileRow {
  id: string;
  batchId: string;
  position: number;
  fileName: string;
  fileSha256: string | null;
  state: BatchFileState;
  reason: string | null;
  duplicateOf: string | null;
  duplicateOfTitle: string | null;
  reportId: string | null;
  catalogue: CatalogueEntry | null;
  pagesDone: number;
  pageCount: number | null;
  mediaType: string | null;
}

export interface NewBatchFile {
  fileName: string;
  state: BatchFileState;
  fileSha256?: string | null;
  reason?: string | null;
  duplicateOf?: string | null;
  catalogue?: CatalogueEntry | null;
}

export interface NewReport {
  title: string;
  catalogue: CatalogueEntry | null;
  fileSha256: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  textLayer: TextLayer;
  createdBy: string | null;
}

export interface ReportListFilter {
  partnership?: string | null;
  year?: number | null;
  reviewType?: string | null;
  methodology?: string | null;
}
