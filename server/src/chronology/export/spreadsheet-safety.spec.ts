import { neutraliseFormula } from './spreadsheet-safety';

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'prefixes %j with an apostrophe',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text and empty cells alone', () => {
    expect(neutraliseFormula('Home visit – mother seen')).toBe('Home visit – mother seen');
    expect(neutraliseFormula('2014-04')).toBe('2014-04');
    expect(neutraliseFormula(null)).toBe('');
  });
});
