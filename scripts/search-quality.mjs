// Runs tests/search/queries.json through the site's own search box (Starlight's Pagefind UI, with
// the site's ranking), in real Chromium, as a reader would: used by tests/e2e/search-quality.spec.ts
// (the floor) and `npm run bench` (the report). The scoring is src/lib/search-quality.ts.

/** @typedef {{ pages: string[], sections: Record<string, string[]> }} SearchShown */

const modal = '#starlight__search';

/**
 * Types one query into the open search box and reads what it shows: result pages in order (as
 * pathnames) and, for each, the section ids of its sub-results.
 * @param {import('@playwright/test').Page} page
 * @param {string} query
 * @returns {Promise<{ pages: string[], sections: Record<string, string[]> }>}
 */
export async function searchFor(page, query) {
	const input = page.locator(`${modal} input.pagefind-ui__search-input`);
	// Clear first, so the next message cannot be the previous query's.
	await input.fill('');
	await page.waitForFunction((sel) => !document.querySelector(`${sel} .pagefind-ui__message`)?.textContent?.trim(), modal);
	await input.fill(query);
	await page.waitForFunction(
		([sel, q]) => {
			const message = document.querySelector(`${sel} .pagefind-ui__message`)?.textContent?.trim() ?? '';
			if (!message.endsWith(q)) return false;
			// Pagefind lists placeholders first and fills each result in as its data arrives.
			return document.querySelectorAll(`${sel} .pagefind-ui__result .pagefind-ui__loading`).length === 0;
		},
		[modal, query.trim()],
	);
	return page.locator(`${modal} .pagefind-ui__result`).evaluateAll((results) => {
		const pages = [];
		/** @type {Record<string, string[]>} */
		const sections = {};
		for (const result of results) {
			const link = result.querySelector(':scope .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link');
			if (!(link instanceof HTMLAnchorElement)) continue;
			const path = new URL(link.href).pathname;
			pages.push(path);
			sections[path] = [...result.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link')].map((a) => new URL(/** @type {HTMLAnchorElement} */ (a).href).hash.slice(1));
		}
		return { pages, sections };
	});
}

/** Opens the search box on a page of the manual, ready to type. @param {import('@playwright/test').Page} page */
export async function openSearch(page) {
	await page.locator('site-search button[data-open-modal]').click();
	await page.locator(`${modal} input.pagefind-ui__search-input`).waitFor();
}
