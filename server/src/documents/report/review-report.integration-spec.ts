import demoReview from '../../setup/demo-review.bundle.json';
import { adminToken, createReview, ok } from '../../testing/accounts';
import { docxParts, docxText, pdfPages } from '../../testing/documents';
import { startTestApp, TestApp } from '../../testing/test-app';

/** The demo Child M review, with real names typed into texts where they should not be. */
function childMWithNamesInTexts() {
  const bundle = structuredClone<typeof demoReview>(demoReview);
  const episode = bundle.episodes[0];
  episode.summary = `Maisie Ward's mother Leanne told the health visitor she was low. ${episode.summary}`;
  const event = bundle.events.find((e) => e.ref === episode.events[0])!;
  event.title = 'Priya Patel visited; Jay was at the home';
  event.source = 'Health visiting records; recorded by HV Priya Patel';
  bundle.findings[0].statement = `Daniel Ashworth and Carol Ward: ${bundle.findings[0].statement}`;
  return bundle;
}

const REAL_NAMES = [
  'Maisie',
  'Leanne',
  'Ward',
  'Kian',
  'Ella',
  'Daniel',
  'Ashworth',
  'Jason',
  'Barlow',
  'Jay',
  'Carol',
  'Priya',
  'Patel',
  'Helen Marsh',
];

describe('the review report', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;

  const download = (app: TestApp, format: string, id = reviewId) =>
    app
      .http()
      .get(`/api/reviews/${id}/report.${format}`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  /** The text of a download, whatever its format. */
  const textOf = async (format: string, body: Buffer) => {
    if (format === 'docx') return docxText((await docxParts(body))['word/document.xml']);
    if (format === 'pdf') return (await pdfPages(body)).join('\n');
    if (format === 'html')
      return body
        .toString('utf8')
        .replace(/<style>[^]*?<\/style>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    // Markdown: without the emphasis markers and escapes.
    return body.toString('utf8').replace(/\*\*|\\/g, '');
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    const imported = await t
      .http()
      .post('/api/reviews/bundle')
      .set('authorization', `Bearer ${token}`)
      .send(childMWithNamesInTexts());
    expect(imported.status).toBe(201);
    reviewId = imported.body.reviewId;
  });
  afterAll(() => t.close());

  it.each(['md', 'html', 'docx', 'pdf'])(
    'as .%s has the report’s sections in SCIE’s order and no real name, even for an administrator',
    async (format) => {
      const response = await download(t, format);
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="NSCP-LCSPR-2023-01-review-report.${format}"`,
      );
      expect(response.headers['cache-control']).toBe('no-store');
      const text = (await textOf(format, response.body as Buffer)).replace(/\\/g, '');
      const flat = text.replace(/\s+/g, ' ');
      const order = [
        'Introduction',
        'Review questions (terms of reference)',
        'Who did agencies understand to be living in and visiting Child M',
        'The case in brief',
        'Appraisal of practice: the key practice episodes',
        "Key practice episode 1: Mother's postnatal mood",
        'View from the tunnel',
        'Why it made sense at the time',
        'Contributory factors',
        'Findings',
        'Finding 1: Front-door decisions about babies',
        'Category: 3. Patterns in communication and collaboration in multi-agency working in response to incidents/crises',
        'Effect: Makes problematic practice more likely',
        'The finding',
        'How did the issue manifest in this case?',
        'How do we know it is an underlying issue and not something peculiar to this case?',
        'How widespread is the pattern?',
        'What are the implications for the reliability of the multi-agency system?',
        'Questions for the board',
        'Questions for the partnership',
        'Appendix A: Key practice episode table',
        'View from the tunnel',
        'Appendix B: Methodology',
        'Appendix C: Who took part',
        'Lead reviewer',
      ];
      let at = -1;
      for (const expected of order) {
        const next = flat.indexOf(expected, at + 1);
        if (next < 0)
          throw new Error(`"${expected}" missing after position ${at} in the .${format}`);
        at = next;
      }
      // The names typed into the texts became pseudonyms or roles.
      expect(flat).toContain("Child M's mother Mother told the health visitor");
      expect(flat).toMatch(/the practitioner visited; Mr B was at the home/);
      for (const name of REAL_NAMES) expect(flat).not.toMatch(new RegExp(`\\b${name}\\b`));
    },
  );

  it('leaves out sections with nothing in them', async () => {
    const { id } = await createReview(t, token, 'EMPTY-1', { periodStart: null, periodEnd: null });
    const md = (await download(t, 'md', id)).body.toString('utf8');
    expect(md).toContain('## Introduction');
    for (const empty of [
      'The case in brief',
      'Review questions',
      'Appraisal of practice',
      'Findings',
      'Questions for the partnership',
      'Appendix A',
      'Appendix C',
    ])
      expect(md).not.toContain(empty);
    // Only what has content: the introduction and the methodology.
    expect(md.match(/^##+ .*$/gm)).toEqual([
      '## Contents',
      '## Introduction',
      '## Appendices',
      '### Appendix B: Methodology',
    ]);
  });

  it('answers 400 for an unknown format and records each download in the audit trail', async () => {
    const bad = await download(t, 'exe');
    expect(bad.status).toBe(400);
    const trail = await ok<{ review: { auditTrail: { edges: { node: { after: unknown } }[] } } }>(
      t,
      'query($id: ID!) { review(id: $id) { auditTrail(first: 100) { edges { node { action after } } } } }',
      { id: reviewId },
      token,
    );
    const downloads = JSON.stringify(trail.review.auditTrail.edges);
    expect(downloads).toContain('{"download":"report.md","realNames":false}');
    expect(downloads).toContain('report.pdf');
  });

  it('answers 503 for PDF without Chromium while Markdown, HTML and Word still work', async () => {
    const noChromium = await startTestApp({ CHROMIUM_PATH: '/nowhere/chromium' });
    try {
      token = await adminToken(noChromium);
      const id = (
        await noChromium
          .http()
          .post('/api/reviews/bundle')
          .set('authorization', `Bearer ${token}`)
          .send(demoReview)
      ).body.reviewId as string;
      const pdf = await download(noChromium, 'pdf', id);
      expect(pdf.status).toBe(503);
      expect(JSON.parse(pdf.body.toString('utf8')).message).toMatch(
        /^PDF export needs Chromium; set CHROMIUM_PATH/,
      );
      for (const format of ['md', 'html', 'docx'])
        expect((await download(noChromium, format, id)).status).toBe(200);
    } finally {
      await noChromium.close();
    }
  });
});
