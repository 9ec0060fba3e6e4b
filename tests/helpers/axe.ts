import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and returns what it finds, each with
 * the selectors of the offending elements. The page's CSP allows only its own scripts, so the browser
 * context must be made with `bypassCSP: true`.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Let the page's own script settle first (the live count, the first polls), then check; a finding
  // is kept only if a second look finds it too, since a poll replacing a fragment mid-scan can make
  // axe misread an element (seen once: a colour-contrast "violation" on :root).
  await page.waitForLoadState('networkidle');
  const first = await runAxe(page);
  if (first.length === 0) return first;
  await page.waitForLoadState('networkidle');
  const again = new Set((await runAxe(page)).map((v) => v.id));
  return first.filter((v) => again.has(v.id));
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<AxeResult> } })
      .axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
