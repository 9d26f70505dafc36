/**
 * Coding comparison as NVivo computes it: the units are the characters of the report's text,
 * page by page; a coder's coding of a key (a finding category or a theme) is the set of
 * characters covered by their codes carrying it. Over all the report's characters:
 *
 *   po = (both + neither) / N
 *   pe = (A / N) · (B / N) + ((N − A) / N) · ((N − B) / N)   where A, B = characters each coded
 *   κ  = (po − pe) / (1 − pe), and 1 when pe = 1 (both coded nothing, or everything: po is 1 too)
 */

/** A coded passage: a character range [start, end) of a page, and the keys it carries. */
export interface CodedSpan {
  pageNumber: number;
  start: number;
  end: number;
  keys: string[];
}

export interface KeyAgreement {
  key: string;
  kappa: number;
  /** 100 · po */
  percentAgreement: number;
  /** characters both coded with the key */
  both: number;
  /** characters only the first coder coded with it */
  aOnly: number;
  /** characters only the second coder coded with it */
  bOnly: number;
  /** characters neither coded with it */
  neither: number;
}

type Ranges = Map<number, [number, number][]>;

/** The key's ranges per page, sorted and merged (overlaps counted once). */
function rangesOf(spans: CodedSpan[], key: string, pageLengths: Map<number, number>): Ranges {
  const byPage: Ranges = new Map();
  for (const span of spans) {
    if (!span.keys.includes(key)) continue;
    const length = pageLengths.get(span.pageNumber) ?? 0;
    const start = Math.max(0, Math.min(span.start, length));
    const end = Math.max(start, Math.min(span.end, length));
    if (end > start)
      byPage.set(span.pageNumber, [...(byPage.get(span.pageNumber) ?? []), [start, end]]);
  }
  for (const [page, ranges] of byPage) {
    ranges.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const [start, end] of ranges) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    byPage.set(page, merged);
  }
  return byPage;
}

const total = (ranges: Ranges) =>
  [...ranges.values()].flat().reduce((sum, [start, end]) => sum + end - start, 0);

function overlap(a: Ranges, b: Ranges): number {
  let sum = 0;
  for (const [page, left] of a) {
    const right = b.get(page) ?? [];
    let i = 0;
    let j = 0;
    while (i < left.length && j < right.length) {
      const start = Math.max(left[i][0], right[j][0]);
      const end = Math.min(left[i][1], right[j][1]);
      if (end > start) sum += end - start;
      if (left[i][1] < right[j][1]) i += 1;
      else j += 1;
    }
  }
  return sum;
}

/** Cohen's kappa from the four character counts (see the file's comment). */
export function kappaOf(both: number, aOnly: number, bOnly: number, neither: number): number {
  const n = both + aOnly + bOnly + neither;
  if (n === 0) return 1;
  const po = (both + neither) / n;
  const pA = (both + aOnly) / n;
  const pB = (both + bOnly) / n;
  const pe = pA * pB + (1 - pA) * (1 - pB);
  if (pe >= 1) return 1;
  return (po - pe) / (1 - pe);
}

/**
 * The agreement of two coders on each key, over the report's characters (`pageLengths`: each
 * page's length in code points).
 */
export function compareCoding(
  pageLengths: Map<number, number>,
  a: CodedSpan[],
  b: CodedSpan[],
  keys: string[],
): KeyAgreement[] {
  const n = [...pageLengths.values()].reduce((sum, length) => sum + length, 0);
  return keys.map((key) => {
    const ra = rangesOf(a, key, pageLengths);
    const rb = rangesOf(b, key, pageLengths);
    const both = overlap(ra, rb);
    const aOnly = total(ra) - both;
    const bOnly = total(rb) - both;
    const neither = n - both - aOnly - bOnly;
    return {
      key,
      kappa: kappaOf(both, aOnly, bOnly, neither),
      percentAgreement: n === 0 ? 100 : (100 * (both + neither)) / n,
      both,
      aOnly,
      bOnly,
      neither,
    };
  });
}
