/**
 * Printing: worksheets fit one sheet each, training handouts one sheet per handout, and
 * nothing of the site's navigation or controls reaches paper. Chromium prints a real PDF here.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const worksheets = ['student-interest-survey', 'interest-survey-drawing', 'goal-agreement', 'alliance-reflection-log', 'relationship-map'];

/**
 * Printed pages: Chromium's PDF lists each page as an object of /Type /Page. Printed as a teacher
 * prints, with the browser's default margins (about 0.4 in; page.pdf() alone would use none).
 */
async function printedPages(page: Page): Promise<number> {
	const margin = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };
	const pdf = (await page.pdf({ format: 'Letter', margin, printBackground: false })).toString('latin1');
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

	test(`the student voice paper form prints on at most two sheets, each question whole, with the site's navigation gone (${lang})`, async ({ page }) => {
		await page.goto(`/${lang}/worksheets/student-questions/`);
		await expect(page.locator('.student-form__question')).toHaveCount(12);
		await page.emulateMedia({ media: 'print' });
		for (const selector of ['header.header', '#starlight__sidebar', '.sheet-pdf', 'button.print-page']) await expect(page.locator(selector).first()).toBeHidden();
		expect(await page.locator('.student-form__question').evaluateAll((list) => list.map((item) => getComputedStyle(item).breakInside))).toEqual(Array(12).fill('avoid'));
		const pages = await printedPages(page);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);
	});

	test(`the drawing survey gives each answer a framed box, on paper too (${lang})`, async ({ page }) => {
		await page.goto(`/${lang}/worksheets/interest-survey-drawing/`);
		const boxes = page.locator('.write-box');
		expect(await boxes.count()).toBeGreaterThanOrEqual(3);
		await page.emulateMedia({ media: 'print' });
		const frames = await boxes.evaluateAll((list) =>
			list.map((box) => {
				const style = getComputedStyle(box);
				const lines = box.querySelectorAll('.write-line');
				return {
					border: style.borderTopWidth + ' ' + style.borderTopStyle + ' ' + style.borderBottomStyle,
					ruled: [...lines].some((line) => getComputedStyle(line).borderBottomStyle !== 'none'),
					tall: box.getBoundingClientRect().height >= lines.length * 30,
				};
			}),
		);
		expect(frames).toEqual(frames.map(() => ({ border: '1px solid solid', ruled: false, tall: true })));
	});

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

	test(`the blank self-check and its scoring key fit on two sheets (${lang})`, async ({ page }) => {
		// A Letter sheet with Chromium's default margins: about 739 × 979 CSS pixels to print on.
		await page.setViewportSize({ width: 739, height: 979 });
		await page.goto(`/${lang}/self-check/`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.sc-form input[type="radio"]').first()).toBeVisible();
		const height = await page.evaluate(() => {
			const parts = [...document.querySelectorAll('.sc-form, .sc-key')].map((element) => element.getBoundingClientRect());
			return Math.max(...parts.map((box) => box.bottom)) - Math.min(...parts.map((box) => box.top));
		});
		expect(height).toBeGreaterThan(500);
		expect(height).toBeLessThanOrEqual(2 * 979);
	});
}
