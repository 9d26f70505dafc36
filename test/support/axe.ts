import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';

/** What axe-core reports of one rule broken on a page. */
export interface AccessibilityViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core in the page as it stands and returns the serious and critical violations, each
 * with the elements that break it; minor and moderate ones are left to review by eye.
 */
export async function seriousAccessibilityViolations(
  page: Page,
): Promise<AccessibilityViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the browser's debugging protocol rather than added as a <script>: the
  // workbench's Content-Security-Policy refuses inline scripts, as it should.
  if (!loaded) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as {
      id: string;
      impact: string;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
    }));
}
