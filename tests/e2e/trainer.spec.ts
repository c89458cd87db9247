/**
 * For trainers: section links that survive a language switch, copy-link buttons,
 * the presentation view with its QR code, print handouts and the whole-manual page.
 */
import { expect, expectNoAxeViolations, test } from './fixtures';
import { qrMatrix, qrPath } from '../../src/lib/qr';

const chapter = 'building-the-bond';
const section = 'greeting';
const words = {
	en: { other: 'fr', otherLabel: 'Français', copied: 'Link copied', present: 'Present this page', exit: 'Leave presentation', next: 'Next', position: 'Section', manual: 'The whole manual', unavailable: /^The presentation view could not load/ },
	fr: { other: 'en', otherLabel: 'English', copied: 'Lien copié', present: 'Présenter cette page', exit: 'Quitter la présentation', next: 'Suivante', position: 'Section', manual: 'Le manuel au complet', unavailable: /^La présentation n’a pas pu s’ouvrir/ },
} as const;

for (const lang of ['en', 'fr'] as const) {
	const w = words[lang];

	test.describe(`trainer tools (${lang})`, () => {
		test('the language picker keeps the section', async ({ page }) => {
			await page.goto(`/${lang}/${chapter}/#${section}`);
			await page.locator('starlight-lang-select select').first().selectOption({ label: w.otherLabel });
			await expect(page).toHaveURL(new RegExp(`/${w.other}/${chapter}/#${section}$`));
			await expect(page.locator(`#${section}`)).toBeInViewport();
		});

		test('each section heading has a copy-link button, with visible and announced feedback', async ({ page, context }) => {
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await page.goto(`/${lang}/${chapter}/`);
			const headings = await page.locator('.sl-markdown-content :is(h2, h3)[id]').count();
			expect(headings).toBeGreaterThan(8);
			await expect(page.locator('.sl-markdown-content button.copy-link')).toHaveCount(headings);

			const button = page.locator(`.sl-heading-wrapper:has(#${section}) button.copy-link`);
			await expect(button).toHaveAccessibleName(new RegExp(await page.locator(`#${section}`).innerText()));
			await button.focus();
			await page.keyboard.press('Enter');
			await expect(button).toContainText(w.copied);
			await expect(page.getByRole('status').filter({ hasText: w.copied })).toHaveCount(1);
			const copied = await page.evaluate(() => navigator.clipboard.readText());
			expect(copied).toBe(new URL(`/${lang}/${chapter}/#${section}`, page.url()).href);
		});

		test('copying without clipboard access puts the link in the address bar and says so', async ({ page }) => {
			await page.addInitScript(() => {
				Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
			});
			await page.goto(`/${lang}/${chapter}/`);
			await page.locator(`.sl-heading-wrapper:has(#${section}) button.copy-link`).click();
			await expect(page).toHaveURL(new RegExp(`#${section}$`));
			await expect(page.locator(`.sl-heading-wrapper:has(#${section}) .copy-link-feedback`)).not.toBeEmpty();
		});

		test('the presentation view: toggle, one section at a time, keyboard, QR code, axe', async ({ page }) => {
			await page.goto(`/${lang}/${chapter}/`);
			await page.getByRole('link', { name: w.present }).click();
			await expect(page).toHaveURL(/\?present$/);
			await expect(page.locator('header.header')).toBeHidden();
			await expect(page.locator('#starlight__sidebar')).toBeHidden();
			await expect(page.locator('h1')).toBeVisible();

			// The QR code of the page's public URL, drawn when the page is presented, with the URL under it.
			const qr = page.locator('.present-qr svg');
			await expect(qr).toBeVisible();
			const url = await page.locator('.present-qr .present-url').innerText();
			expect(url).toMatch(new RegExp(`^https?://.+/${lang}/${chapter}/$`));
			await expect(qr).toHaveAttribute('aria-label', new RegExp(url.replace(/[.?]/g, '\\$&')));
			const modules = qrMatrix(url, { border: 2, ecc: 'M' });
			await expect(qr).toHaveAttribute('viewBox', `0 0 ${modules.length} ${modules.length}`);
			await expect(qr.locator('path')).toHaveAttribute('d', qrPath(modules));
			expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(150);
			const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
			expect(fontSize).toBeGreaterThanOrEqual(20);
			await expectNoAxeViolations(page);

			const h2s = page.locator('.sl-markdown-content h2');
			const count = await h2s.count();
			const position = page.locator('.present-position');
			await expect(position).toHaveText(new RegExp(`${w.position} 1 .* ${count + 1}$`));

			await page.keyboard.press('ArrowRight');
			await expect(h2s.nth(0)).toBeVisible();
			await expect(h2s.nth(0)).toBeFocused();
			await expect(h2s.nth(1)).toBeHidden();
			await expect(page.locator('h1')).toBeHidden();
			await expect(qr).toBeHidden();
			await expect(position).toHaveText(new RegExp(`${w.position} 2 `));

			await page.keyboard.press('PageDown');
			await expect(h2s.nth(1)).toBeVisible();
			await expect(h2s.nth(0)).toBeHidden();
			await page.keyboard.press('PageUp');
			await expect(h2s.nth(0)).toBeVisible();
			await page.keyboard.press('End');
			await expect(h2s.nth(count - 1)).toBeVisible();
			await page.keyboard.press('ArrowRight');
			await expect(h2s.nth(count - 1)).toBeVisible();
			await page.keyboard.press('Home');
			await expect(page.locator('h1')).toBeVisible();
			await page.getByRole('button', { name: w.next }).click();
			await expect(h2s.nth(0)).toBeVisible();
			await expectNoAxeViolations(page);

			await page.keyboard.press('Escape');
			await expect(page).toHaveURL(new RegExp(`/${lang}/${chapter}/$`));
			await expect(page.locator('header.header')).toBeVisible();
			await expect(h2s.nth(1)).toBeVisible();
			await expect(page.getByRole('link', { name: w.present })).toBeFocused();
		});

		test('the presentation code loads only when used; Back and Forward leave and re-enter the view', async ({ page, watch }) => {
			const presenterRequests = () => watch.requests.filter((url) => /\/page-tools\.astro_astro_type_script[\w.-]+\.js$/.test(url));
			await page.goto(`/${lang}/${chapter}/`);
			// The chapter tools have run (copy-link buttons are theirs), without the presentation code.
			await expect(page.locator('.sl-markdown-content button.copy-link').first()).toBeVisible();
			expect(presenterRequests()).toEqual([]);
			await page.getByRole('link', { name: w.present }).click();
			await expect(page.locator('.present-controls')).toBeVisible();
			expect(presenterRequests()).toHaveLength(1);
			await page.goBack();
			await expect(page).toHaveURL(new RegExp(`/${lang}/${chapter}/$`));
			await expect(page.locator('header.header')).toBeVisible();
			await expect(page.locator('.present-controls')).toHaveCount(0);
			await page.goForward();
			await expect(page).toHaveURL(/\?present$/);
			await expect(page.locator('.present-controls')).toBeVisible();
			await expect(page.locator('header.header')).toBeHidden();
		});

		test('when the presentation view cannot load, the reader is told, and the next try works', async ({ page, watch }) => {
			watch.allowConsoleError(/Failed to (load resource|fetch)/);
			await page.goto(`/${lang}/${chapter}/`);
			await expect(page.locator('.sl-markdown-content button.copy-link').first()).toBeVisible();
			// Its controls come from the page tools, fetched when a page is presented: the network fails once.
			await page.route('**/page-tools/', (route) => route.abort(), { times: 1 });
			await page.getByRole('link', { name: w.present }).click();
			await expect(page.locator('[data-tools-status]')).toHaveText(w.unavailable);
			await expect(page).toHaveURL(new RegExp(`/${lang}/${chapter}/$`));
			await expect(page.locator('header.header')).toBeVisible();
			await page.getByRole('link', { name: w.present }).click();
			await expect(page.locator('.present-controls')).toBeVisible();
			await expect(page).toHaveURL(/\?present$/);
		});

		test('a bookmarked presentation link opens at its section', async ({ page }) => {
			await page.goto(`/${lang}/${chapter}/?present#${section}`);
			await expect(page.locator(`#${section}`)).toBeVisible();
			await expect(page.locator('h1')).toBeHidden();
			await page.getByRole('button', { name: w.exit }).click();
			await expect(page.locator('h1')).toBeVisible();
		});

		test('a chapter prints as a handout: no navigation or controls, link addresses shown', async ({ page }) => {
			await page.goto(`/${lang}/${chapter}/`);
			await page.emulateMedia({ media: 'print' });
			for (const selector of ['header.header', '#starlight__sidebar', '.right-sidebar-container', '.pagination-links', '.page-tools', 'button.copy-link']) {
				await expect(page.locator(selector).first()).toBeHidden();
			}
			await expect(page.locator('h1')).toBeVisible();
			const link = page.locator('.sl-markdown-content a[data-print-url]').first();
			const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
			expect(after).toContain(await link.getAttribute('data-print-url'));
		});

		test('the whole manual gathers every chapter in order, each on its own printed page', async ({ page }) => {
			await page.goto(`/${lang}/whole-manual/`);
			await expect(page.locator('h1')).toHaveText(w.manual);
			// The sidebar's order, less the home page and this page itself.
			const sidebar = await page
				.locator('#starlight__sidebar a[href]')
				.evaluateAll((links) => links.map((a) => a.textContent!.trim()));
			const expected = sidebar.slice(1).filter((title) => title !== w.manual);
			const contents = page.locator('.whole-manual-contents li a');
			await expect(contents).toHaveText(expected);
			const titles = page.locator('.whole-manual-chapter > h2');
			await expect(titles).toHaveText(expected);
			await contents.nth(2).click();
			await expect(titles.nth(2)).toBeInViewport();
			await page.emulateMedia({ media: 'print' });
			expect(await titles.evaluateAll((h) => h.map((e) => getComputedStyle(e.parentElement!).breakBefore))).toEqual(expected.map(() => 'page'));
			await expect(page.locator('#starlight__sidebar')).toBeHidden();
		});

		// Chapters far from the screen are not rendered (content-visibility: auto) until needed.
		test('a link into the whole manual opens at its chapter, and print renders every chapter', async ({ page }) => {
			await page.goto(`/${lang}/whole-manual/`);
			const last = page.locator('.whole-manual-chapter > h2').last();
			const anchor = await last.getAttribute('id');
			await page.goto(`/${lang}/whole-manual/#${anchor}`);
			await expect(last).toBeInViewport();
			const top = await last.evaluate((h) => h.getBoundingClientRect().top);
			expect(top).toBeGreaterThanOrEqual(0);
			expect(top).toBeLessThan(150);
			await page.emulateMedia({ media: 'print' });
			// Without `contentVisibilityAuto`, checkVisibility() would not tell a skipped chapter apart.
			// The browser decides what it skips when it next renders: wait for that, not for a time.
			const ends = page.locator('.whole-manual-chapter > :last-child');
			const count = await ends.count();
			expect(count).toBeGreaterThan(10);
			await expect
				.poll(() => ends.evaluateAll((all) => all.filter((end) => end.checkVisibility({ contentVisibilityAuto: true })).length))
				.toBe(count);
		});
	});
}
