import { PrintedDocument } from './document-model';
import { escapeMarkdown, renderMarkdown } from './markdown-renderer';
import { sampleBriefing } from './sample-document';

const hostile =
  '<script>alert(1)</script> **bold** [link](javascript:alert(1)) # not a heading | pipe';

describe('renderMarkdown', () => {
  it('prints the title band, sections, lists, quotes, boxes and the closing line in order', () => {
    const md = renderMarkdown(sampleBriefing());
    expect(md).toMatch(/^\*Practice issues from case reviews\*\n\n# 1\\\. Disagreement/);
    const order = [
      '**About this briefing**',
      '## What is the issue?',
      '## Why does this occur?',
      '- professionals feeling unable',
      '> *We are told to do the assessment first',
      '> — Health visitor',
      '## Solutions suggested',
      '1. Agree locally',
      '3. Managers check',
      '> **Questions for you to consider**',
      '> ### For practitioners',
      '*Based on analysis of 38 reviews',
    ].map((s) => md.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('keeps text with markup or script literal', () => {
    const doc: PrintedDocument = {
      fileName: 'x',
      title: hostile,
      blocks: [
        { kind: 'heading', level: 1, text: hostile },
        { kind: 'paragraph', runs: [hostile, { text: 'see', link: 'javascript:alert(1)' }] },
        { kind: 'table', headings: ['a|b'], rows: [[hostile]] },
      ],
    };
    const md = renderMarkdown(doc);
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/[^\\]\]\(javascript/);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).toContain('| a\\|b |');
    expect(md).toContain('\\# not a heading');
  });

  it('escapes what starts a list or heading at the start of text', () => {
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('line one\nline two')).toBe('line one line two');
  });

  it('keeps spaces outside emphasis, so that it holds', () => {
    const md = renderMarkdown({
      fileName: 'x',
      title: 't',
      blocks: [{ kind: 'paragraph', runs: [{ text: 'Category: ', bold: true }, '3. Patterns'] }],
    });
    expect(md).toContain('**Category:** 3\\. Patterns');
  });

  it('links only http(s) addresses', () => {
    const md = renderMarkdown({
      fileName: 'x',
      title: 't',
      blocks: [
        { kind: 'paragraph', runs: [{ text: 'SCIE', link: 'https://www.scie.org.uk/a(b)' }] },
      ],
    });
    expect(md).toContain('[SCIE](<https://www.scie.org.uk/a(b)>)');
  });

  it('lists only the first level of headings in the contents when asked', () => {
    const md = renderMarkdown({
      fileName: 'x',
      title: 't',
      contents: true,
      contentsDepth: 1,
      blocks: [
        { kind: 'heading', level: 1, text: 'Early help' },
        { kind: 'heading', level: 2, text: 'What is the issue?' },
        { kind: 'heading', level: 1, text: 'Thresholds' },
      ],
    });
    expect(md).toContain('## Contents\n\n- Early help\n- Thresholds\n\n');
  });
});
