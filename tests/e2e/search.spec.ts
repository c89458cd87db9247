/** Search finds the right chapter in each language, never the other language, and filters by chapter type. */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function searchResults(page: Page, query: string): Promise<string[]> {
	await page.locator('site-search button[data-open-modal]').click();
	const input = page.locator('#starlight__search input');
	await input.fill(query);
	const message = page.locator('#starlight__search .pagefind-ui__message');
	await expect(message).toHaveText(/\d|No results|Aucun/i);
	await expect(page.locator('#starlight__search .pagefind-ui__result-link').first().or(message.filter({ hasText: /^(No results|Aucun)/ }))).toBeVisible();
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
