import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, made fresh for every request: each nested field costs one
 * `WHERE … IN (…)` query per level of the query, however many rows there are. Loaders of
 * one-to-many lists prime the by-id loaders, so a later lookup of a row already fetched costs
 * nothing.
 *
 * This file knows no context. Each context declares its members in its own
 * `<context>/<context>.loaders.ts`, by augmenting this interface, and contributes them through a
 * provider that registers with `RequestLoadersFactory`; a member may use another context's
 * members through the `loaders` it is given.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each context's *.loaders.ts
export interface RequestLoaders {}

/** What one context adds to every request's loaders. */
export interface LoaderContribution {
  /** This context's members of `loaders`, the whole set of one request. */
  loadersFor(loaders: RequestLoaders): Partial<RequestLoaders>;
}

/** Collects the contexts' contributions at start and makes the loaders of each request. */
@Injectable()
export class RequestLoadersFactory {
  private readonly contributions: LoaderContribution[] = [];

  register(contribution: LoaderContribution): void {
    this.contributions.push(contribution);
  }

  /** A fresh set of loaders, for one GraphQL request or one REST request's checks. */
  create(): RequestLoaders {
    // Complete once every contribution is in; members reach each other's only when called.
    const loaders = {} as RequestLoaders;
    for (const contribution of this.contributions) {
      const members = contribution.loadersFor(loaders);
      const taken = Object.keys(members).find((name) => name in loaders);
      if (taken) throw new Error(`Two contexts contribute the request loader ${taken}.`);
      Object.assign(loaders, members);
    }
    return loaders;
  }
}

/** The rows of several loaded lists by id; a list that failed to load contributes nothing. */
export function indexById<T extends { id: string }>(lists: (T[] | Error)[]): Map<string, T> {
  return new Map(
    lists.flatMap((list) => (Array.isArray(list) ? list : [])).map((row) => [row.id, row]),
  );
}

/** The rows grouped by key, one group per key in the order of `keys`. */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** A loader of rows by id from `fetch`, which reads them all at once; `complete` fills them in. */
export function byIdLoader<T extends { id: string }>(
  fetch: (ids: string[]) => Promise<T[]>,
  complete?: (rows: T[]) => Promise<unknown>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetch([...ids]);
    await complete?.(rows);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/**
 * A loader of one-to-many lists from `fetch`, which reads the rows of every key at once, grouped
 * by `key`; `complete` fills them in, and `prime` hands each row to a by-id loader.
 */
export function listLoader<T>(
  fetch: (keys: string[]) => Promise<T[]>,
  key: keyof T & string,
  options: {
    complete?: (rows: T[]) => Promise<unknown>;
    prime?: (row: T) => void;
  } = {},
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await fetch([...keys]);
    await options.complete?.(rows);
    for (const row of rows) options.prime?.(row);
    return groupBy(keys, rows, (row) => row[key] as string);
  });
}
