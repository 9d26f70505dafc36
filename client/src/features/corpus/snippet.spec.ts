import { parseSnippet } from './snippet';

describe('a search snippet', () => {
  it('marks the words in <mark> and keeps every other tag as text', () => {
    expect(
      parseSnippet('the <mark>escalation</mark> policy &lt;b&gt;bold&lt;/b&gt; &amp; <img src=x>'),
    ).toEqual([
      { text: 'the ', marked: false },
      { text: 'escalation', marked: true },
      { text: ' policy <b>bold</b> & <img src=x>', marked: false },
    ]);
  });

  it('decodes an escaped ampersand only once', () => {
    expect(parseSnippet('&amp;lt; <mark>a&amp;b</mark>')).toEqual([
      { text: '&lt; ', marked: false },
      { text: 'a&b', marked: true },
    ]);
  });
});
