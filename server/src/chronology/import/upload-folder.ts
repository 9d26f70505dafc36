import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';

/**
 * This server process among the instances that share a database: its host, its process id, and a
 * random part that tells it from an earlier process that had the same id.
 */
export const THIS_INSTANCE = {
  host: hostname(),
  pid: process.pid,
  tag: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
};

export function parseInstanceTag(tag: string): { host: string; pid: number } | null {
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(tag);
  return match ? { host: match[1], pid: Number(match[2]) } : null;
}

/**
 * Whether a process of this host that once ran an import or received an upload has gone. The
 * random part of the tag is not enough for the liveness question: this process may have been
 * given the process id of the one that crashed.
 */
export function isGoneFromThisHost(tag: string): boolean {
  const owner = parseInstanceTag(tag);
  if (!owner || owner.host !== THIS_INSTANCE.host) return false;
  if (tag === THIS_INSTANCE.tag) return false;
  if (owner.pid === THIS_INSTANCE.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Uploads wait here while read: under DATA_DIR, readable by the server's account only. */
export const uploadsDir = (config: AppConfig) => resolve(config.DATA_DIR, 'uploads');

/** An upload's file name starts with the tag of the instance that received it (see the recovery). */
export const uploadFileName = () =>
  `${THIS_INSTANCE.tag.replace(/:/g, '+')}+${randomBytes(12).toString('hex')}.upload`;

export function uploaderOf(fileName: string): string | null {
  const match = /^(.*)\+([0-9a-f]{24})\.upload$/.exec(fileName);
  return match ? match[1].replace(/\+/g, ':') : null;
}

/** Scratch folders of the server processes: one per process, named by its instance tag. */
export const scratchRoot = (config: AppConfig) => resolve(config.DATA_DIR, 'tmp');

export const scratchFolderName = (tag = THIS_INSTANCE.tag) => tag.replace(/:/g, '+');

export const scratchFolderOwner = (name: string) => name.replace(/\+/g, ':');

/**
 * Points this process's temporary files at a private folder of its own under DATA_DIR/tmp. The
 * spreadsheet reader parks worksheets it cannot stream yet in temporary files: they hold the
 * upload's content, so they belong beside the uploads, not in the shared system folder, and a
 * start after a crash removes what a dead process left there (ImportRecoveryService).
 */
export async function usePrivateTempFolder(config: AppConfig): Promise<string> {
  await ensurePrivateFolder(scratchRoot(config));
  const dir = join(scratchRoot(config), scratchFolderName());
  await ensurePrivateFolder(dir);
  process.env.TMPDIR = dir;
  return dir;
}

export async function ensurePrivateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/**
 * Multer's disk storage creates files readable by everyone (0644 under the usual umask) in the
 * system temporary folder; a chronology names children and families, so it is written 0600 into
 * DATA_DIR/uploads instead.
 */
export class PrivateDiskStorage implements StorageEngine {
  constructor(private readonly dir: string) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    ensurePrivateFolder(this.dir).then(() => {
      const filename = uploadFileName();
      const path = join(this.dir, filename);
      const out = createWriteStream(path, { mode: 0o600, flags: 'wx' });
      out.on('error', callback);
      file.stream.on('error', (error) => {
        out.destroy();
        callback(error);
      });
      out.on('finish', () =>
        callback(null, { destination: this.dir, filename, path, size: out.bytesWritten }),
      );
      file.stream.pipe(out);
    }, callback);
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void) {
    unlink(file.path).then(
      () => callback(null),
      () => callback(null),
    );
  }
}
