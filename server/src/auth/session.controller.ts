import { Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { unauthenticated } from '../common/app-error';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';
import { clearRefreshCookie, refreshCookieOf, REFRESH_COOKIE_PATH } from './refresh-cookie';

/**
 * The browser's way back into its session after a reload: the access token lives only in the
 * page's memory, and the httpOnly cookie set at sign-in (sent to this path only, same site only)
 * is exchanged here for a new one.
 */
@Controller(REFRESH_COOKIE_PATH.slice(1))
export class SessionController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    res.setHeader('cache-control', 'no-store');
    const credential = refreshCookieOf(req);
    // Nothing to restore is the ordinary first visit, not an error: the page shows sign-in.
    if (!credential) {
      res.status(HttpStatus.NO_CONTENT);
      return;
    }
    const refreshed = await this.auth.refresh(credential);
    if (!refreshed) {
      clearRefreshCookie(req, res);
      throw unauthenticated('Sign in to continue.');
    }
    const { id, email, displayName, role } = refreshed.user;
    return {
      token: refreshed.token,
      expiresAt: refreshed.expiresAt.toISOString(),
      user: { id, email, displayName, role },
    };
  }
}
