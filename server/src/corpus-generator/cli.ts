import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { StartupError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { RunningPostgres, startEmbeddedPostgres } from '../database/embedded-postgres';
import { prepareDatabase } from '../database/prepare-database';
import { CorpusOptions, generateReviews } from './generate';
import { GeneratedCorpusRepository } from './generated-corpus.repository';

/** What the command line writes unless told otherwise. */
export const GENERATOR_DEFAULTS = { reviews: 10_000, seed: 1, batch: 250, prefix: 'SYN-' };

const USAGE = `npm run corpus:generate -- [--reviews N] [--seed S] [--reset] [--batch B]

Writes N synthetic published reviews (references starting "SYN-") into the database in
DATABASE_URL, or, without it, into the embedded database in DATA_DIR (stop the server first).
The same seed writes the same corpus. --reset first removes the reviews an earlier run wrote.`;

export interface GeneratorArguments {
  reviews: number;
  seed: number;
  reset: boolean;
  batch: number;
}

export function parseGeneratorArguments(argv: string[]): GeneratorArguments | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      reviews: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const whole = (name: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new StartupError(`--${name} must be a whole number of at least ${min}, not "${value}"`);
    }
    return n;
  };
  return {
    reviews: whole('reviews', values.reviews, GENERATOR_DEFAULTS.reviews, 0),
    seed: whole('seed', values.seed, GENERATOR_DEFAULTS.seed, 0),
    batch: whole('batch', values.batch, GENERATOR_DEFAULTS.batch, 1),
    reset: values.reset ?? false,
  };
}

/**
 * Generates the corpus into a migrated database, one transaction per batch, printing progress.
 * Refuses to add to an earlier run's reviews unless `reset` removes them first.
 */
export async function generateCorpus(
  dataSource: DataSource,
  args: GeneratorArguments,
  print: (line: string) => void,
): Promise<void> {
  const corpus = new GeneratedCorpusRepository(dataSource);
  const options: CorpusOptions = { seed: args.seed, referencePrefix: GENERATOR_DEFAULTS.prefix };
  const started = Date.now();
  if (args.reset) {
    const removed = await corpus.transaction((transaction) =>
      corpus.in(transaction).remove(options.referencePrefix),
    );
    print(`Removed ${removed} synthetic reviews of an earlier run.`);
  } else {
    const existing = await corpus.count(options.referencePrefix);
    if (existing > 0) {
      throw new StartupError(
        `The database already holds ${existing} synthetic reviews: add --reset to replace them.`,
      );
    }
  }
  let findings = 0;
  let factors = 0;
  for (let from = 0; from < args.reviews; from += args.batch) {
    const reviews = generateReviews(options, from, Math.min(args.batch, args.reviews - from));
    await corpus.transaction(async (transaction) => {
      await corpus.in(transaction).liftStatementTimeout();
      await corpus.in(transaction).write(reviews);
    });
    findings += reviews.reduce((n, r) => n + r.findings.length, 0);
    factors += reviews.reduce((n, r) => n + r.factors.length, 0);
    const done = from + reviews.length;
    print(
      `${done}/${args.reviews} reviews, ${findings} findings, ${factors} factors (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  await corpus.analyze();
  print(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${args.seed}).`);
}

async function main(): Promise<void> {
  const args = parseGeneratorArguments(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig(process.env);
  let embedded: RunningPostgres | undefined;
  let dataSource: DataSource | undefined;
  try {
    let url = config.DATABASE_URL;
    if (!url) {
      // The same cluster and database `npm start` uses.
      embedded = await startEmbeddedPostgres({
        dataDir: config.DATA_DIR,
        persistent: true,
        onNotice: (line) => process.stdout.write(`${line}\n`),
      });
      await embedded.createDatabase('scr').catch((error: Error) => {
        if (!/already exists/.test(error.message)) throw error;
      });
      url = embedded.urlFor('scr');
    }
    dataSource = await prepareDatabase(url);
    await generateCorpus(dataSource, args, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await dataSource?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message =
      error instanceof StartupError ? error.message : ((error as Error)?.stack ?? String(error));
    process.stderr.write(`corpus:generate: ${message}\n`);
    process.exit(1);
  });
}
