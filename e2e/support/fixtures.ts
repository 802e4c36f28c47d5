import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { Widget } from './widget';

/** WCAG 2.2 AA as axe knows it. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Fixtures {
  widget: Widget;
  /**
   * Checks a state: a screenshot saved as a test artifact, then axe (WCAG 2.2 AA) on the
   * widget with zero violations allowed.
   */
  state: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  widget: async ({ page }, use) => {
    await use(new Widget(page));
  },
  state: async ({ page }, use, info) => {
    let n = 0;
    await use(async (name) => {
      const file = info.outputPath(`${String(++n).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file });
      await info.attach(name, { path: file, contentType: 'image/png' });
      const result = await new AxeBuilder({ page }).include('frontdesk-widget').withTags(WCAG).analyze();
      const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(' ')).join(', ')})`);
      expect(found, `axe in state "${name}"`).toEqual([]);
    });
  },
});

export { expect };
