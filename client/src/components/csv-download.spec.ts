import { csvCell, downloadPng, downloadSvg, Rasterise, svgFile, toCsv } from './csv-download';

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

describe('charts saved as files', () => {
  afterEach(() => jest.restoreAllMocks());

  function chart(attributes: Record<string, string>) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    Object.entries(attributes).forEach(([name, value]) => svg.setAttribute(name, value));
    svg.innerHTML = '<title>Neglect: 3 of 10 reviews, 30.0%</title><rect width="10" height="5"/>';
    document.body.append(svg);
    return svg;
  }

  function saved() {
    const files: { name: string; blob: Blob }[] = [];
    let last: Blob | undefined;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      last = blob;
      return 'blob:chart';
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      files.push({ name: this.download, blob: last as Blob });
    });
    return files;
  }

  it('writes the SVG with its namespace and its size in pixels, taken from the viewBox when the page sizes it', () => {
    const file = svgFile(chart({ viewBox: '0 0 760 300', width: '100%' }));
    expect(file.width).toBe(760);
    expect(file.height).toBe(300);
    expect(file.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(file.text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(file.text).toContain('width="760"');
    expect(file.text).toContain('height="300"');
    expect(file.text).toContain('Neglect: 3 of 10 reviews, 30.0%');
    expect(svgFile(chart({ viewBox: '0 0 10 10', width: '420', height: '96' }))).toMatchObject({
      width: 420,
      height: 96,
    });
  });

  it('saves the chart as a PNG at twice its size under the name given', async () => {
    const files = saved();
    const png = new Blob(['png'], { type: 'image/png' });
    const rasterise = jest.fn<Promise<Blob>, Parameters<Rasterise>>(async () => png);
    await downloadPng('corpus-trend.png', chart({ viewBox: '0 0 760 300' }), rasterise);
    expect(rasterise).toHaveBeenCalledWith(expect.stringContaining('<svg'), 760, 300, 2);
    expect(files).toEqual([{ name: 'corpus-trend.png', blob: png }]);
  });

  it('refuses a chart without a size, and passes on why the image could not be drawn', async () => {
    const files = saved();
    await expect(downloadPng('empty.png', chart({}), async () => new Blob())).rejects.toThrow(
      'The chart has no size to draw.',
    );
    await expect(
      downloadPng('chart.png', chart({ viewBox: '0 0 10 10' }), async () => {
        throw new Error('The chart could not be drawn as an image.');
      }),
    ).rejects.toThrow('The chart could not be drawn as an image.');
    expect(files).toEqual([]);
  });

  it('saves the SVG itself beside it', () => {
    const files = saved();
    downloadSvg('corpus-trend.svg', chart({ viewBox: '0 0 760 300', width: '100%' }));
    expect(files.map((file) => [file.name, file.blob.type])).toEqual([
      ['corpus-trend.svg', 'image/svg+xml'],
    ]);
  });
});
