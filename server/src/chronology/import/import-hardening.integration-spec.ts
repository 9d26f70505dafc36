import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { createApp } from '../../bootstrap/create-app';
import { loadConfig } from '../../config/load-config';
import { adminToken, createAccount, createReview } from '../../testing/accounts';
import { startTestApp, TEST_ADMIN, TestApp } from '../../testing/test-app';
import { MAX_INFLATED_BYTES } from './workbook-limits';
import { PrivateDiskStorage, usePrivateTempFolder } from './upload-folder';

const DEAD_PID = 4_000_000; // above Linux's pid_max: never a running process

async function workbookWith(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Chronology');
  sheet.addRow(['Date', 'Entry']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Deflates `times` copies of `chunk` without holding them all in memory. */
async function deflatedRepeat(chunk: Buffer, times: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (part: Buffer) => out.push(part));
  for (let i = 0; i < times; i++) if (!deflate.write(chunk)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

/** One deflated zip entry whose headers claim `claimedSize` bytes, whatever the data unpacks to. */
function lyingZip(name: string, compressed: Buffer, claimedSize: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, compressed, central, nameBytes, end]);
}

describe('chronology uploads, hardened', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  let dataDir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'scr-import-hardening-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    dataSource = t.app.get(DataSource);
    token = await adminToken(t);
    reviewId = (await createReview(t, token, 'HARDEN-1')).id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (file: Buffer, name: string, fields: Record<string, string> = {}, as = token) => {
    const request = t
      .http()
      .post(`/api/reviews/${reviewId}/chronology`)
      .set('authorization', `Bearer ${as}`);
    for (const [key, value] of Object.entries(fields)) request.field(key, value);
    return request.attach('file', file, name);
  };

  describe('item 9: a crash mid-import', () => {
    it('keeps uploads under DATA_DIR/uploads, the folder 0700 and each file 0600, and removes them after reading', async () => {
      const response = await upload(Buffer.from('Date,Entry\n01/02/2022,Visit\n'), 'a.csv', {
        dryRun: 'true',
      });
      expect(response.status).toBe(200);
      const folder = join(dataDir, 'uploads');
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(readdirSync(folder)).toEqual([]);

      const stored = await new Promise<{ path: string }>((done, fail) => {
        const stream = new PassThrough();
        stream.end('private');
        new PrivateDiskStorage(folder)._handleFile(
          {} as never,
          { stream } as never,
          (error, info) =>
            error
              ? fail(new Error('the storage refused the file', { cause: error }))
              : done(info as { path: string }),
        );
      });
      expect(stored.path.startsWith(folder)).toBe(true);
      expect(statSync(stored.path).mode & 0o777).toBe(0o600);
      rmSync(stored.path);
    });

    it('points temporary files, where the spreadsheet reader parks worksheets, at a private folder under DATA_DIR', async () => {
      const before = process.env.TMPDIR;
      try {
        const dir = await usePrivateTempFolder(loadConfig({ DATA_DIR: dataDir }));
        // os.tmpdir() and the spreadsheet reader's temporary files follow TMPDIR; under Jest,
        // process.env is the sandbox's own copy, so the variable itself is what can be checked.
        expect(process.env.TMPDIR).toBe(dir);
        expect(dir.startsWith(join(dataDir, 'tmp'))).toBe(true);
        expect(statSync(dir).mode & 0o777).toBe(0o700);
        rmSync(join(dataDir, 'tmp'), { recursive: true });
      } finally {
        if (before === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = before;
      }
    });

    it("on start marks imports a crash interrupted failed and deletes their uploads, leaving a live instance's alone", async () => {
      const progress = async (owner: string, minutesAgo: number, state = 'reading') => {
        const [{ id }] = await dataSource.query(
          `INSERT INTO import_progress (id, review_id, total_bytes, owner, state, updated_at)
           VALUES (gen_random_uuid(), $1, 100, $2, $3, now() - make_interval(mins => $4)) RETURNING id`,
          [reviewId, owner, state, minutesAgo],
        );
        return id as string;
      };
      const crashedHere = await progress(`${hostname()}:${DEAD_PID}:aa11`, 0);
      const crashedHereStoring = await progress(`${hostname()}:${DEAD_PID}:aa11`, 1, 'storing');
      const liveElsewhere = await progress('other-host:42:bb22', 1);
      const liveHere = await progress(`${hostname()}:${process.ppid}:cc33`, 0);
      const silentElsewhere = await progress('other-host:43:dd44', 30);
      const finished = await progress(`${hostname()}:${DEAD_PID}:aa11`, 0, 'done');

      const folder = join(dataDir, 'uploads');
      mkdirSync(folder, { recursive: true });
      const leftHere = `${hostname()}+${DEAD_PID}+aa11+${'0'.repeat(24)}.upload`;
      const liveUpload = `${hostname()}+${process.ppid}+cc33+${'1'.repeat(24)}.upload`;
      const otherHost = `other-host+42+bb22+${'2'.repeat(24)}.upload`;
      for (const name of [leftHere, liveUpload, otherHost]) writeFileSync(join(folder, name), 'x');
      const scratch = join(dataDir, 'tmp');
      const deadScratch = `${hostname()}+${DEAD_PID}+aa11`;
      const liveScratch = `${hostname()}+${process.ppid}+cc33`;
      for (const name of [deadScratch, liveScratch]) {
        mkdirSync(join(scratch, name), { recursive: true });
        writeFileSync(join(scratch, name, 'sheet1.tmp'), 'worksheet');
      }

      const restarted = await createApp(
        loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          SCR_ADMIN_EMAIL: TEST_ADMIN.email,
          SCR_ADMIN_PASSWORD: TEST_ADMIN.password,
          SCR_DEMO_DATA: 'false',
          CLIENT_DIR: '/nonexistent',
          DATA_DIR: dataDir,
        }),
        t.databaseUrl,
      );
      await restarted.init();
      await restarted.close();

      const states = Object.fromEntries(
        (
          await dataSource.query(`SELECT id, state FROM import_progress WHERE id = ANY($1)`, [
            [crashedHere, crashedHereStoring, liveElsewhere, liveHere, silentElsewhere, finished],
          ])
        ).map((row: { id: string; state: string }) => [row.id, row.state]),
      );
      expect(states).toEqual({
        [crashedHere]: 'failed',
        [crashedHereStoring]: 'failed',
        [liveElsewhere]: 'reading',
        [liveHere]: 'reading',
        [silentElsewhere]: 'failed',
        [finished]: 'done',
      });
      expect(readdirSync(folder).sort()).toEqual([liveUpload, otherHost].sort());
      expect(readdirSync(scratch)).toEqual([liveScratch]);
      rmSync(scratch, { recursive: true });
      await dataSource.query(`DELETE FROM import_progress`);
      for (const name of readdirSync(folder)) rmSync(join(folder, name));
    });
  });

  describe('item 11: hostile uploads', () => {
    it('refuses with 422 a workbook with a cell longer than Excel allows, before holding it in memory', async () => {
      const response = await upload(
        await workbookWith([['01/02/2022', 'x'.repeat(1024 * 1024)]]),
        'long-cell.xlsx',
        { dryRun: 'true' },
      );
      expect(response.status).toBe(422);
      expect(response.body.message).toMatch(/longer than the 32,767 characters a cell can hold/);
    });

    it('refuses with 422 a workbook that unpacks to more than the limit, whatever its headers claim', async () => {
      const rows = Buffer.from('<row/>'.repeat((1024 * 1024) / 6 + 1));
      const compressed = await deflatedRepeat(rows, MAX_INFLATED_BYTES / rows.length + 1);
      // The sheet claims 1 KB in both headers; it unpacks to more than the limit.
      const hostile = lyingZip('xl/worksheets/sheet1.xml', compressed, 1024);
      expect(hostile.length).toBeLessThan(2 * 1024 * 1024);
      const lying = await upload(hostile, 'bomb.xlsx', { dryRun: 'true' });
      expect(lying.status).toBe(422);
      expect(lying.body.message).toMatch(/unpacks to more than 256 MB/);

      // A header that says so is refused before anything is unpacked.
      const honest = lyingZip(
        'xl/worksheets/sheet1.xml',
        deflateRawSync('<row/>'),
        MAX_INFLATED_BYTES + 1,
      );
      const declared = await upload(honest, 'honest-bomb.xlsx', { dryRun: 'true' });
      expect(declared.status).toBe(422);
      expect(declared.body.message).toMatch(/unpacks to more than 256 MB/);
    }, 120_000);

    it('lists in the preview the rows whose bytes are not valid UTF-8', async () => {
      const text = Buffer.concat([
        Buffer.from(`Date,Entry\n${'01/02/2022,Plain visit\n'.repeat(4000)}`),
        Buffer.from('02/02/2022,Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' meeting\n03/02/2022,Call\n'),
      ]);
      const response = await upload(text, 'mixed.csv', { dryRun: 'true' });
      expect(response.status).toBe(200);
      expect(response.body.encoding).toBe('utf-8');
      expect(response.body.warnings).toEqual([
        {
          row: 4002,
          message: expect.stringMatching(/^Entry: bytes that are not valid UTF-8 were read as/),
        },
      ]);
    });

    it('answers a caller who may not edit the review 403 before reading the body, even for a file too large', async () => {
      const analyst = await createAccount(t, token, 'analyst@harden.test', 'ANALYST');
      const response = await upload(
        Buffer.alloc(50 * 1024 * 1024 + 1, 'a'),
        'big.csv',
        {},
        analyst.token,
      ).catch((error: { response?: { status: number } }) => error.response);
      expect(response?.status).toBe(403);
      const folder = join(dataDir, 'uploads');
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    });

    it('warns when the same content is being imported into the review at the same moment', async () => {
      const file = Buffer.from('Date,Entry\n05/03/2022,Strategy meeting\n06/03/2022,Visit\n');
      const hash = createHash('sha256').update(file).digest('hex');
      await dataSource.query(
        `INSERT INTO import_progress (id, review_id, total_bytes, owner, file_hash, state)
         VALUES (gen_random_uuid(), $1, $2, 'other-host:42:bb22', $3, 'reading')`,
        [reviewId, file.length, hash],
      );
      const response = await upload(file, 'same.csv', { dryRun: 'true' });
      expect(response.status).toBe(200);
      expect(response.body.warnings).toEqual([
        { message: expect.stringMatching(/^The same file is being imported into this review/) },
      ]);
      await dataSource.query(`DELETE FROM import_progress`);

      const three = Buffer.from('Date,Entry\n07/03/2022,Home visit\n08/03/2022,Call\n');
      const results = await Promise.all([1, 2, 3].map(() => upload(three, 'three.csv')));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      const warned = results.filter((r) =>
        r.body.warnings.some((w: { message: string }) =>
          /being imported|already imported/.test(w.message),
        ),
      );
      expect(warned.length).toBeGreaterThanOrEqual(2);
    });
  });
});
