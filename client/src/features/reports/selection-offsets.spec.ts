import { pageSelection, selectionOffsets } from './selection-offsets';

describe('selectionOffsets', () => {
  it('counts in code points, end exclusive, with the quoted text', () => {
    expect(selectionOffsets(12, 'The school raised a concern.', 4, 10)).toEqual({
      page: 12,
      start: 4,
      end: 10,
      quote: 'school',
    });
  });

  it('takes the two ends in either order', () => {
    expect(selectionOffsets(1, 'abcdef', 5, 2)).toEqual({
      page: 1,
      start: 2,
      end: 5,
      quote: 'cde',
    });
  });

  it('counts a character outside the basic plane once, not as two code units', () => {
    const text = 'Child 🙂 said «no» — café';
    const from = text.indexOf('said');
    const result = selectionOffsets(3, text, from, text.length);
    expect(result).toEqual({ page: 3, start: 8, end: 24, quote: 'said «no» — café' });
    expect([...text].slice(result!.start, result!.end).join('')).toBe(result!.quote);
  });

  it('takes in the whole character when an end falls inside a surrogate pair', () => {
    const text = 'a🙂b';
    expect(selectionOffsets(1, text, 2, 4)).toEqual({ page: 1, start: 1, end: 3, quote: '🙂b' });
    expect(selectionOffsets(1, text, 0, 2)).toEqual({ page: 1, start: 0, end: 2, quote: 'a🙂' });
  });

  it('answers null for an empty selection and keeps ends within the text', () => {
    expect(selectionOffsets(1, 'abc', 2, 2)).toBeNull();
    expect(selectionOffsets(1, 'abc', -4, 99)).toEqual({ page: 1, start: 0, end: 3, quote: 'abc' });
  });
});

describe('pageSelection', () => {
  it('reads a selection across marked words as offsets in the page text', () => {
    const container = document.createElement('div');
    container.innerHTML = 'Café 🙂 <mark>neglect</mark> was seen';
    document.body.append(container);
    const text = container.textContent!;
    const range = document.createRange();
    range.setStart(container.firstChild!, 5);
    range.setEnd(container.lastChild!, 4);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(pageSelection(selection, container, 2, text)).toEqual({
      page: 2,
      start: 5,
      end: 18,
      quote: '🙂 neglect was',
    });
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    range.selectNodeContents(outside);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(pageSelection(selection, container, 2, text)).toBeNull();
  });
});
