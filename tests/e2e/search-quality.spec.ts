/**
 * Search quality, measured: every query of tests/search/queries.json (written as teachers,
 * trainers and administrators type, before any tuning) goes through the site's own search box,
 * and the share whose expected page is in the top 3, and the mean reciprocal rank at 5, must
 * stay at or above the floor set in that file. `npm run bench` reports the same figures.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { openSearch, searchFor } from '../../scripts/search-quality.mjs';
import { pageOfPath, parseQuerySet, scoreQuery, summarise, type QueryOutcome, type SearchLang } from '../../src/lib/search-quality';

const set = parseQuerySet(JSON.parse(readFileSync(new URL('../search/queries.json', import.meta.url), 'utf8')));

const describeMiss = (o: QueryOutcome) => `"${o.query.q}" → expected ${o.query.page} (rank ${o.rank ?? 'none'}), got ${o.top.join(', ') || 'nothing'}`;

for (const lang of ['en', 'fr'] as const satisfies SearchLang[]) {
	test(`search finds what readers type in /${lang}/ (top 3 ≥ ${set.floor.top3 * 100} %)`, async ({ page }) => {
		test.setTimeout(240_000);
		await page.goto(`/${lang}/`);
		await openSearch(page);
		const outcomes: QueryOutcome[] = [];
		for (const query of set[lang]) {
			const shown = await searchFor(page, query.q);
			for (const path of shown.pages) expect(path, `"${query.q}" listed a page of another language`).toMatch(new RegExp(`^/${lang}/`));
			const sections = Object.fromEntries(Object.entries(shown.sections).map(([path, ids]) => [pageOfPath(path, lang), ids]));
			outcomes.push(scoreQuery(query, { pages: shown.pages.map((path) => pageOfPath(path, lang)), sections }));
		}
		const summary = summarise(outcomes);
		const report = `top 3: ${(summary.top3 * 100).toFixed(1)} %, MRR@5: ${summary.mrr5.toFixed(3)}\nmisses:\n${summary.misses.map(describeMiss).join('\n')}`;
		expect(summary.top3, report).toBeGreaterThanOrEqual(set.floor.top3);
		expect(summary.mrr5, report).toBeGreaterThanOrEqual(set.floor.mrr5);
	});
}
