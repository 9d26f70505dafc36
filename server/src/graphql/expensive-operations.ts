import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { queryCost } from './query-cost';

/** A count of places with a queue of those waiting for one, first come first served. */
class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async take(): Promise<void> {
    if (this.running < this.size) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
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
};

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
 * once; the others wait, each running with its SQL bounded by the statement timeout. So one
 * caller cannot take every connection of the pool, and cheap requests always find one.
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
          await own.take();
          await overall.take();
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
