/** Timing helpers and the report format shared by the benchmarks. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function timeRuns(
  runs: number,
  warmup: number,
  work: () => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

export interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean;
}

/**
 * Set by `npm run bench -- --check` (bench/run.mjs): a figure that misses its target then fails
 * its benchmark, so the run exits non-zero. Without it the figures are only printed.
 */
export const CHECK_VARIABLE = 'SCR_BENCH_CHECK';

/**
 * Prints the figures as a table on standard output, each with its target and whether it is met;
 * when checking, throws after printing if any target is missed.
 */
export function report(
  title: string,
  figures: Figure[],
  check = process.env[CHECK_VARIABLE] === '1',
): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  const lines = figures.map(
    (f) =>
      `  ${f.name.padEnd(width)}  ${f.value.padStart(12)}   target ${f.target.padEnd(10)} ${f.met ? 'met' : 'NOT MET'}`,
  );
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n\n`);
  const missed = figures.filter((f) => !f.met);
  if (check && missed.length > 0) {
    throw new Error(
      `Missed ${missed.length === 1 ? 'a target' : `${missed.length} targets`}: ${missed
        .map((f) => `${f.name} is ${f.value}, target ${f.target}`)
        .join('; ')}`,
    );
  }
}
