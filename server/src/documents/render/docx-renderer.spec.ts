import { docxParts, docxText } from '../../testing/documents';
import { PrintedDocument } from './document-model';
import { DocxRenderer } from './docx-renderer';
import { sampleBriefing } from './sample-document';

describe('DocxRenderer', () => {
  const renderer = new DocxRenderer();

  it('uses Word heading styles, numbered and bulleted lists, boxes and the title property', async () => {
    const parts = await docxParts(await renderer.render(sampleBriefing()));
    const xml = parts['word/document.xml'];
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Quote"/>');
    // Lists: the numbered one uses the numbering definition with decimal numbers.
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(parts['word/numbering.xml']).toContain('<w:numFmt w:val="decimal"/>');
    expect(parts['word/numbering.xml']).toContain('<w:numFmt w:val="bullet"/>');
    // Boxes are shaded single-cell tables.
    expect(xml).toContain('w:fill="FDF3E1"');
    expect(parts['docProps/core.xml']).toContain(
      '<dc:title>1. Disagreement about use of early help assessment</dc:title>',
    );
    // Page numbers in the footer.
    const footer = Object.entries(parts).find(([name]) => name.startsWith('word/footer'))?.[1];
    expect(footer).toContain('PAGE');
    const text = docxText(xml);
    const order = [
      'Practice issues from case reviews',
      'About this briefing',
      'What is the issue?',
      'Why does this occur?',
      'We are told to do the assessment first',
      '— Health visitor',
      'Solutions suggested',
      'Questions for you to consider',
      'For practitioners',
      'Based on analysis of 38 reviews',
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has a real contents field when asked, filled when Word opens the file', async () => {
    const withContents = await docxParts(
      await renderer.render({ ...sampleBriefing(), contents: true }),
    );
    expect(withContents['word/document.xml']).toMatch(
      /<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/,
    );
    expect(withContents['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
    const issuesOnly = await docxParts(
      await renderer.render({ ...sampleBriefing(), contents: true, contentsDepth: 1 }),
    );
    expect(issuesOnly['word/document.xml']).toMatch(
      /<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/,
    );
    const without = await docxParts(await renderer.render(sampleBriefing()));
    expect(without['word/document.xml']).not.toContain('<w:instrText xml:space="preserve">TOC');
  });

  it('escapes markup, drops characters XML forbids and links only http(s) addresses', async () => {
    const evil = '<script>alert("x")</script> & <w:p/>\u0001';
    const doc: PrintedDocument = {
      fileName: 'x',
      title: evil,
      blocks: [
        { kind: 'heading', level: 1, text: evil },
        {
          kind: 'paragraph',
          runs: [
            evil,
            { text: 'bad', link: 'javascript:alert(1)' },
            { text: 'good', link: 'https://example.org/' },
          ],
        },
        { kind: 'table', headings: ['A', 'B'], rows: [[evil, 'x']] },
      ],
    };
    const parts = await docxParts(await renderer.render(doc));
    const xml = parts['word/document.xml'];
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<w:p/>\u0001');
    expect(docxText(xml)).toContain('<script>alert("x")</script> & <w:p/>');
    expect(parts['word/_rels/document.xml.rels']).toContain('https://example.org/');
    expect(parts['word/_rels/document.xml.rels']).not.toContain('javascript:');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
  });
});
