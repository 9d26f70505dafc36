// npm run sample-pages -w @scr/server (after npm run build): prints the seed-like practice issue and
// the whole set of 14 as PDF with the server's own builder and renderer, and writes pictures of
// their pages to docs/documents/ with poppler's pdftoppm (apt-get install poppler-utils), the
// same size as the review report's pages there (A4, 937 pixels high).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = fileURLToPath(new URL('../../docs/documents/', import.meta.url));
const { PdfRenderer } = require(join(dist, 'documents/render/pdf-renderer.js'));
const { practiceIssueDocument, practiceIssueSetDocument } = require(
  join(dist, 'documents/practice-issues/practice-issue-document.js'),
);
const { samplePracticeIssue, samplePracticeIssueSet, samplePracticeSet } = require(
  join(dist, 'documents/practice-issues/sample-practice-issue.js'),
);

const pdf = new PdfRenderer({ CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const work = mkdtempSync(join(tmpdir(), 'sample-pages-'));

/** Writes pages first..last of a PDF as docs/documents/<name>-<n>.png. */
function pictures(body, name, first, last) {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, body);
  execFileSync('pdftoppm', [
    '-png',
    '-scale-to',
    '937',
    '-f',
    String(first),
    '-l',
    String(last),
    file,
    join(work, name),
  ]);
  for (let page = first; page <= last; page++) {
    // pdftoppm pads the page number to the width of the last page's.
    const written = [1, 2, 3]
      .map((width) => join(work, `${name}-${String(page).padStart(width, '0')}.png`))
      .find((candidate) => existsSync(candidate));
    copyFileSync(written, join(out, `${name}-page-${page}.png`));
    console.log(`docs/documents/${name}-page-${page}.png`);
  }
}

try {
  const issue = await pdf.render(
    practiceIssueDocument(samplePracticeIssue(1), samplePracticeSet()),
  );
  pictures(issue, 'practice-issue', 1, 2);
  const set = await pdf.render(practiceIssueSetDocument(samplePracticeIssueSet(14)));
  pictures(set, 'practice-issue-set', 1, 1);
} finally {
  await pdf.onModuleDestroy();
}
