/**
 * When an issue panel became usable: the host page marks each resolver answer it hands a frame;
 * the panel is interactive once its first successful answer has been rendered inside the frame.
 */
import type { Page } from 'playwright-core';

export const resolverAnsweredMark = 'local-site:resolver-answered';

interface MarkDetail {
  moduleKey: string;
  ok: boolean;
}

/** Milliseconds from the host page's navigation start until the module's first resolver answer was rendered. */
export async function timeToInteractivePanel(page: Page, moduleKey: string, timeoutMs = 20_000): Promise<number> {
  await page.waitForFunction(
    ([mark, key]) =>
      performance.getEntriesByName(mark).some((entry) => {
        const detail = (entry as PerformanceMark).detail as MarkDetail | null;
        return detail?.moduleKey === key && detail.ok;
      }),
    [resolverAnsweredMark, moduleKey] as const,
    { timeout: timeoutMs, polling: 10 },
  );
  const element = await page.$(`iframe[data-module-key="${moduleKey}"]`);
  const content = await element?.contentFrame();
  if (content === undefined || content === null) throw new Error(`No frame for module ${moduleKey}`);
  // Two animation frames inside the frame: the answer has been handled and painted.
  await content.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  return page.evaluate(() => performance.now());
}
