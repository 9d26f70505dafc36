import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import unzipper from 'unzipper';

/** The limits on a ZIP of reports, checked on what it declares and again on what it inflates to. */
export const ZIP_LIMITS = {
  entries: 500,
  entryBytes: 100 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
};

export interface ZipEntryFile {
  /** the entry's path inside the ZIP */
  name: string;
  /** where its content was written */
  path: string;
}

export class ZipRefused extends Error {}

/** Whether an entry's path stays inside the ZIP's folder: no absolute path, no drive, no `..`. */
export function climbsOut(name: string): boolean {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed)) return true;
  return posix.normalize(slashed).split('/').includes('..');
}

const ignored = (name: string) =>
  name.startsWith('__MACOSX/') || posix.basename(name).startsWith('.');

/**
 * The files of a ZIP, each inflated to a file of its own by `target(index)`. The whole ZIP is
 * refused (ZipRefused, nothing kept) when it names a path outside its folder, holds more than
 * ZIP_LIMITS.entries files, or declares or actually inflates to more than the limits: the
 * declared sizes are checked before anything is inflated, the actual bytes while inflating.
 */
export async function inflateZip(
  zipPath: string,
  zipName: string,
  target: (index: number) => string,
): Promise<ZipEntryFile[]> {
  let directory: unzipper.CentralDirectory;
  try {
    directory = await unzipper.Open.file(zipPath);
  } catch {
    throw new ZipRefused(`${zipName} is not a ZIP that can be opened: it may be damaged.`);
  }
  const outside = directory.files.find((f) => climbsOut(f.path));
  if (outside)
    throw new ZipRefused(
      `${zipName} names a file outside its own folder (${outside.path}): nothing in it was brought in.`,
    );
  const files = directory.files.filter((f) => f.type === 'File' && !ignored(f.path));
  if (files.length > ZIP_LIMITS.entries)
    throw new ZipRefused(
      `${zipName} holds ${files.length} files, more than the ${ZIP_LIMITS.entries} a ZIP may: split it.`,
    );
  const tooBig = `${zipName} would inflate to more than a ZIP of reports may (${ZIP_LIMITS.entryBytes / 1024 / 1024} MB a file, ${ZIP_LIMITS.totalBytes / 1024 / 1024 / 1024} GB in all): nothing in it was brought in.`;
  const declared = files.reduce((sum, f) => sum + f.uncompressedSize, 0);
  if (
    declared > ZIP_LIMITS.totalBytes ||
    files.some((f) => f.uncompressedSize > ZIP_LIMITS.entryBytes)
  )
    throw new ZipRefused(tooBig);

  const written: ZipEntryFile[] = [];
  let total = 0;
  try {
    for (const [index, file] of files.entries()) {
      const path = target(index);
      written.push({ name: file.path, path });
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          total += chunk.length;
          if (
            size > file.uncompressedSize ||
            size > ZIP_LIMITS.entryBytes ||
            total > ZIP_LIMITS.totalBytes
          )
            done(new ZipRefused(tooBig));
          else done(null, chunk);
        },
      });
      await pipeline(file.stream(), counter, createWriteStream(path, { mode: 0o600 }));
    }
  } catch (error) {
    await Promise.all(written.map((f) => unlink(f.path).catch(() => undefined)));
    if (error instanceof ZipRefused) throw error;
    throw new ZipRefused(
      `${zipName} cannot be inflated (${(error as Error).message}): it may be damaged.`,
    );
  }
  return written;
}
