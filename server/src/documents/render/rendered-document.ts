import type { Response } from 'express';

/** A document rendered in one format, ready to send. */
export interface RenderedDocument {
  body: Buffer;
  contentType: string;
  /** With its extension, already safe for a Content-Disposition header. */
  fileName: string;
}

/** Sends a rendered document as a download that no cache keeps. */
export function sendDocument(res: Response, rendered: RenderedDocument): void {
  res.setHeader('Content-Type', rendered.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${rendered.fileName}"`);
  res.setHeader('Content-Length', String(rendered.body.length));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(rendered.body);
}
