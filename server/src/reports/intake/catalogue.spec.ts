import ExcelJS from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapCatalogueColumns, readCatalogue, readPublicationDate } from './catalogue';

describe('the report catalogue', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalogue-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('maps columns by their headings, case aside, with the usual synonyms', () => {
    expect(
      mapCatalogueColumns([
        'Key Words',
        'FILENAME',
        'Safeguarding partnership',
        'Date published',
        'Type of review',
        'Lead reviewer',
        'Abstract',
        'Lessons learned',
        'Recommendations',
        'Method',
        'Report title',
      ]),
    ).toEqual({
      keywords: 0,
      fileName: 1,
      partnership: 2,
      publishedOn: 3,
      reviewType: 4,
      author: 5,
      summary: 6,
      learning: 7,
      recommendations: 8,
      methodology: 9,
      title: 10,
    });
  });

  it('reads publication dates written in the usual ways', () => {
    expect(readPublicationDate('2021-3-4')).toBe('2021-03-04');
    expect(readPublicationDate('04/03/2021')).toBe('2021-03-04');
    expect(readPublicationDate('2016')).toBe('2016-01-01');
    expect(readPublicationDate(new Date(Date.UTC(2020, 11, 31)))).toBe('2020-12-31');
    expect(readPublicationDate('spring 2020')).toBeNull();
  });

  it('reads an Excel catalogue, its date cells as days, a file named with its folder by its name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Reports');
    sheet.addRow(['File name', 'Title', 'Publication date', 'Keywords']);
    sheet.addRow([
      'reports\\Child Q.pdf',
      'Child Q',
      new Date(Date.UTC(2022, 5, 30)),
      'neglect;  housing',
    ]);
    sheet.addRow([null, 'a row without a file is left out', null, null]);
    const path = join(dir, 'catalogue.xlsx');
    await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await readCatalogue(path, 'catalogue.xlsx')).toEqual([
      {
        fileName: 'Child Q.pdf',
        title: 'Child Q',
        partnership: null,
        publishedOn: '2022-06-30',
        reviewType: null,
        methodology: null,
        author: null,
        summary: null,
        learning: null,
        recommendations: null,
        keywords: ['neglect', 'housing'],
      },
    ]);
  });
});
