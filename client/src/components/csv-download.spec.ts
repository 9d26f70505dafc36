import { csvCell, toCsv } from './csv-download';

describe('CSV made in the browser', () => {
  it('makes formula-looking text into text and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+44 1234')).toBe("'+44 1234");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Child A, Northmoor')).toBe('"Child A, Northmoor"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('writes headings then rows with CRLF line ends', () => {
    expect(toCsv(['Reference', 'Year'], [['DEMO-1', 2024]])).toBe(
      'Reference,Year\r\nDEMO-1,2024\r\n',
    );
  });
});
