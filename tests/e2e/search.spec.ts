/** Search finds the right chapter in each language, never the other language, and filters by chapter type. */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { openSearch, searchFor } from '../../scripts/search-quality.mjs';

/** The search box: Pagefind's text input (its filter checkboxes are inputs too, once they load). */
const searchBox = (page: Page) => page.locator('#starlight__search input.pagefind-ui__search-input');

async function searchResults(page: Page, query: string): Promise<string[]> {
	await page.locator('site-search button[data-open-modal]').click();
	await searchBox(page).fill(query);
	const message = page.locator('#starlight__search .pagefind-ui__message');
	await expect(message).toHaveText(new RegExp(`(\\d|No results|Aucun).*${query}`, 'i'));
	if (!/^(No results|Aucun)/i.test(await message.innerText())) {
		// Pagefind lists placeholders first and fills each result in as its data arrives.
		await expect(page.locator('#starlight__search .pagefind-ui__result').first()).toBeVisible();
		await expect(page.locator('#starlight__search .pagefind-ui__result .pagefind-ui__loading')).toHaveCount(0);
	}
	// One link per page (a page's matching sections are nested under it and left out).
	return page
		.locator('#starlight__search .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link')
		.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

const queries = [
	{ lang: 'en', query: 'trust', chapter: 'building-the-bond' },
	{ lang: 'fr', query: 'confiance', chapter: 'building-the-bond' },
	{ lang: 'en', query: 'goals', chapter: 'building-collaboration' },
	{ lang: 'fr', query: 'objectifs', chapter: 'building-collaboration' },
	{ lang: 'en', query: 'rupture', chapter: 'repairing-the-relationship' },
	{ lang: 'fr', query: 'réparation', chapter: 'repairing-the-relationship' },
] as const;

for (const { lang, query, chapter } of queries) {
	test(`"${query}" from /${lang}/ finds ${chapter}, and only ${lang} pages`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		const results = await searchResults(page, query);
		expect(results.slice(0, 3).map((path) => path.split('/')[2])).toContain(chapter);
		for (const path of results) expect(path).toMatch(new RegExp(`^/${lang}/`));
	});
}

for (const lang of ['en', 'fr'] as const) {
	test(`a hit inside a strategy card links to that card's section (${lang})`, async ({ page }) => {
		// "Wlodkowski" is only in the text of the 2 × 10 card (under its h4 parts), never in a heading.
		await page.goto(`/${lang}/`);
		await openSearch(page);
		const shown = await searchFor(page, 'Wlodkowski');
		expect(shown.pages[0]).toBe(`/${lang}/building-the-bond/`);
		expect(shown.sections[`/${lang}/building-the-bond/`]?.[0]).toBe('two-by-ten');
	});
}

test('the search box speaks the page’s language: French counts and messages on /fr/', async ({ page }) => {
	await page.goto('/fr/');
	await openSearch(page);
	await searchFor(page, 'confiance');
	await expect(page.locator('#starlight__search .pagefind-ui__message')).toHaveText(/^\d+ résultats? pour confiance$/);
	await searchFor(page, 'zzzqqq');
	await expect(page.locator('#starlight__search .pagefind-ui__message')).toHaveText('Aucun résultat pour zzzqqq');
});

test('search from /fr/ finds a word that only French pages hold, and /en/ does not', async ({ page, request }) => {
	const word = 'récréation';
	await page.goto('/fr/');
	const french = await searchResults(page, word);
	expect(french.length).toBeGreaterThan(0);
	for (const path of french) expect(path).toMatch(/^\/fr\//);
	// From /en/, Pagefind may offer English pages with a similar stem, but none holds the word.
	await page.goto('/en/');
	for (const path of await searchResults(page, word)) {
		expect(path).toMatch(/^\/en\//);
		expect((await (await request.get(path)).text()).toLowerCase(), `${path} should not contain "${word}"`).not.toContain(word);
	}
});

for (const [lang, expected] of [
	['en', ['Understanding', 'Strategies', 'Worksheet', 'Resource']],
	['fr', ['Comprendre', 'Stratégies', 'Fiche', 'Ressource']],
] as const) {
	test(`chapter type is a search filter in /${lang}/`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		const filters = await page.evaluate(async (base) => {
			const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
			await pagefind.init();
			return (await pagefind.filters()) as Record<string, Record<string, number>>;
		}, '/');
		for (const type of expected) expect(filters.type?.[type], `type filter "${type}"`).toBeGreaterThan(0);
		const filtered = await page.evaluate(async ([base, type]) => {
			const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
			const search = await pagefind.search(null, { filters: { type } });
			return Promise.all(search.results.map(async (result: { data: () => Promise<{ url: string }> }) => (await result.data()).url));
		}, ['/', expected[1]] as const);
		expect(filtered).toContain(`/${lang}/building-the-bond/`);
		expect(filtered).not.toContain(`/${lang}/glossary/`);
	});
}

// Starlight builds the search box when the browser is first idle. A busy phone (or a browser that
// paints no frames) may not be idle for a long time: opening search must build it at once
// (src/client/search-ready.ts). Here the browser is never idle.
for (const [lang, open, query, chapter] of [
	['en', 'button', 'trust', 'building-the-bond'],
	['fr', 'Control+k', 'confiance', 'building-the-bond'],
] as const) {
	test(`search opened before the browser is ever idle is ready at once, by ${open} (${lang})`, async ({ page }) => {
		await page.addInitScript(() => {
			window.requestIdleCallback = () => 0;
		});
		await page.goto(`/${lang}/`);
		const button = page.locator('site-search button[data-open-modal]');
		await expect(button).toBeEnabled();
		if (open === 'button') await button.click();
		else await page.keyboard.press(open);
		await expect(page.locator('site-search dialog')).toBeVisible();
		await expect(searchBox(page)).toBeFocused();
		await page.keyboard.type(query);
		await expect(page.locator(`#starlight__search .pagefind-ui__result-link[href*="/${lang}/${chapter}/"]`).first()).toBeVisible();
	});
}
