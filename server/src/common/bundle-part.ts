import { Transaction } from '../database/unit-of-work';
import { BundleChecker } from './bundle-checker';

/**
 * A review bundle (docs/bundle-format.md) is written and read by parts, one per context: each
 * reads its own sections of a review, checks them in a bundle, and writes them into a new review.
 * The bundles context runs the parts in order, in one transaction, and passes between them the
 * references by which one part's sections point to another's (an event to its agency …).
 */
export interface BundlePart<Section> {
  /** Checks this part's sections of a parsed bundle; the checker collects the problems. */
  check(input: Record<string, unknown>, checker: BundleChecker): void;
  /** This part's sections of the review, giving references to the records others point to. */
  read(transaction: Transaction, reviewId: string, refs: BundleRefs): Promise<Section>;
  /** Writes this part's sections into the new review, mapping references to the new ids. */
  write(transaction: Transaction, bundle: Section, target: BundleTarget): Promise<void>;
}

/**
 * The references of one bundle by kind (agency, person, event …): while a review is read, from a
 * record's id to its reference (a1, a2 …); while one is written, from a reference to the new id.
 */
export class BundleRefs {
  private readonly byKind = new Map<string, Map<string, string>>();

  /** Gives the rows references `prefix`1, `prefix`2 … in the order they come. */
  number(kind: string, prefix: string, rows: Record<string, unknown>[]): Map<string, string> {
    return this.put(kind, new Map(rows.map((row, i) => [row.id as string, `${prefix}${i + 1}`])));
  }

  put(kind: string, map: Map<string, string>): Map<string, string> {
    this.byKind.set(kind, map);
    return map;
  }

  of(kind: string): Map<string, string> {
    return this.byKind.get(kind) ?? new Map<string, string>();
  }

  /** The reference (or id) `key` maps to, null for none. */
  lookUp(kind: string, key: unknown): string | null {
    return key ? (this.of(kind).get(key as string) ?? null) : null;
  }
}

/** The review a bundle is written into. */
export interface BundleTarget {
  reviewId: string;
  refs: BundleRefs;
  /** How many records of each kind were written, for the audit record of the import. */
  counts: Record<string, number>;
  /**
   * Creation times a millisecond apart for lists kept in the order they were added, so that the
   * bundle's order survives the import.
   */
  inOrder(i: number): Date;
}

/** Gives the written ids references: the i-th item's ref to the i-th new id. */
export function refsToIds(items: { ref: string }[], newIds: string[]): Map<string, string> {
  return new Map(items.map((item, i) => [item.ref, newIds[i]]));
}

/** A text[] literal for unnest of a two-dimensional input, with each element quoted. */
export function toArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Rows that point at `id` through `key`, as the references of what they point to through `value`. */
export function linked(
  rows: Record<string, unknown>[],
  key: string,
  value: string,
  id: unknown,
  refs: Map<string, string>,
): string[] {
  return rows.filter((row) => row[key] === id).map((row) => refs.get(row[value] as string)!);
}
