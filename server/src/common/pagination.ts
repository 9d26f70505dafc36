import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { badInput } from './app-error';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  /** A number, or a lazy promise whose query runs only when the client asks for the count. */
  totalCount: number | PromiseLike<number>;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type for T: `{ totalCount edges { cursor node } pageInfo { … } }`. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType {
    @Field(() => Int)
    totalCount: number;

    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/**
 * A promise-like whose work starts only when someone awaits it. GraphQL awaits a field's value
 * only when the query selects that field, so an unrequested count costs no query.
 */
export function lazily<T>(work: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return {
    then: (onFulfilled, onRejected) => (started ??= work()).then(onFulfilled, onRejected),
  };
}

export const MAX_PAGE_SIZE = 500;

export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be a whole number from 0 to ${MAX_PAGE_SIZE} (got ${size}).`, {
      field: 'first',
      value: size,
    });
  }
  return size;
}

/** Cursors are opaque to clients: base64url of the JSON sort key of the row. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // fall through to the error below
  }
  throw badInput(`after is not a cursor this list handed out.`, { field: 'after', value: cursor });
}

export function toConnection<T>(
  rows: T[],
  limit: number,
  totalCount: ConnectionShape<T>['totalCount'],
  keyOf: (row: T) => unknown[],
): ConnectionShape<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
