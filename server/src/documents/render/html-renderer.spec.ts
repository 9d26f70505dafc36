import { PrintedDocument } from './document-model';
import { renderHtml } from './html-renderer';
import { sampleBriefing } from './sample-document';

describe('renderHtml', () => {
  it('lays the briefing out like the seeds: title band, side box, sections, question box, quote', () => {
    const html = renderHtml(sampleBriefing());
    expect(html).toMatch(
      /<header class="band">\s*<p class="kicker">Practice issues from case reviews<\/p>\s*<h1>1\. Disagreement/,
    );
    expect(html).toContain('<aside class="box side"><p class="box-title">About this briefing</p>');
    expect(html).toContain('<h2 id="s2">What is the issue?</h2>');
    expect(html).toContain(
      '<aside class="box questions"><p class="box-title">Questions for you to consider</p>',
    );
    expect(html).toContain('<blockquote><p>We are told to do the assessment first');
    expect(html).toContain('<footer>Health visitor</footer>');
    expect(html).toContain('<ol><li>Agree locally');
    expect(html).toContain('<footer class="closing">Based on analysis of 38 reviews');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('counter(page)');
    // One self-contained file: no scripts, no outside resources.
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it("floats a single briefing's side box beside its first section, as the seeds print it", () => {
    const doc: PrintedDocument = {
      fileName: 'issue',
      title: '1. An issue',
      blocks: [
        { kind: 'heading', level: 1, text: 'What is the issue?' },
        { kind: 'paragraph', runs: ['The issue.'] },
        { kind: 'box', variant: 'side', blocks: [{ kind: 'paragraph', runs: ['One of a set.'] }] },
        { kind: 'heading', level: 1, text: 'Why does this occur?' },
      ],
    };
    const main = (html: string) => html.slice(html.indexOf('<main>'));
    const single = main(renderHtml(doc));
    expect(single.indexOf('<aside class="box side">')).toBeLessThan(
      single.indexOf('What is the issue?'),
    );
    expect(single.indexOf('The issue.')).toBeLessThan(single.indexOf('Why does this occur?'));
    // a whole set, with contents, keeps its side box where the builder put it
    const set = main(renderHtml({ ...doc, contents: true }));
    expect(set.indexOf('<aside class="box side">')).toBeGreaterThan(set.indexOf('The issue.'));
  });

  it('escapes every text and links only http(s) addresses', () => {
    const evil = '<script>alert("x")</script><b onmouseover=\'y\'>&amp;';
    const doc: PrintedDocument = {
      fileName: 'x',
      title: evil,
      kicker: evil,
      subtitle: evil,
      contents: true,
      blocks: [
        { kind: 'heading', level: 1, text: evil },
        {
          kind: 'paragraph',
          runs: [
            evil,
            { text: evil, bold: true, link: 'javascript:alert(1)' },
            { text: 'ok', link: 'https://example.org/?a="b"' },
          ],
        },
        { kind: 'quote', text: evil, attribution: evil },
        { kind: 'list', ordered: false, items: [[evil]] },
        {
          kind: 'box',
          variant: 'note',
          title: evil,
          blocks: [{ kind: 'paragraph', runs: [evil] }],
        },
        { kind: 'table', headings: [evil], rows: [[evil]], caption: evil },
      ],
      closing: evil,
    };
    const html = renderHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b ');
    expect(html).not.toContain('javascript:');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b onmouseover=&#39;y&#39;&gt;&amp;amp;',
    );
    expect(html).toContain('<a href="https://example.org/?a=%22b%22">ok</a>');
    expect(html).toContain('<nav class="contents"><h2>Contents</h2>');
  });

  it('numbers the sections in the contents, each with its subsections under it', () => {
    const html = renderHtml({
      fileName: 'x',
      title: 't',
      contents: true,
      blocks: [
        { kind: 'heading', level: 1, text: 'A' },
        { kind: 'heading', level: 2, text: 'A1' },
        { kind: 'heading', level: 2, text: 'A2' },
        { kind: 'heading', level: 1, text: 'B' },
        { kind: 'heading', level: 3, text: 'B1a' },
      ],
    });
    expect(html).toContain(
      '<ol><li><a href="#s1">A</a><ul><li><a href="#s2">A1</a></li><li><a href="#s3">A2</a></li></ul></li><li><a href="#s4">B</a></li></ol>',
    );
  });

  it('does not number headings that carry their own numbers twice, and lists one level when asked', () => {
    const html = renderHtml({
      fileName: 'x',
      title: 't',
      contents: true,
      contentsDepth: 1,
      blocks: [
        { kind: 'heading', level: 1, text: '1. Early help' },
        { kind: 'heading', level: 2, text: 'What is the issue?' },
        { kind: 'heading', level: 1, text: '2. Thresholds' },
        { kind: 'heading', level: 2, text: 'What is the issue?' },
      ],
    });
    expect(html).toContain(
      '<ol class="own-numbers"><li><a href="#s1">1. Early help</a></li><li><a href="#s3">2. Thresholds</a></li></ol>',
    );
    expect(html).toMatch(/nav\.contents ol\.own-numbers \{ list-style: none;/);
  });
});
