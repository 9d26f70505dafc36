import type { CookieOptions, Request, Response } from 'express';

export const REFRESH_COOKIE = 'scr_refresh';
/** The cookie goes only to the session routes, never with ordinary requests. */
export const REFRESH_COOKIE_PATH = '/api/auth';

function options(req: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    // Marked Secure whenever the browser reached us over HTTPS (directly or through a trusted proxy).
    secure: req.secure,
    path: REFRESH_COOKIE_PATH,
  };
}

export function setRefreshCookie(
  req: Request,
  res: Response,
  credential: string,
  expiresAt: Date,
): void {
  res.cookie(REFRESH_COOKIE, credential, { ...options(req), expires: expiresAt });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, options(req));
}

/** The refresh credential the browser sent, if any (no cookie parser is installed: one cookie is read). */
export function refreshCookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== REFRESH_COOKIE) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
