import { nameTerms, practitionerTerms, wordPattern } from '../../publication/anonymisation';
import { Block, Inline, PrintedDocument } from '../render/document-model';

export interface NamesToKeepOut {
  /** The people register: real names and other names, each to be replaced by the pseudonym. */
  people: readonly { name: string | null; aliases: readonly string[]; pseudonym: string }[];
  /** Practitioners named in the chronology's sources: replaced by "the practitioner". */
  practitioners: readonly string[];
}

/**
 * Replaces every real name left in a document's texts by the person's pseudonym, so a review
 * report never shows a real name whoever exports it, even where someone typed one into a text.
 * A word of a name shared by two people (a surname) becomes "a family member".
 */
export function keepNamesOut(doc: PrintedDocument, names: NamesToKeepOut): PrintedDocument {
  const replacements = new Map<string, string>();
  const put = (term: string, by: string) => {
    const key = term.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!key) return;
    const before = replacements.get(key);
    replacements.set(key, before === undefined || before === by ? by : 'a family member');
  };
  for (const person of names.people)
    for (const term of [person.name ?? '', ...person.aliases].flatMap(nameTerms))
      put(term, person.pseudonym);
  for (const name of names.practitioners)
    for (const term of practitionerTerms(name))
      if (!replacements.has(term.trim().toLowerCase())) put(term, 'the practitioner');
  // A pseudonym is never itself replaced ("Mother" stays), even when it shares a word with a name.
  const pseudonyms = new Set(names.people.map((p) => p.pseudonym.trim().toLowerCase()));
  for (const key of pseudonyms) replacements.delete(key);
  const pattern = wordPattern([...replacements.keys()]);
  if (!pattern) return doc;

  const text = (value: string): string =>
    value.replace(pattern, (match) => {
      const possessive = /['’]s$/i.exec(match)?.[0] ?? '';
      const bare = possessive ? match.slice(0, -possessive.length) : match;
      const by = replacements.get(bare.replace(/\s+/g, ' ').toLowerCase());
      if (by === undefined) return match;
      return by + possessive;
    });
  const opt = (value: string | undefined) => (value === undefined ? undefined : text(value));
  const inline = (run: Inline): Inline =>
    typeof run === 'string' ? text(run) : { ...run, text: text(run.text) };
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'heading':
        return { ...b, text: text(b.text) };
      case 'paragraph':
        return { ...b, runs: b.runs.map(inline) };
      case 'quote':
        return { ...b, text: text(b.text), attribution: opt(b.attribution) };
      case 'list':
        return { ...b, items: b.items.map((item) => item.map(inline)) };
      case 'box':
        return { ...b, title: opt(b.title), blocks: b.blocks.map(block) };
      case 'table':
        return {
          ...b,
          caption: opt(b.caption),
          headings: b.headings.map(text),
          rows: b.rows.map((r) => r.map(text)),
        };
      case 'pageBreak':
        return b;
    }
  };
  return {
    ...doc,
    fileName: text(doc.fileName),
    title: text(doc.title),
    kicker: opt(doc.kicker),
    subtitle: opt(doc.subtitle),
    closing: opt(doc.closing),
    blocks: doc.blocks.map(block),
  };
}
