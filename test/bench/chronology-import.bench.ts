import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { embeddedPostgresUrl, graphql, startSignedInServer } from '../support/server-process';
import { report } from './bench-report';

const ROWS = 100_000;
const ADMIN = { email: 'bench@bench.local', password: 'benchmark password' };

function dayOf(i: number): Date {
  return new Date(Date.UTC(2019, 0, 1) + (i % 1500) * 86_400_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

async function writeCsv(path: string): Promise<void> {
  async function* lines() {
    yield 'Date,Time,Entry,Details,Worker,Record Ref\r\n';
    for (let i = 0; i < ROWS; i += 1) {
      const d = dayOf(i);
      yield `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()},${pad(9 + (i % 8))}:${pad(i % 60)},Contact ${i + 1},"Home visit; child seen, ""well"".",Worker ${i % 40},REF-${i + 1}\r\n`;
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(path));
}

/** Resident memory of a process now (VmRSS) or at its peak so far (VmHWM), from the kernel (Linux). */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

describe('chronology import benchmark', () => {
  it(`imports ${ROWS.toLocaleString('en-GB')} rows and compares with COPY`, async () => {
    const running = await startSignedInServer('scr-bench-import-', ADMIN);
    const { server, token, dataDir } = running;
    try {
      const review = await graphql<{ createReview: { id: string } }>(
        server.url,
        'mutation { createReview(input: { reference: "BENCH", title: "Bench", type: RAPID_REVIEW }) { id } }',
        {},
        token,
      );
      const reviewId = review.data!.createReview.id;
      const agency = await graphql<{ addAgency: { id: string } }>(
        server.url,
        'mutation($r: ID!) { addAgency(reviewId: $r, input: { name: "Police", sector: POLICE }) { id } }',
        { r: reviewId },
        token,
      );
      const agencyId = agency.data!.addAgency.id;

      const csvPath = join(dataDir, '..', 'chronology.csv');
      await writeCsv(csvPath);
      const form = new FormData();
      form.set('agencyId', agencyId);
      form.set('file', new Blob([readFileSync(csvPath)]), 'chronology.csv');
      const rssBefore = memoryMb(server.child.pid!, 'VmRSS');
      const started = process.hrtime.bigint();
      const response = await fetch(`${server.url}/api/reviews/${reviewId}/chronology`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const body = (await response.json()) as { imported?: number };
      if (body.imported !== ROWS)
        throw new Error(`import failed: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
      const peak = memoryMb(server.child.pid!, 'VmHWM');

      // COPY of the same rows, already parsed, into the same table of the same database.
      const client = new Client({ connectionString: embeddedPostgresUrl(dataDir) });
      await client.connect();
      const copyStarted = process.hrtime.bigint();
      const copy = client.query(
        copyFrom(
          `COPY timeline_event (review_id, occurred_on, precision, sort_date, end_date, time_of_day, agency_id, title, description, source) FROM STDIN`,
        ),
      );
      async function* copyRows() {
        for (let i = 0; i < ROWS; i += 1) {
          const day = dayOf(i).toISOString().slice(0, 10);
          yield `${reviewId}\t${day}\tDAY\t${day}\t${day}\t${pad(9 + (i % 8))}:${pad(i % 60)}\t${agencyId}\tContact ${i + 1}\tHome visit; child seen, "well".\tREF-${i + 1}; recorded by Worker ${i % 40}\n`;
        }
      }
      await pipeline(Readable.from(copyRows()), copy);
      const copySeconds = Number(process.hrtime.bigint() - copyStarted) / 1e9;
      await client.end();

      const importRate = ROWS / importSeconds;
      const copyRate = ROWS / copySeconds;
      report(
        `Chronology import of ${ROWS.toLocaleString('en-GB')} CSV rows over HTTP, against PostgreSQL COPY of the same rows`,
        [
          {
            name: 'import',
            value: `${Math.round(importRate).toLocaleString('en-GB')} rows/s`,
            target: '',
            met: true,
          },
          {
            name: 'COPY',
            value: `${Math.round(copyRate).toLocaleString('en-GB')} rows/s`,
            target: '',
            met: true,
          },
          {
            name: 'import / COPY throughput',
            value: (importRate / copyRate).toFixed(2),
            target: '>= 0.5',
            met: importRate / copyRate >= 0.5,
          },
          {
            name: 'server peak memory (whole run)',
            value: `${Math.round(peak)} MB`,
            target: '< 300 MB',
            met: peak < 300,
          },
          {
            name: 'server memory before the import',
            value: `${Math.round(rssBefore)} MB`,
            target: '',
            met: true,
          },
        ],
      );
    } finally {
      await running.close();
    }
  });
});
