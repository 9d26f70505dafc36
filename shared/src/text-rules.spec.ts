import { controlCharacterProblem, isMultiLineField } from './text-rules';

describe('control characters in text', () => {
  it('refuses NUL and other control characters anywhere', () => {
    expect(controlCharacterProblem('a\u0000b', true)).toBe(
      'must not contain control characters (found U+0000 at character 2)',
    );
    expect(controlCharacterProblem('bell\u0007', false)).toMatch(/U\+0007 at character 5/);
    expect(controlCharacterProblem('del\u007f', true)).toMatch(/U\+007F/);
    expect(controlCharacterProblem('c1\u0085', true)).toMatch(/U\+0085/);
  });

  it('keeps tabs and line breaks in multi-line text only', () => {
    expect(controlCharacterProblem('one\r\n\ttwo', true)).toBeNull();
    expect(controlCharacterProblem('one\ntwo', false)).toBe(
      'must be one line, without line breaks or tabs (found U+000A at character 4)',
    );
    expect(controlCharacterProblem('Café “quoted” — fine', false)).toBeNull();
  });

  it('knows the multi-line fields by name, items of a list included', () => {
    expect(isMultiLineField('description')).toBe(true);
    expect(isMultiLineField('questions[3]')).toBe(true);
    expect(isMultiLineField('title')).toBe(false);
  });
});
