import { access, constants } from 'node:fs/promises';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Browser, BrowserContext, chromium } from 'playwright-core';
import { AppError } from '../../common/app-error';
import { AppConfig } from '../../config/app-config';
import { escapeHtml, renderHtml } from './html-renderer';
import { PrintedDocument } from './document-model';

/** How long one document may take to print before the request fails. */
export const PDF_TIMEOUT_MS = 30_000;

export const chromiumMissing = (path: string) =>
  new AppError(
    'CONFLICT',
    `PDF export needs Chromium; set CHROMIUM_PATH to the Chromium or Chrome executable (none at ${path}). DOCX, HTML and Markdown still work.`,
    { reason: 'CHROMIUM_MISSING' },
    503,
  );

const FOOTER = (title: string) => `
<div style="width:100%;font:8px Arial,sans-serif;color:#555;padding:0 16mm;display:flex;justify-content:space-between;">
  <span>${escapeHtml(title.length > 90 ? `${title.slice(0, 89)}…` : title)}</span>
  <span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>`;

/**
 * Prints the HTML rendering in headless Chromium: A4, page numbers in the footer, fonts
 * embedded. One browser serves every request (launched on first use, relaunched if it dies,
 * closed with the module); each document gets its own page.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser: Promise<Browser> | null = null;

  constructor(private readonly config: AppConfig) {}

  async render(doc: PrintedDocument): Promise<Buffer> {
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false });
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`Printing "${doc.fileName}" took longer than ${PDF_TIMEOUT_MS} ms`)),
          PDF_TIMEOUT_MS,
        );
      });
      return await Promise.race([this.print(context, doc), timedOut]);
    } finally {
      clearTimeout(timer);
      // Closing the context ends a print still running after the time ran out.
      await context.close().catch(() => undefined);
    }
  }

  private async print(context: BrowserContext, doc: PrintedDocument): Promise<Buffer> {
    const page = await context.newPage();
    page.setDefaultTimeout(PDF_TIMEOUT_MS);
    // Nothing may be fetched: the HTML is self-contained.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(renderHtml(doc, { pageNumbers: false }), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER(doc.title),
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      preferCSSPageSize: false,
      outline: true,
      tagged: true,
    });
  }

  private async launched(): Promise<Browser> {
    const current = this.browser && (await this.browser.catch(() => null));
    if (current?.isConnected()) return current;
    const path = this.config.CHROMIUM_PATH;
    try {
      await access(path, constants.X_OK);
    } catch {
      throw chromiumMissing(path);
    }
    const launching = chromium.launch({
      executablePath: path,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    this.browser = launching;
    try {
      const browser = await launching;
      browser.on('disconnected', () => {
        if (this.browser === launching) this.browser = null;
      });
      return browser;
    } catch (error) {
      this.browser = null;
      this.logger.error({ err: error }, 'Chromium did not start');
      throw chromiumMissing(path);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser && (await this.browser.catch(() => null));
    this.browser = null;
    await browser?.close().catch(() => undefined);
  }
}
