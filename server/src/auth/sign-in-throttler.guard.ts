import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { AppError } from '../common/app-error';
import { httpOf } from './request-context';

/** Rate-limits sign-in attempts per client address, for GraphQL as for REST. */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    return httpOf(context) as unknown as {
      req: Record<string, unknown>;
      res: Record<string, unknown>;
    };
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw new AppError(
      'UNAUTHENTICATED',
      `Too many sign-in attempts from this address; try again in ${seconds} seconds.`,
      { retryAfterSeconds: seconds },
    );
  }
}
