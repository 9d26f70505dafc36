import { badInput } from '../../common/app-error';
import { DOCUMENT_FORMATS, DocumentFormat } from './document-model';

/** Reads a route's extension (`docx`, `pdf`, `html`, `md`); anything else is a 400. */
export function parseDocumentFormat(value: string | undefined): DocumentFormat {
  const format = (value ?? '').toLowerCase();
  if ((DOCUMENT_FORMATS as readonly string[]).includes(format)) return format as DocumentFormat;
  throw badInput(
    `Documents can be downloaded as ${DOCUMENT_FORMATS.map((f) => `.${f}`).join(', ')}; not "${value ?? ''}".`,
    { field: 'format' },
  );
}

/** A file name safe in a Content-Disposition header and on every file system. */
export function safeFileName(name: string, format: DocumentFormat): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 120) || 'document';
  return `${base}.${format}`;
}
