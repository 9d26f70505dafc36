import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The Content-Security-Policy of every response. The built client is one module script and its
 * style sheets, all served from here: no inline script, no inline <style>, nothing from another
 * origin. (React and D3 set styles through the DOM's style object, which style-src does not
 * govern.) Nothing may frame the workbench.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers on every response (the workbench, GraphQL, downloads, /health, errors):
 * the policy above, nosniff, no referrer, no framing. `upgrade-insecure-requests` stays off: the
 * embedded mode serves plain HTTP on localhost, where it would break every request.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: CONTENT_SECURITY_POLICY,
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}
