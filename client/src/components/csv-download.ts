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
  downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * The SVG drawn on the page as a file of its own would be: namespaced, with a width and height in
 * pixels (from its viewBox when the page sizes it, e.g. width="100%") so that it opens at its size.
 */
export function svgFile(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const pixels = (name: 'width' | 'height', fromBox: number | undefined) => {
    const given = svg.getAttribute(name) ?? '';
    return /^\d+(\.\d+)?(px)?$/.test(given) ? Number.parseFloat(given) : (fromBox ?? 0);
  };
  const width = pixels('width', box.length === 4 ? box[2] : undefined);
  const height = pixels('height', box.length === 4 ? box[3] : undefined);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (width > 0 && height > 0) {
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  return { text, width, height };
}

/** Saves an SVG drawn on the page as a file of its own. */
export function downloadSvg(fileName: string, svg: SVGSVGElement | null): void {
  if (!svg) return;
  downloadText(fileName, svgFile(svg).text, 'image/svg+xml');
}

/** How many image pixels a PNG has per pixel of the chart: sharp on high-density screens and in print. */
export const PNG_SCALE = 2;

/** Draws SVG text as a PNG of the given size (in the chart's pixels), scaled; the browser's canvas does it. */
export type Rasterise = (
  svgText: string,
  width: number,
  height: number,
  scale: number,
) => Promise<Blob>;

/**
 * The browser's way: the SVG as an image, drawn on a white canvas `scale` times its size. The
 * image comes from a data: address, which the app's content security policy allows for images
 * (blob: it does not).
 */
export const rasteriseWithCanvas: Rasterise = async (svgText, width, height, scale) => {
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as an image.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
      'image/png',
    ),
  );
};

/** How PNGs are drawn: the canvas in the browser; a test in jsdom (which has no canvas) sets its own. */
export const pngDrawing: { rasterise: Rasterise } = { rasterise: rasteriseWithCanvas };

/** Saves a blob as a file the browser downloads. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves an SVG drawn on the page as a PNG at twice its size; rejects with a reason if it cannot. */
export async function downloadPng(
  fileName: string,
  svg: SVGSVGElement | null,
  rasterise: Rasterise = pngDrawing.rasterise,
): Promise<void> {
  if (!svg) return;
  const { text, width, height } = svgFile(svg);
  if (!(width > 0 && height > 0)) throw new Error('The chart has no size to draw.');
  downloadBlob(fileName, await rasterise(text, width, height, PNG_SCALE));
}
