/**
 * The one shape every document the product hands out is built in: a practice-issue briefing, a
 * set of them, a learning-lessons briefing, the review report. Builders turn data into a
 * `PrintedDocument`; the renderers (`render/`) turn it into DOCX, PDF, HTML or Markdown, so the
 * four formats always carry the same sections in the same order.
 *
 * Text is plain text everywhere: renderers escape it for their format. Nothing here is HTML.
 */

/** A run of text inside a paragraph, with emphasis where the seed briefings use it. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An absolute http(s) address; anything else is shown as plain text. */
  link?: string;
}

export type Inline = string | TextRun;

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Inline[]; style?: 'lead' | 'statement' | 'closing' }
  /** A practitioner's words, attributed by role only ("Named Nurse"). */
  | { kind: 'quote'; text: string; attribution?: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  /**
   * A boxed group: `side` is the briefing's side box (what the set is for, how many reviews it
   * draws on), `questions` a box of questions for practitioners, `note` anything else set apart.
   */
  | { kind: 'box'; variant: 'side' | 'questions' | 'note'; title?: string; blocks: Block[] }
  | { kind: 'table'; headings: string[]; rows: string[][]; caption?: string }
  | { kind: 'pageBreak' };

export interface PrintedDocument {
  /** The file name without its extension, safe for a Content-Disposition header. */
  fileName: string;
  /** Shown in the title band and as the document's title property. */
  title: string;
  /** The series the document belongs to, above the title ("Practice issues from case reviews"). */
  kicker?: string;
  subtitle?: string;
  /** A table of contents after the title band (a real contents field in Word). */
  contents?: boolean;
  /**
   * How many heading levels the contents lists: 2 (the sections and their subsections) unless
   * said; 1 for a set of briefings whose sections repeat in every briefing.
   */
  contentsDepth?: 1 | 2;
  blocks: Block[];
  /** The closing line on where the document came from, printed last. */
  closing?: string;
}

export type DocumentFormat = 'docx' | 'pdf' | 'html' | 'md';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['docx', 'pdf', 'html', 'md'];

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** Builders' helpers, so that empty sections are left out rather than printed as bare headings. */
export const hasText = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim().length > 0;

export function paragraphs(
  text: string | null | undefined,
  style?: 'lead' | 'statement' | 'closing',
): Block[] {
  if (!hasText(text)) return [];
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ({ kind: 'paragraph' as const, runs: [part], ...(style ? { style } : {}) }));
}

export function bulletList(
  items: readonly (string | null | undefined)[],
  ordered = false,
): Block[] {
  const kept = items.filter(hasText).map((item) => [item.trim()]);
  return kept.length ? [{ kind: 'list', ordered, items: kept }] : [];
}

/** A heading followed by its blocks, or nothing at all when there are no blocks. */
export function section(level: 1 | 2 | 3, heading: string, blocks: Block[]): Block[] {
  return blocks.length ? [{ kind: 'heading', level, text: heading }, ...blocks] : [];
}
