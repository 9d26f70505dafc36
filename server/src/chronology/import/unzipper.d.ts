// The streaming zip parser exceljs reads workbooks with (it ships no types of its own).
declare module 'unzipper' {
  import type { Duplex, PassThrough } from 'node:stream';

  export interface Entry extends PassThrough {
    path: string;
    vars: { flags: number; compressedSize: number; uncompressedSize: number };
    autodrain(): unknown;
  }

  export function Parse(options?: { forceStream?: boolean }): Duplex;
}
