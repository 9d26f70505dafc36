/** A piece of page text: marked when it is one of the words a search hit marked. */
export interface TextPart {
  text: string;
  marked: boolean;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The page text cut where the given words occur (whole words, any case), so that the hit's words
 * can be marked on the page. The parts joined are always the page text itself.
 */
export function highlightParts(text: string, words: string[]): TextPart[] {
  const wanted = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return [{ text, marked: false }];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts.length ? parts : [{ text, marked: false }];
}
