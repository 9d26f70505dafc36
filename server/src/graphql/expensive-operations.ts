import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { queryCost } from './query-cost';

/** A count of places with a queue of those waiting for one, first come first served. */
class Slots {
  private running = 0;
  private readonly waiting: ((placed: boolean) => void)[] = [];

  constructor(private readonly size: number) {}

  /** Whether a place was had within `maxWaitMs`; one that gives up leaves the queue. */
  async take(maxWaitMs: number): Promise<boolean> {
    if (this.running < this.size) {
      this.running += 1;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(place), 1);
        resolve(false);
      }, maxWaitMs);
      const place = (placed: boolean) => {
        clearTimeout(timer);
        resolve(placed);
      };
      this.waiting.push(place);
    });
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next(true);
    else this.running -= 1;
  }

  get queued(): number {
    return this.waiting.length;
  }

  get idle(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }
}

export const EXPENSIVE = {
  /** An operation costing this much or more (see queryCost) is expensive. */
  cost: 5_000,
  /** Expensive operations of one account running at once; more wait their turn. */
  perAccount: 2,
  /** Expensive operations of everyone running at once, leaving connections for the rest. */
  overall: 6,
  /** Expensive operations of one account waiting for a place; one more is refused at once. */
  waitingPerAccount: 2,
  /** How long an expensive operation waits for a place before it is refused. */
  maxWaitMs: 5_000,
};

/** The refusal of an expensive operation that found no place: 429, try again shortly. */
function busy(reason: string, limits: typeof EXPENSIVE): GraphQLError {
  const seconds = Math.ceil(limits.maxWaitMs / 1000);
  return new GraphQLError(
    `${reason}; try again in ${seconds} seconds. Smaller pages (a lower "first") are not held back.`,
    {
      extensions: {
        code: 'TOO_MANY_REQUESTS',
        retryAfterSeconds: seconds,
        http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
      },
    },
  );
}

/**
 * Who is asking, for sharing out places only: the account named in the bearer token (whose
 * signature the auth guard checks before anything runs), else the client address.
 */
function callerOf(req: Request | undefined): string {
  const token = /^bearer\s+(\S+)/i.exec(req?.headers?.authorization ?? '')?.[1];
  if (token) {
    try {
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
      if (typeof claims?.sub === 'string') return `account:${claims.sub}`;
    } catch {
      // not a token this server made: fall back to the address
    }
  }
  return `address:${req?.ip ?? 'unknown'}`;
}

/**
 * Runs at most `perAccount` expensive operations of one caller, and `overall` of everyone, at
 * once, each with its SQL bounded by the statement timeout. A few more of a caller wait their
 * turn, for `maxWaitMs` at most; beyond that they are refused at once with a 429, not left to
 * time out. So one caller cannot take every connection of the pool, cheap requests always find
 * one, and a client is told quickly that the server is busy.
 */
export function expensiveOperationsPlugin(
  limits = EXPENSIVE,
): ApolloServerPlugin<{ req?: Request }> {
  const overall = new Slots(limits.overall);
  const perCaller = new Map<string, Slots>();
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const cost = queryCost(schema, document, request.variables ?? {}, operationName);
          if (cost < limits.cost) return;
          const caller = callerOf(contextValue.req);
          let mine = perCaller.get(caller);
          if (!mine) perCaller.set(caller, (mine = new Slots(limits.perAccount)));
          const own = mine;
          if (own.queued >= limits.waitingPerAccount)
            throw busy('Too many expensive requests from this account at once', limits);
          const started = Date.now();
          if (!(await own.take(limits.maxWaitMs))) {
            if (own.idle) perCaller.delete(caller);
            throw busy('Too many expensive requests from this account at once', limits);
          }
          const left = Math.max(0, limits.maxWaitMs - (Date.now() - started));
          if (!(await overall.take(left))) {
            own.give();
            if (own.idle) perCaller.delete(caller);
            throw busy('The server is busy with expensive requests', limits);
          }
          release = () => {
            overall.give();
            own.give();
            if (own.idle) perCaller.delete(caller);
          };
        },
        async willSendResponse() {
          release?.();
          release = null;
        },
      };
    },
  };
}
