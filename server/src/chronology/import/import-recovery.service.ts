import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { ImportProgressRepository } from './import-progress.repository';
import {
  isGoneFromThisHost,
  parseInstanceTag,
  scratchFolderOwner,
  scratchRoot,
  THIS_INSTANCE,
  uploaderOf,
  uploadsDir,
} from './upload-folder';

/** A running import refreshes its progress at least this often, however slowly it reads. */
export const IMPORT_HEARTBEAT_MS = 30_000;
/** Ten missed heartbeats: the instance running it is gone, wherever it ran. */
export const IMPORT_STALE_MINUTES = 5;
/** An upload by an instance on another host (a shared DATA_DIR) is left this long. */
const FOREIGN_UPLOAD_STALE_MS = 24 * 60 * 60 * 1000;

/**
 * On start, cleans up after a crash: imports left "reading" or "storing" are marked failed (their
 * transaction died with the connection, so nothing of them was stored), and uploads left in
 * DATA_DIR/uploads are deleted.
 *
 * Several instances may share the database, and one of them may be importing right now, so "left
 * unfinished" cannot mean "not finished". An import records the instance that runs it (host,
 * process id) and refreshes its progress row every 30 seconds while it runs. An import is failed
 * here when the process that ran it is gone from this host (checked directly), or when its row
 * has not been refreshed for five minutes (any host: a live instance elsewhere never lets that
 * happen). Uploads are judged the same way by the instance tag in their file name.
 */
@Injectable()
export class ImportRecoveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportRecoveryService.name);

  constructor(
    private readonly progress: ImportProgressRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.failInterruptedImports();
    await this.removeLeftUploads();
    await this.removeLeftScratchFolders();
  }

  async failInterruptedImports(): Promise<number> {
    const unfinished = await this.progress.unfinished(IMPORT_STALE_MINUTES);
    const interrupted = unfinished
      .filter((row) => row.stale || (row.owner !== null && isGoneFromThisHost(row.owner)))
      .map((row) => row.id);
    if (interrupted.length === 0) return 0;
    await this.progress.failUnfinished(interrupted);
    this.logger.warn(`Marked ${interrupted.length} interrupted import(s) failed`);
    return interrupted.length;
  }

  async removeLeftUploads(): Promise<number> {
    const dir = uploadsDir(this.config);
    const names = await readdir(dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const path = join(dir, name);
      const uploader = uploaderOf(name);
      const owner = uploader === null ? null : parseInstanceTag(uploader);
      let left: boolean;
      if (owner && owner.host === THIS_INSTANCE.host) {
        left = isGoneFromThisHost(uploader!);
      } else {
        const info = await stat(path).catch(() => null);
        left = info !== null && Date.now() - info.mtimeMs > FOREIGN_UPLOAD_STALE_MS;
      }
      if (left) {
        await unlink(path).catch(() => undefined);
        removed += 1;
      }
    }
    if (removed > 0) this.logger.warn(`Deleted ${removed} upload(s) left by an interrupted import`);
    return removed;
  }

  /** Temporary files of server processes of this host that are gone (see usePrivateTempFolder). */
  async removeLeftScratchFolders(): Promise<number> {
    const root = scratchRoot(this.config);
    const names = await readdir(root).catch(() => [] as string[]);
    const left = names.filter((name) => {
      const owner = scratchFolderOwner(name);
      return parseInstanceTag(owner) !== null && isGoneFromThisHost(owner);
    });
    for (const name of left) await rm(join(root, name), { recursive: true, force: true });
    if (left.length > 0)
      this.logger.warn(`Deleted the temporary files of ${left.length} stopped server process(es)`);
    return left.length;
  }
}
