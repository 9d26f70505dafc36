import { createReadStream } from 'node:fs';
import { Parse, type Entry } from 'unzipper';
import { AppError } from '../../common/app-error';

/** More than any chronology's sheets, styles and shared strings unpack to; a zip bomb goes past it. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/** Excel's own limit for one cell. */
export const MAX_CELL_CHARACTERS = 32_767;
/**
 * The longest stretch of unpacked XML without a "<" that a workbook Excel can write holds: a cell's
 * text is such a stretch, 32,767 characters of at most 4 bytes each, or 6 when escaped (&quot;).
 */
const MAX_TEXT_RUN_BYTES = MAX_CELL_CHARACTERS * 6;
const SIZE_IS_IN_HEADER = (flags: number) => (flags & 0x08) === 0;

const refuse = (message: string) => new AppError('BAD_USER_INPUT', message, { field: 'file' }, 422);

function tooLarge(fileName: string): AppError {
  return refuse(
    `${fileName} unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, more than a chronology holds: split it, or save it as CSV.`,
  );
}

/**
 * Unpacks the workbook once, counting, before exceljs reads it, and refuses it with 422 when it
 * would unpack to too much or holds a cell longer than Excel allows. It reads the zip with the
 * same streaming parser exceljs uses, so it sees exactly the entries exceljs will, whatever the
 * central directory claims; and it counts the bytes that really come out of each entry, since
 * the sizes in a hostile file's headers may lie. Memory stays at one chunk at a time.
 */
export async function checkWorkbookLimits(path: string, fileName: string): Promise<void> {
  const file = createReadStream(path);
  const zip = file.pipe(Parse({ forceStream: true }));
  file.on('error', (error) => zip.destroy(error));
  let total = 0;
  try {
    for await (const entry of zip as AsyncIterable<Entry>) {
      // unzipper reads the local header's uncompressed size too; its typings leave it out.
      const header = entry.vars as Entry['vars'] & { uncompressedSize: number };
      if (SIZE_IS_IN_HEADER(header.flags) && header.uncompressedSize > MAX_INFLATED_BYTES - total)
        throw tooLarge(fileName);
      let run = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > MAX_INFLATED_BYTES) throw tooLarge(fileName);
        for (let from = 0; ;) {
          const lessThan = chunk.indexOf(0x3c, from);
          run += (lessThan === -1 ? chunk.length : lessThan) - from;
          if (run > MAX_TEXT_RUN_BYTES) {
            throw refuse(
              `${fileName} has a cell (in ${entry.path}) longer than the ${MAX_CELL_CHARACTERS.toLocaleString('en-GB')} characters a cell can hold: it was not written by Excel, or it is damaged.`,
            );
          }
          if (lessThan === -1) break;
          run = 0;
          from = lessThan + 1;
        }
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(`${fileName} cannot be read as an Excel workbook: ${(error as Error).message}.`);
  } finally {
    zip.destroy();
    file.destroy();
  }
}
