/** A passage of a report page: code point offsets into the page text, end exclusive. */
export interface PassageSelection {
  page: number;
  start: number;
  end: number;
  quote: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Code points in the text (an astral character, e.g. an emoji, is one). */
const codePoints = (text: string) => {
  let count = 0;
  for (let i = 0; i < text.length; i++)
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))))
      count++;
  return count;
};

/**
 * The passage between two positions of the page text as the browser gives them (UTF-16 code
 * units, in either order) as the server counts it: code point offsets, end exclusive, and the
 * quoted text. A position inside a surrogate pair takes in the whole character. Null when the
 * selection is empty.
 */
export function selectionOffsets(
  page: number,
  text: string,
  anchor: number,
  focus: number,
): PassageSelection | null {
  let from = Math.max(0, Math.min(anchor, focus, text.length));
  let to = Math.min(text.length, Math.max(anchor, focus, 0));
  if (
    from > 0 &&
    isLowSurrogate(text.charCodeAt(from)) &&
    isHighSurrogate(text.charCodeAt(from - 1))
  )
    from--;
  if (
    to < text.length &&
    isLowSurrogate(text.charCodeAt(to)) &&
    isHighSurrogate(text.charCodeAt(to - 1))
  )
    to++;
  if (to <= from) return null;
  const start = codePoints(text.slice(0, from));
  const quote = text.slice(from, to);
  return { page, start, end: start + codePoints(quote), quote };
}

/** The offset (UTF-16 code units) of a DOM position in the text of `container`. */
function textOffset(container: Node, node: Node, offset: number): number {
  const range = container.ownerDocument!.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The document's selection as a passage of the page shown in `container` (whose text content is
 * the page text), or null when nothing, or something outside the page, is selected.
 */
export function pageSelection(
  selection: Selection | null,
  container: HTMLElement,
  page: number,
  text: string,
): PassageSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer))
    return null;
  return selectionOffsets(
    page,
    text,
    textOffset(container, range.startContainer, range.startOffset),
    textOffset(container, range.endContainer, range.endOffset),
  );
}
