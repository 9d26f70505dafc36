/**
 * A cell as a spreadsheet should show it: text that starts like a formula (=, +, -, @, a tab or a
 * carriage return) is made text with a leading apostrophe, so opening the file runs nothing.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV (RFC 4180, CRLF line ends), headings first. */
export function toCsv(headings: string[], rows: (string | number | null | undefined)[][]): string {
  return [headings, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Saves the text as a file the browser downloads, made here rather than by the server. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves an SVG drawn on the page as a file of its own. */
export function downloadSvg(fileName: string, svg: SVGSVGElement | null): void {
  if (!svg) return;
  const text = new XMLSerializer().serializeToString(svg);
  downloadText(fileName, `<?xml version="1.0" encoding="UTF-8"?>\n${text}`, 'image/svg+xml');
}
