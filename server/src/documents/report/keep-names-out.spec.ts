import { PrintedDocument } from '../render/document-model';
import { keepNamesOut } from './keep-names-out';

const names = {
  people: [
    { name: 'Maisie Ward', aliases: [], pseudonym: 'Child M' },
    { name: 'Leanne Ward', aliases: [], pseudonym: 'Mother' },
    { name: 'Jason Barlow', aliases: ['Jay'], pseudonym: 'Mr B' },
  ],
  practitioners: ['HV Priya Patel'],
};

const doc = (text: string): PrintedDocument => ({
  fileName: text,
  title: text,
  kicker: text,
  blocks: [
    { kind: 'heading', level: 1, text },
    { kind: 'paragraph', runs: [text, { text, bold: true }] },
    { kind: 'quote', text, attribution: text },
    { kind: 'list', ordered: false, items: [[text]] },
    { kind: 'box', variant: 'note', title: text, blocks: [{ kind: 'paragraph', runs: [text] }] },
    { kind: 'table', headings: [text], rows: [[text]], caption: text },
  ],
  closing: text,
});

describe('keepNamesOut', () => {
  it('puts the pseudonym in place of every real name, in every part of the document', () => {
    const out = JSON.stringify(
      keepNamesOut(doc("Maisie Ward's mother Leanne met JAY; maisie was seen"), names),
    );
    expect(out).not.toMatch(/Maisie|Leanne|Jay|JAY/i);
    expect(out).toContain("Child M's mother Mother met Mr B; Child M was seen");
  });

  it('gives a shared surname no one person’s pseudonym, and names practitioners by role', () => {
    const out = JSON.stringify(keepNamesOut(doc('The Ward family; Priya Patel visited'), names));
    expect(out).toContain('The a family member family; the practitioner visited');
    expect(out).not.toMatch(/Ward|Priya|Patel/);
  });

  it('leaves words that merely contain a name alone', () => {
    const out = keepNamesOut(doc('Forward planning; Jayne'), names);
    expect(out.title).toBe('Forward planning; Jayne');
  });
});
