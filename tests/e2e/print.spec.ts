/**
 * Printing: worksheets fit one sheet each, training handouts one sheet per handout, and
 * nothing of the site's navigation or controls reaches paper. Chromium prints a real PDF here.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const worksheets = ['student-interest-survey', 'goal-agreement', 'alliance-reflection-log', 'relationship-map'];

/** Printed pages: Chromium's PDF lists each page as an object of /Type /Page. */
async function printedPages(page: Page): Promise<number> {
	const pdf = (await page.pdf({ format: 'Letter', printBackground: false })).toString('latin1');
	return pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
}

for (const lang of ['en', 'fr'] as const) {
	for (const worksheet of worksheets) {
		test(`the ${worksheet} worksheet prints on one sheet (${lang})`, async ({ page }) => {
			await page.goto(`/${lang}/worksheets/${worksheet}/`);
			await expect(page.locator('.write-lines').first()).toBeVisible();
			// The print button is there on screen, and gone on paper with the navigation.
			await expect(page.locator('button.print-page')).toBeVisible();
			await page.emulateMedia({ media: 'print' });
			for (const selector of ['header.header', '#starlight__sidebar', '.pagination-links', 'button.print-page', 'button.copy-link']) {
				await expect(page.locator(selector).first()).toBeHidden();
			}
			expect(await printedPages(page)).toBe(1);
		});
	}

	test(`each training handout prints on its own sheet (${lang})`, async ({ page }) => {
		await page.goto(`/${lang}/training/handouts/`);
		const handouts = page.locator('.sl-markdown-content h2[id^="handout-"]');
		const count = await handouts.count();
		expect(count).toBeGreaterThanOrEqual(3);
		await page.emulateMedia({ media: 'print' });
		const breaks = await handouts.evaluateAll((list) => list.map((h) => getComputedStyle(h.parentElement!).breakBefore));
		expect(breaks).toEqual(breaks.map(() => 'page'));
		// The introduction, then one sheet per handout (the last may share with a closing note).
		expect(await printedPages(page)).toBeLessThanOrEqual(count + 1);
	});
}
