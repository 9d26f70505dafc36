/**
 * The program that reads a report's text, run in a Node process of its own (extract-text.ts):
 * pdf.js is an ES module that neither Jest's CommonJS runtime nor the CommonJS build can load
 * with require, a malformed file cannot take the server down with it, and its memory is bounded
 * apart from the server's. It reads the file from standard input and writes one JSON object a
 * line: `{"pageCount":n}`, then `{"page":n,"text":"…"}` for each page, then `{"done":true}`; or
 * `{"error":"ENCRYPTED"|"CORRUPT","message":"…"}`.
 *
 * Page text is normalised to NFC with NUL characters removed (PostgreSQL text cannot hold them)
 * and is never changed afterwards. A Word document has no pages: a heading of level 1 or 2
 * starts a new one, and a page ends at a paragraph boundary once it holds about
 * DOCX_PAGE_CHARACTERS characters. Headings are kept as lines starting with '# ', '## ', ….
 *
 * Arguments: the kind (pdf or docx), then the file URLs of pdf.js and of mammoth.
 */
export const DOCX_PAGE_CHARACTERS = 3000;

export const EXTRACTOR_SCRIPT = `
const [kind, pdfjsUrl, mammothUrl] = process.argv.slice(1);
const out = (value) => new Promise((resolve) => {
  if (process.stdout.write(JSON.stringify(value) + '\\n')) resolve();
  else process.stdout.once('drain', resolve);
});
const clean = (text) => text.normalize('NFC').replace(/\\u0000/g, '');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const bytes = Buffer.concat(chunks);
chunks.length = 0;

async function pdf() {
  const { getDocument } = await import(pdfjsUrl);
  let document;
  try {
    document = await getDocument({ data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), verbosity: 0, isEvalSupported: false, stopAtErrors: true }).promise;
  } catch (error) {
    if (error && error.name === 'PasswordException')
      return out({ error: 'ENCRYPTED', message: 'The PDF is protected by a password: save it without one and bring it in again.' });
    return out({ error: 'CORRUPT', message: 'The PDF cannot be read (' + (error && error.message || error) + '): it may be damaged or incomplete.' });
  }
  try {
    await out({ pageCount: document.numPages });
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join('');
      page.cleanup();
      await out({ page: n, text: clean(text) });
    }
  } catch (error) {
    return out({ error: 'CORRUPT', message: 'A page of the PDF cannot be read (' + (error && error.message || error) + '): it may be damaged.' });
  } finally {
    await document.destroy();
  }
  await out({ done: true });
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (text) => text.replace(/&(#x[0-9a-f]+|#\\d+|[a-z]+);/gi, (whole, name) =>
  name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (ENTITIES[name] ?? whole));

async function docx() {
  const mammoth = (await import(mammothUrl)).default;
  let html;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    return out({ error: 'CORRUPT', message: 'The Word document cannot be read (' + (error && error.message || error) + '): it may be damaged.' });
  }
  const lines = html
    .replace(/<h([1-6])[^>]*>/g, (_, level) => '\\n' + '#'.repeat(Number(level)) + ' ')
    .replace(/<li[^>]*>/g, '\\n- ')
    .replace(/<\\/(p|h[1-6]|li|tr)>|<br\\s*\\/?>/g, '\\n')
    .replace(/<\\/t[dh]>/g, '\\t')
    .replace(/<[^>]+>/g, '')
    .split('\\n')
    .map((line) => clean(decode(line)).replace(/\\t+$/, '').trim())
    .filter((line) => line !== '');
  const pages = [];
  let page = [];
  let size = 0;
  for (const line of lines) {
    const startsSection = /^#{1,2} /.test(line);
    if (page.length > 0 && (startsSection || size + line.length > ${DOCX_PAGE_CHARACTERS})) {
      pages.push(page.join('\\n'));
      page = [];
      size = 0;
    }
    page.push(line);
    size += line.length + 1;
  }
  if (page.length > 0) pages.push(page.join('\\n'));
  await out({ pageCount: pages.length });
  for (let n = 0; n < pages.length; n++) await out({ page: n + 1, text: pages[n] });
  await out({ done: true });
}

await (kind === 'pdf' ? pdf() : docx());
`;
