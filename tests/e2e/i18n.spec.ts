/** Both languages are first-class: the landing page, the language picker, not-found. (Search: search.spec.ts.) */
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './fixtures';

const strings = (lang: string) => JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;

test('the landing page offers both languages side by side, without redirecting', async ({ page }) => {
	await page.goto('/');
	expect(new URL(page.url()).pathname).toBe('/');
	const english = page.locator('section[lang="en"]');
	const french = page.locator('section[lang="fr"]');
	await expect(english).toBeVisible();
	await expect(french).toBeVisible();
	// Equal weight: the two halves are the same size, side by side on a laptop screen.
	const [en, fr] = [await english.boundingBox(), await french.boundingBox()];
	expect(Math.abs(en!.width - fr!.width)).toBeLessThan(2);
	expect(Math.abs(en!.y - fr!.y)).toBeLessThan(2);
	await french.getByRole('link', { name: 'Entrer dans le site en français' }).click();
	await expect(page).toHaveURL(/\/fr\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('search engines see one bilingual cluster: the landing page is the default, each home page its language', async ({ page }) => {
	const alternates = () =>
		page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => Object.fromEntries(links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])));
	await page.goto('/');
	// Absolute, from SITE_URL, as search engines require.
	const landing = await page.locator('link[rel="canonical"]').getAttribute('href');
	expect(landing).toMatch(/^https?:\/\/[^/]+\/$/);
	const cluster = { en: `${landing}en/`, fr: `${landing}fr/`, 'x-default': landing };
	expect(await alternates()).toEqual(cluster);
	for (const lang of ['en', 'fr']) {
		await page.goto(`/${lang}/`);
		expect(await alternates(), `/${lang}/`).toEqual(cluster);
	}
});

test('every link on the landing page leads to a page', async ({ page, request }) => {
	await page.goto('/');
	const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
	expect(hrefs.length).toBeGreaterThan(3);
	for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
});

for (const [from, to, label] of [
	['en', 'fr', 'Français'],
	['fr', 'en', 'English'],
] as const) {
	test(`the language picker leads from /${from}/ to the same page in /${to}/`, async ({ page }) => {
		await page.goto(`/${from}/`);
		// Pick a chapter from the sidebar so the test follows whatever the manual holds.
		const chapter = await page.locator('nav[aria-label] a[href^="/' + from + '/"]').last().getAttribute('href');
		await page.goto(chapter!);
		const select = page.locator('starlight-lang-select select').first();
		await select.selectOption({ label });
		await expect(page).toHaveURL(new RegExp(`${chapter!.replace(`/${from}/`, `/${to}/`)}$`));
		await expect(page.locator('html')).toHaveAttribute('lang', to);
	});
}

test('an unknown address answers 404 with a way home in both languages', async ({ page, watch }) => {
	watch.allowConsoleError(/status of 404/);
	const response = await page.goto('/en/no-such-chapter/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('h1')).toHaveCount(1);
	await expect(page.getByRole('link', { name: 'Go to the English home page' })).toHaveAttribute('href', '/en/');
	await expect(page.getByRole('link', { name: 'Aller à l’accueil en français' })).toHaveAttribute('href', '/fr/');
	await expectNoAxeViolations(page);
});

for (const lang of ['en', 'fr']) {
	test(`the site title fits the header: short on a phone, in full on a laptop (${lang})`, async ({ page }) => {
		const title = page.locator('header a.site-title');
		/** Where the title's visible text ends, beside the title's box and the search button. */
		const edges = () =>
			title.evaluate((link) => {
				const text = document.createRange();
				text.selectNodeContents(link);
				return { text: text.getBoundingClientRect().right, link: link.getBoundingClientRect().right, search: document.querySelector('site-search button[data-open-modal]')!.getBoundingClientRect().left };
			});
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto(`/${lang}/building-the-bond/`);
		await expect(title).toHaveAccessibleName(strings(lang)['cwam.siteTitleShort']!);
		const phone = await edges();
		expect(phone.text).toBeLessThanOrEqual(phone.link + 0.5);
		expect(phone.text).toBeLessThan(phone.search);
		await page.setViewportSize({ width: 1280, height: 800 });
		await expect(title).toHaveAccessibleName(strings(lang)['cwam.siteTitle']!);
		const laptop = await edges();
		expect(laptop.text).toBeLessThanOrEqual(laptop.link + 0.5);
		expect(laptop.text).toBeLessThan(laptop.search);
	});
}
