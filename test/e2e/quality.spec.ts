// Quality on every screen of the route registry (screens.ts reads the ids from the sidebar, so a
// new screen is covered the day it is added), with data on screen, in light and dark:
//   - axe-core: no serious or critical violation (open menus and dialogs included);
//   - dark mode is really applied; the skip link is the first tab stop and works;
//   - every focus ring has >= 3:1 against what is behind it (WCAG 1.4.11), computed;
//   - at 200% zoom of a 1280x800 window (a 640x400 CSS-pixel viewport) nothing scrolls sideways
//     and no table cell is covered by another;
//   - screenshots of each screen in both themes and at 200% into test-results/screens/.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, type MkApp } from './fixtures';
import { compositeBackground, contrast, contrastOn, luminance } from '../helpers/contrast';
import { row } from './helpers';
import {
  boxWidth,
  coveredCells,
  focusInMain,
  probeFocusRing,
  rowBand,
  scrollToFirstTable,
  scrollToStart,
  sidewaysScroll,
  themeColours,
  type RingProbe,
} from './page-probes';
import { openScreen, screenIds, SEEDED, seedScreens } from './screens';

const THEMES = ['light', 'dark'] as const;
/** A new value per theme for the paste that shows a notice (and, pasted twice, an error). */
const NOTICE_TOKENS = {
  light: 'EAAAQualityLightNotice0123456789abcdefGHIJKL',
  dark: 'EAAAQualityDarkNotice90123456789abcdefGHIJKL',
} as const;

/** The ring's contrast against what is behind it; 0 when there is no ring. */
function ringContrast(p: RingProbe): number {
  if (p.outlineStyle === 'none' || p.outlineWidth < 1) return 0;
  return contrastOn(p.outlineColor, compositeBackground(p.behind));
}

/** One axe-core run: the serious and critical violations (one line each, with the offending
 *  nodes) and a one-line summary of every violation of any impact, for the report. */
async function axe(page: Page): Promise<{ serious: string[]; summary: string }> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return {
    serious: violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`,
      ),
    summary: violations.map((v) => `${v.id} (${v.impact}) x${v.nodes.length}`).join(', ') || 'none',
  };
}

async function openSeeded(mk: MkApp): Promise<void> {
  await seedScreens(mk);
  await mk.open();
  await expect(row(mk, SEEDED.expired)).toBeVisible();
}

test.describe('quality: every screen, both themes', () => {
  test('axe-core finds no serious or critical violation on any screen, light or dark', async ({ mk }) => {
    test.setTimeout(180_000);
    await openSeeded(mk);
    const { page } = mk;
    const found: string[] = [];
    const report: string[] = [];
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      for (const id of await screenIds(page)) {
        await openScreen(page, id);
        const result = await axe(page);
        found.push(...result.serious.map((v) => `[${theme} ${id}] ${v}`));
        report.push(`${theme} ${id}: ${result.summary}`);
        await page.evaluate(scrollToStart);
        await mk.screenshot(`quality-${id}-${theme}`);
      }
      // The states that appear over a screen: the copy menu, the delete dialog, the inline rename.
      await openScreen(page, 'credentials');
      await row(mk, SEEDED.production)
        .getByRole('button', { name: `Copy ${SEEDED.production}` })
        .click();
      await expect(page.getByRole('menu')).toBeVisible();
      const menu = await axe(page);
      found.push(...menu.serious.map((v) => `[${theme} copy menu] ${v}`));
      report.push(`${theme} copy menu: ${menu.summary}`);
      await mk.screenshot(`quality-copy-menu-${theme}`);
      await page.keyboard.press('Escape');
      await row(mk, SEEDED.sandbox)
        .getByRole('button', { name: `Delete ${SEEDED.sandbox}` })
        .click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      const dialog = await axe(page);
      found.push(...dialog.serious.map((v) => `[${theme} delete dialog] ${v}`));
      report.push(`${theme} delete dialog: ${dialog.summary}`);
      await mk.screenshot(`quality-delete-dialog-${theme}`);
      await page.keyboard.press('Escape');
      await row(mk, SEEDED.sandbox)
        .getByRole('button', { name: `Rename ${SEEDED.sandbox}` })
        .click();
      await expect(page.getByRole('textbox', { name: 'New label' })).toBeFocused();
      const rename = await axe(page);
      found.push(...rename.serious.map((v) => `[${theme} rename] ${v}`));
      report.push(`${theme} rename: ${rename.summary}`);
      await page.keyboard.press('Escape');
      // Everything that can sit above a screen at once: a notice and a new pending card (a paste),
      // an error banner with its code (the same value pasted again), the clipboard toast (a copy)
      // and the keychain check report.
      mk.clipboard.text = NOTICE_TOKENS[theme];
      await page.getByRole('button', { name: 'Paste from clipboard' }).click();
      await expect(page.getByRole('button', { name: 'Dismiss notice' })).toBeVisible();
      mk.clipboard.text = NOTICE_TOKENS[theme];
      await page.getByRole('button', { name: 'Paste from clipboard' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await row(mk, SEEDED.sandbox)
        .getByRole('button', { name: `Copy ${SEEDED.sandbox}` })
        .click();
      await page.getByRole('menuitem', { name: 'Raw value' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
      await page.getByRole('button', { name: 'Check keychain' }).click();
      await expect(page.getByRole('heading', { name: 'Keychain check' })).toBeVisible();
      await page.evaluate(scrollToStart);
      const notices = await axe(page);
      found.push(...notices.serious.map((v) => `[${theme} notices] ${v}`));
      report.push(`${theme} notices, error, toast, keychain check: ${notices.summary}`);
      await mk.screenshot(`quality-notices-${theme}`);
      await page.getByRole('button', { name: 'Dismiss error' }).click();
      await page.getByRole('button', { name: 'Dismiss notice' }).click();
      await page.getByRole('button', { name: 'Dismiss notification' }).click();
      await page.getByRole('button', { name: 'Hide keychain check' }).click();
    }
    await test.info().attach('axe-report.txt', { body: report.join('\n'), contentType: 'text/plain' });
    console.log(`axe (all impacts):\n${report.join('\n')}`);
    expect(found).toEqual([]);
  });

  test('the copy menu is inside a landmark (axe region) and shows a focus ring', async ({ mk }) => {
    await openSeeded(mk);
    const { page } = mk;
    const copy = row(mk, SEEDED.sandbox).getByRole('button', { name: `Copy ${SEEDED.sandbox}` });
    await copy.focus();
    await page.keyboard.press('Enter');
    const first = page.getByRole('menuitem', { name: 'Raw value' });
    await expect(first).toBeFocused();
    const region = await new AxeBuilder({ page }).withRules(['region']).analyze();
    expect(region.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      const ring = await page.evaluate(probeFocusRing);
      expect(ring, 'the focused menu item').not.toBeNull();
      expect(ringContrast(ring!), `${theme}: ${JSON.stringify(ring)}`).toBeGreaterThanOrEqual(3);
    }
  });

  test('dark mode follows the OS setting: the page is really dark, text stays readable', async ({ mk }) => {
    await openSeeded(mk);
    const { page } = mk;
    const colours = async (): Promise<ReturnType<typeof themeColours>> => page.evaluate(themeColours);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await colours();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await colours();
    expect(dark.bg).not.toBe(light.bg);
    expect(dark.surface).not.toBe(light.surface);
    expect(luminance(light.bg)).toBeGreaterThan(0.8);
    expect(luminance(dark.bg)).toBeLessThan(0.05);
    expect(contrast(dark.text, dark.bg)).toBeGreaterThanOrEqual(7);
    // Native controls (scrollbars, selects) follow too.
    expect(dark.scheme).toContain('dark');
    await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark');
  });

  test('production is unmistakable in both themes: band and text on its rows', async ({ mk }) => {
    await openSeeded(mk);
    const { page } = mk;
    const prod = row(mk, SEEDED.production);
    const sandbox = row(mk, SEEDED.sandbox);
    await expect(prod.getByText('Production', { exact: true })).toBeVisible();
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      // The production row carries a band a sandbox row does not have.
      expect(await prod.locator('th').evaluate(rowBand)).not.toBe(await sandbox.locator('th').evaluate(rowBand));
    }
  });

  test('the skip link is the first tab stop and moves focus to the main content', async ({ mk }) => {
    await openSeeded(mk);
    const { page } = mk;
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // The next Tab goes into the screen, not back to the header or the sidebar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focusInMain)).toBe(true);
  });

  test('every focus ring has at least 3:1 against its background, in both themes', async ({ mk }) => {
    test.setTimeout(180_000);
    await openSeeded(mk);
    const { page } = mk;
    const weak: string[] = [];
    let checked = 0;
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      for (const id of await screenIds(page)) {
        await openScreen(page, id);
        await page.locator('body').focus();
        const seen = new Set<string>();
        // Tab through the whole page once (the skip link, header, sidebar, the screen).
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const ring: RingProbe | null = await page.evaluate(probeFocusRing);
          if (!ring || seen.has(ring.name)) break;
          seen.add(ring.name);
          checked += 1;
          const ratio = ringContrast(ring);
          if (ratio < 3)
            weak.push(
              `[${theme} ${id}] ${ring.name}: ${ratio.toFixed(2)}:1 (${ring.outlineStyle} ${ring.outlineColor} on ${ring.behind.join(' < ')})`,
            );
        }
      }
    }
    expect(checked, 'focus rings checked').toBeGreaterThan(20);
    expect(weak).toEqual([]);
  });
});

test.describe('quality: 200% zoom (640×400 CSS pixels)', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test('no screen scrolls sideways, no table cell is covered, axe is clean', async ({ mk }) => {
    test.setTimeout(180_000);
    await openSeeded(mk);
    const { page } = mk;
    const problems: string[] = [];
    const report: string[] = [];
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      for (const id of await screenIds(page)) {
        await openScreen(page, id);
        const scroll = await page.evaluate(sidewaysScroll);
        if (scroll.document > 0 || scroll.main > 0)
          problems.push(`[${theme} ${id}] scrolls sideways by ${JSON.stringify(scroll)}`);
        problems.push(...(await page.evaluate(coveredCells)).map((c) => `[${theme} ${id}] covered: ${c}`));
        const result = await axe(page);
        problems.push(...result.serious.map((v) => `[${theme} ${id}] axe: ${v}`));
        report.push(`${theme} ${id} at 200%: ${result.summary}`);
        await page.evaluate(scrollToStart);
        await mk.screenshot(`quality-${id}-${theme}-200`);
        if (await page.evaluate(scrollToFirstTable)) await mk.screenshot(`quality-${id}-${theme}-200-table`);
      }
    }
    console.log(`axe at 200% (all impacts):\n${report.join('\n')}`);
    expect(problems).toEqual([]);
  });

  test('the sidebar collapses to icons and every screen is still reachable by name', async ({ mk }) => {
    await openSeeded(mk);
    const { page } = mk;
    const nav = page.getByRole('navigation', { name: 'Main' });
    const width = await nav.evaluate(boxWidth);
    expect(width).toBeLessThanOrEqual(64);
    for (const id of await screenIds(page)) {
      await openScreen(page, id);
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    }
  });
});
