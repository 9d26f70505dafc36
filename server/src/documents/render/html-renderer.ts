import { Block, Inline, PrintedDocument } from './document-model';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only absolute http(s) addresses become links; anything else is shown as text. */
export function safeHref(link: string | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Line breaks inside a paragraph's text are kept as <br>. */
const text = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');

function inline(run: Inline): string {
  if (typeof run === 'string') return text(run);
  let html = text(run.text);
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  const href = safeHref(run.link);
  if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  return html;
}

const runs = (items: Inline[]) => items.map(inline).join('');

/** Anchors for the contents list, stable for a given document. */
function anchors(doc: PrintedDocument): Map<Block, string> {
  const ids = new Map<Block, string>();
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'heading') ids.set(b, `s${i + 1}`);
  });
  return ids;
}

function block(b: Block, ids: Map<Block, string>): string {
  switch (b.kind) {
    case 'heading': {
      const id = ids.get(b);
      return `<h${b.level + 1}${id ? ` id="${id}"` : ''}>${text(b.text)}</h${b.level + 1}>`;
    }
    case 'paragraph':
      return `<p${b.style ? ` class="${b.style}"` : ''}>${runs(b.runs)}</p>`;
    case 'quote':
      return (
        `<blockquote><p>${text(b.text)}</p>` +
        (b.attribution ? `<footer>${text(b.attribution)}</footer>` : '') +
        `</blockquote>`
      );
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${runs(item)}</li>`).join('')}</${tag}>`;
    }
    case 'box':
      return (
        `<aside class="box ${b.variant}">` +
        (b.title ? `<p class="box-title">${text(b.title)}</p>` : '') +
        b.blocks.map((child) => block(child, ids)).join('\n') +
        `</aside>`
      );
    case 'table':
      return (
        `<table>` +
        (b.caption ? `<caption>${text(b.caption)}</caption>` : '') +
        `<thead><tr>${b.headings.map((h) => `<th scope="col">${text(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`
      );
    case 'pageBreak':
      return `<div class="page-break"></div>`;
  }
}

/**
 * Laid out like the seed briefings: a coloured title band with the series (kicker) above the
 * title, the side box floated right, questions in shaded boxes, practitioners' words in italics
 * with their role. A4 with margins; Chromium prints page numbers from the PDF renderer's footer
 * and, where it supports margin boxes, from @page.
 */
export const DOCUMENT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45;
  color: #1d1d1b; margin: 0 auto; max-width: 178mm; padding: 0; overflow-wrap: break-word; hyphens: auto; }
@media screen { body { padding: 12mm 0; } }
header.band { background: #005a70; color: #fff; padding: 7mm 8mm 6mm; margin: 0 0 6mm; border-radius: 1mm; }
header.band .kicker { margin: 0 0 2mm; font-size: 10pt; letter-spacing: .04em; text-transform: uppercase; opacity: .9; }
header.band h1 { margin: 0; font-size: 21pt; line-height: 1.15; }
header.band .subtitle { margin: 2mm 0 0; font-size: 12pt; }
nav.contents { margin: 0 0 6mm; padding: 3mm 5mm; border-left: 1.2mm solid #005a70; background: #f1f6f7; }
nav.contents h2 { margin: 0 0 2mm; font-size: 12pt; }
nav.contents ol { margin: 0; padding-left: 5mm; }
nav.contents ol.own-numbers { list-style: none; padding-left: 0; }
nav.contents ul { margin: 0; padding-left: 5mm; list-style: circle; }
nav.contents li { margin: 0 0 .5mm; }
nav.contents a { color: inherit; text-decoration: none; }
h2 { font-size: 15pt; color: #005a70; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12.5pt; color: #005a70; margin: 5mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
p.lead { font-size: 12pt; }
p.statement { font-size: 12pt; font-weight: bold; color: #005a70; }
p.closing, footer.closing { font-size: 9.5pt; color: #444; }
footer.closing { clear: both; border-top: .3mm solid #9bb; margin-top: 8mm; padding-top: 2mm; font-style: italic; }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
li { margin: 0 0 1mm; }
blockquote { margin: 2mm 0 3mm; padding: 0 0 0 4mm; border-left: .8mm solid #7fb2bf; font-style: italic; break-inside: avoid; }
blockquote p { margin: 0 0 1mm; }
blockquote footer { font-style: normal; font-size: 9.5pt; color: #444; }
blockquote footer::before { content: "— "; }
aside.box { border-radius: 1mm; padding: 3mm 4mm 1mm; margin: 0 0 4mm; }
aside.box .box-title { font-weight: bold; margin: 0 0 2mm; }
aside.side { float: right; width: 62mm; margin: 0 0 4mm 5mm; background: #e6f0f2; border: .3mm solid #7fb2bf; font-size: 9.5pt; break-inside: avoid; page-break-inside: avoid; }
/* A side box with nothing beside it (a page break next, as before a set's first issue) takes the width. */
aside.side:has(+ .page-break) { float: none; width: auto; margin: 0 0 4mm; }
aside.questions { background: #fdf3e1; border: .4mm solid #e0a340; break-inside: avoid; clear: both; }
aside.questions .box-title { color: #8a5500; }
aside.note { background: #f4f4f4; border: .3mm solid #bbb; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; clear: both; }
caption { caption-side: top; text-align: left; font-weight: bold; margin-bottom: 1mm; }
th, td { border: .3mm solid #9bb; padding: 1.5mm 2mm; vertical-align: top; text-align: left; hyphens: auto; }
th:first-child, td:first-child { min-width: 22mm; }
th { background: #e6f0f2; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
a { color: #005a70; }
.page-break { break-after: page; page-break-after: always; clear: both; }
`;

/** Page numbers when the HTML file itself is printed; the PDF renderer prints its own footer. */
const PAGE_NUMBERS_CSS = `@page { @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #555; } }`;

/**
 * The blocks in print order. A single briefing's side box floats beside its first section, as
 * the seed briefings print it, so it comes first in the page; Word and Markdown keep the
 * builder's order. A document with contents (a whole set) keeps its side box where it is.
 */
export function printOrder(doc: PrintedDocument): Block[] {
  if (doc.contents) return doc.blocks;
  const side = doc.blocks.findIndex((b) => b.kind === 'box' && b.variant === 'side');
  if (side <= 0) return doc.blocks;
  return [doc.blocks[side], ...doc.blocks.slice(0, side), ...doc.blocks.slice(side + 1)];
}

/**
 * One self-contained HTML file that prints well on its own (inline CSS, no scripts).
 * `pageNumbers: false` leaves the page numbers to whoever prints it (the PDF renderer's footer).
 */
export function renderHtml(doc: PrintedDocument, { pageNumbers = true } = {}): string {
  const ids = anchors(doc);
  const depth = doc.contentsDepth ?? 2;
  const headings = doc.blocks.filter(
    (b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level <= depth,
  );
  // Sections numbered in order, each with its subsections listed under it.
  const groups: { h: Extract<Block, { kind: 'heading' }>; subs: typeof headings }[] = [];
  for (const h of headings) {
    if (h.level === 1 || groups.length === 0) groups.push({ h, subs: [] });
    else groups[groups.length - 1].subs.push(h);
  }
  // Headings that carry their own numbers ("1. Disagreement about …") are not numbered again.
  const ownNumbers = groups.every(({ h }) => /^\d+[.)]\s/.test(h.text));
  const entry = (h: Extract<Block, { kind: 'heading' }>) =>
    `<a href="#${ids.get(h)}">${text(h.text)}</a>`;
  const contents =
    doc.contents && headings.length
      ? `<nav class="contents"><h2>Contents</h2><ol${ownNumbers ? ' class="own-numbers"' : ''}>${groups
          .map(
            ({ h, subs }) =>
              `<li>${entry(h)}${subs.length ? `<ul>${subs.map((sub) => `<li>${entry(sub)}</li>`).join('')}</ul>` : ''}</li>`,
          )
          .join('')}</ol></nav>`
      : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(doc.title)}</title>
<style>${DOCUMENT_CSS}${pageNumbers ? PAGE_NUMBERS_CSS : ''}</style>
</head>
<body>
<header class="band">
${doc.kicker ? `<p class="kicker">${text(doc.kicker)}</p>` : ''}
<h1>${text(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${text(doc.subtitle)}</p>` : ''}
</header>
${contents}
<main>
${printOrder(doc)
  .map((b) => block(b, ids))
  .join('\n')}
</main>
${doc.closing ? `<footer class="closing">${text(doc.closing)}</footer>` : ''}
</body>
</html>
`;
}
