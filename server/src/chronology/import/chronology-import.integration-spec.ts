import ExcelJS from 'exceljs';
import { adminToken, createReview, ok } from '../../testing/accounts';
import { startTestApp, TestApp } from '../../testing/test-app';

interface Upload {
  file: Buffer;
  name: string;
  fields?: Record<string, string>;
}

describe('importing an agency chronology', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  let policeId: string;
  let healthId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'IMPORT-1')).id;
    const add = async (name: string, sector: string) =>
      (
        await ok<{ addAgency: { id: string } }>(
          t,
          'mutation($r: ID!, $i: AgencyInput!) { addAgency(reviewId: $r, input: $i) { id } }',
          { r: reviewId, i: { name, sector } },
          token,
        )
      ).addAgency.id;
    policeId = await add('Northmoor Police', 'POLICE');
    healthId = await add('Northmoor Health Visiting', 'HEALTH');
  });
  afterAll(() => t.close());

  const upload = ({ file, name, fields = {} }: Upload, review = reviewId) => {
    const request = t
      .http()
      .post(`/api/reviews/${review}/chronology`)
      .set('authorization', `Bearer ${token}`);
    for (const [key, value] of Object.entries(fields)) request.field(key, value);
    return request.attach('file', file, name);
  };
  const csv = (text: string) => Buffer.from(text, 'utf8');
  const eventCount = async () =>
    (
      await ok<{ review: { events: { totalCount: number } } }>(
        t,
        'query($id: ID!) { review(id: $id) { events { totalCount } } }',
        { id: reviewId },
        token,
      )
    ).review.events.totalCount;

  it('reads each UK date form with its precision, next to the text it came from', async () => {
    const forms = [
      '03/04/2014',
      '3.4.14',
      '3 April 2014',
      'Apr 2014',
      'April 2014',
      '2014',
      'early 2014',
      'c. 2013',
      'approx. May 2014',
      '03/04/2014 14:30',
    ];
    const file = csv(
      ['Date,Entry', ...forms.map((form, i) => `"${form}",Entry ${i + 1}`)].join('\r\n'),
    );
    const response = await upload({
      file,
      name: 'police.csv',
      fields: { dryRun: 'true', agencyId: policeId },
    });
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([]);
    expect(
      response.body.rows.map(
        (r: {
          occurredOn: string;
          precision: string;
          time: string | null;
          originalDate: string;
          row: number;
        }) => [r.row, r.originalDate, r.occurredOn, r.precision, r.time],
      ),
    ).toEqual([
      [2, '03/04/2014', '2014-04-03', 'DAY', null],
      [3, '3.4.14', '2014-04-03', 'DAY', null],
      [4, '3 April 2014', '2014-04-03', 'DAY', null],
      [5, 'Apr 2014', '2014-04', 'MONTH', null],
      [6, 'April 2014', '2014-04', 'MONTH', null],
      [7, '2014', '2014', 'YEAR', null],
      [8, 'early 2014', '2014', 'APPROXIMATE', null],
      [9, 'c. 2013', '2013', 'APPROXIMATE', null],
      [10, 'approx. May 2014', '2014-05', 'APPROXIMATE', null],
      [11, '03/04/2014 14:30', '2014-04-03', 'DAY', '14:30'],
    ]);
    expect(await eventCount()).toBe(0);
  });

  it('reads Windows-1252 text, semicolons, a byte-order mark and line breaks inside quoted fields', async () => {
    const latin = Buffer.from(
      'Date;Summary;Details\r\n05/06/2022;Visit;"Caf\xe9 meeting, \xa320 voucher"\r\n',
      'latin1',
    );
    const latinRead = await upload({ file: latin, name: 'health.csv', fields: { dryRun: 'true' } });
    expect(latinRead.body.encoding).toBe('windows-1252');
    expect(latinRead.body.rows[0].description).toBe('Café meeting, £20 voucher');

    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv('Date,Entry,Notes\n01/02/2022,Home visit,"Line one\nline two"\n02/02/2022,Call,\n'),
    ]);
    const bomRead = await upload({ file: bom, name: 'bom.csv', fields: { dryRun: 'true' } });
    expect(bomRead.body.headings).toEqual(['Date', 'Entry', 'Notes']);
    expect(
      bomRead.body.rows.map((r: { row: number; description: string | null }) => [
        r.row,
        r.description,
      ]),
    ).toEqual([
      [2, 'Line one\nline two'],
      [3, null],
    ]);
  });

  it('reads an Excel workbook: date cells and text dates, from the sheet chosen', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').addRow(['Chronology of Northmoor Health Visiting']);
    const sheet = workbook.addWorksheet('Chronology');
    sheet.addRow(['Date', 'Time', 'Event', 'Practitioner']);
    sheet.addRow([new Date(Date.UTC(2022, 2, 14)), '09:30', 'New birth visit', 'HV Patel']);
    sheet.addRow(['June 2022', null, 'Missed appointment', 'HV Patel']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload({
      file,
      name: 'hv.xlsx',
      fields: { dryRun: 'true', sheet: 'Chronology', agencyId: healthId },
    });
    expect(response.status).toBe(200);
    expect(
      response.body.rows.map(
        (r: {
          row: number;
          occurredOn: string;
          precision: string;
          time: string | null;
          source: string;
        }) => [r.row, r.occurredOn, r.precision, r.time, r.source],
      ),
    ).toEqual([
      [2, '2022-03-14', 'DAY', '09:30', 'hv.xlsx, row 2; recorded by HV Patel'],
      [3, '2022-06', 'MONTH', null, 'hv.xlsx, row 3; recorded by HV Patel'],
    ]);
    const noSheet = await upload({
      file,
      name: 'hv.xlsx',
      fields: { dryRun: 'true', sheet: 'Missing' },
    });
    expect(noSheet.body.message).toBe(
      'The workbook has no sheet "Missing"; its sheets are "Cover", "Chronology".',
    );
  });

  it('stores nothing when a row is bad, answering 422 with every bad row; with skipBadRows it stores the rest and lists what it skipped', async () => {
    const file = csv(
      'Date,Entry\n01/03/2022,Strategy discussion\n31/02/2022,Impossible day\n05/03/2022,\n07/03/2022,Section 47 enquiry\n',
    );
    const refused = await upload({ file, name: 'police.csv', fields: { agencyId: policeId } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        row: 3,
        column: 'Date',
        value: '31/02/2022',
        message: '"2022-02-31" is not a day of the calendar',
      },
      { row: 4, column: 'Entry', value: null, message: 'the entry is empty' },
    ]);
    expect(await eventCount()).toBe(0);

    const skipped = await upload({
      file,
      name: 'police.csv',
      fields: { agencyId: policeId, skipBadRows: 'true' },
    });
    expect(skipped.status).toBe(200);
    expect(skipped.body.imported).toBe(2);
    expect(skipped.body.skipped.map((s: { row: number }) => s.row)).toEqual([3, 4]);
    expect(await eventCount()).toBe(2);

    const trail = await ok<{
      review: {
        auditTrail: {
          edges: {
            node: { action: string; after: { skippedRows: { row: number }[]; imported: number } };
          }[];
        };
      };
    }>(
      t,
      'query($id: ID!) { review(id: $id) { auditTrail(first: 5) { edges { node { action after } } } } }',
      { id: reviewId },
      token,
    );
    const entry = trail.review.auditTrail.edges.find((e) => e.node.action === 'import')!.node;
    expect(entry.after.imported).toBe(2);
    expect(entry.after.skippedRows.map((s) => s.row)).toEqual([3, 4]);
  });

  it('warns, without refusing, about the same file twice and dates after the period under review', async () => {
    const file = csv(
      'Date,Entry\n01/03/2022,Strategy discussion\n31/02/2022,Impossible day\n05/03/2022,\n07/03/2022,Section 47 enquiry\n',
    );
    const again = await upload({
      file,
      name: 'police-copy.csv',
      fields: { agencyId: policeId, dryRun: 'true' },
    });
    expect(again.body.warnings[0].message).toMatch(
      /^This file looks like one already imported \(police\.csv, \d{4}-\d{2}-\d{2}, 2 events\)/,
    );
    const late = await upload({
      file: csv('Date,Entry\n01/01/2030,Long after\n'),
      name: 'late.csv',
      fields: { dryRun: 'true' },
    });
    expect(late.body.errors).toEqual([]);
    expect(late.body.warnings).toEqual([
      {
        row: 2,
        message: '01/01/2030 is after the end of the period under review or today (2023-08-31)',
      },
    ]);
  });

  it('matches an agency column to the agency register, and names an agency that is not in it', async () => {
    const file = csv(
      'Date,Agency,Entry\n01/03/2022,northmoor police,Arrest\n02/03/2022,Northmoor Fire,Call-out\n',
    );
    const response = await upload({ file, name: 'merged.csv', fields: { dryRun: 'true' } });
    expect(response.body.rows).toEqual([
      expect.objectContaining({ agencyName: 'Northmoor Police', agencyId: policeId }),
    ]);
    expect(response.body.errors).toEqual([
      {
        row: 3,
        column: 'Agency',
        value: 'Northmoor Fire',
        message: `"Northmoor Fire" is not in this review's agency register: add it, or choose the agency for the whole file`,
      },
    ]);
  });

  it('remembers the mapping used for an agency and uses it for its next file', async () => {
    const file = csv('When it happened,What,Ref\n01/05/2022,Home visit,HV-1\n');
    const withMapping = await upload({
      file,
      name: 'hv.csv',
      fields: {
        agencyId: healthId,
        mapping: JSON.stringify({ date: 'When it happened', title: 'What', source: 'Ref' }),
      },
    });
    expect(withMapping.status).toBe(200);
    const next = await upload({
      file: csv('When it happened,What,Ref\n02/05/2022,Phone call,HV-2\n'),
      name: 'hv2.csv',
      fields: { agencyId: healthId, dryRun: 'true' },
    });
    expect(next.body.mapping).toEqual({ date: 'When it happened', title: 'What', source: 'Ref' });
    expect(next.body.rows[0].source).toBe('HV-2');
  });

  it.each([
    [Buffer.alloc(0), 'empty.csv', 400, 'The file is empty.'],
    [
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      'chronology.csv',
      400,
      'chronology.csv is a PDF, not a spreadsheet: export the chronology from its system as CSV or Excel (.xlsx).',
    ],
    [
      Buffer.from('Entry,Notes\nVisit,Seen\n'),
      'nodate.csv',
      400,
      'The columns cannot be read as a chronology: no column is mapped to the date; the file\'s headings are "Entry", "Notes".',
    ],
    [Buffer.from('Date,Entry\n'), 'header.csv', 400, 'The file has a heading row but no entries.'],
  ])('refuses %#: %s with a clear answer', async (file, name, status, message) => {
    const response = await upload({ file, name });
    expect(response.status).toBe(status);
    expect(response.body.message).toBe(message);
  });

  it('refuses an agency of another review, and a file of 50 MB and one byte', async () => {
    const other = (await createReview(t, token, 'IMPORT-OTHER')).id;
    const foreign = (
      await ok<{ addAgency: { id: string } }>(
        t,
        'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Elsewhere", sector: OTHER }) { id } }',
        { r: other },
        token,
      )
    ).addAgency.id;
    const response = await upload({
      file: csv('Date,Entry\n01/01/2022,x\n'),
      name: 'x.csv',
      fields: { agencyId: foreign },
    });
    expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyId' });

    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 'a');
    const tooLarge = await upload({ file: big, name: 'big.csv' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toBe(
      'The file is larger than 50 MB, the most a chronology may be: split it, or export fewer columns.',
    );
  });

  it('exports the merged chronology as CSV and XLSX, in date order, with formulas neutralised', async () => {
    await upload({
      file: csv('Date,Entry,Notes\n2021,=HYPERLINK("http://x"),+44 7700 900000\n'),
      name: 'formula.csv',
      fields: {
        agencyId: policeId,
        mapping: JSON.stringify({ date: 'Date', title: 'Entry', description: 'Notes' }),
      },
    });
    const csvResponse = await t
      .http()
      .get(`/api/reviews/${reviewId}/timeline.csv`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => done(null, body));
      });
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers['content-disposition']).toBe(
      'attachment; filename="IMPORT-1-chronology.csv"',
    );
    const lines = (csvResponse.body as string)
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Date,Precision,Time,Sorts as,Agency,Entry,Details,Record reference');
    expect(lines[1]).toBe(
      `2021,YEAR,,2021-01-01,Northmoor Police,"'=HYPERLINK(""http://x"")",'+44 7700 900000,"formula.csv, row 2"`,
    );
    expect(lines).toHaveLength(1 + (await eventCount()));

    const xlsxResponse = await t
      .http()
      .get(`/api/reviews/${reviewId}/timeline.xlsx`)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsxResponse.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxResponse.body as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Chronology')!;
    expect(sheet.getRow(2).getCell(6).value).toBe(`'=HYPERLINK("http://x")`);
    expect(sheet.rowCount).toBe(1 + (await eventCount()));
  });

  it('reports how far an import has got under the id the client gave it', async () => {
    const progressId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const rows = Array.from(
      { length: 4500 },
      (_, i) => `0${1 + (i % 9)}/07/2022,Contact ${i + 1}`,
    ).join('\n');
    const file = csv(`Date,Entry\n${rows}\n`);
    const response = await upload({
      file,
      name: 'long.csv',
      fields: { dryRun: 'true', progressId },
    });
    expect(response.status).toBe(200);
    const progress = await t
      .http()
      .get(`/api/reviews/${reviewId}/chronology/progress/${progressId}`)
      .set('authorization', `Bearer ${token}`);
    expect(progress.body).toEqual({
      rowsRead: 4500,
      bytesRead: file.length,
      totalBytes: file.length,
      state: 'done',
    });
    const unknown = await t
      .http()
      .get(`/api/reviews/${reviewId}/chronology/progress/00000000-0000-4000-8000-000000000000`)
      .set('authorization', `Bearer ${token}`);
    expect(unknown.status).toBe(404);
  });
});
