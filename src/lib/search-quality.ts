/**
 * How well the site's search answers real queries (tests/search/queries.json): for each query,
 * where the page a reader expects comes in the results, and whether the expected section is
 * among that page's sub-results. Pure: the browser runner (scripts/search-quality.mjs) collects
 * the results; the e2e suite and `npm run bench` summarise them here.
 */
export type SearchLang = 'en' | 'fr';
export const searchRoles = ['teacher', 'trainer', 'administrator', 'support-staff'] as const;

export interface SearchQuery {
	q: string;
	/** The page's slug without language: `building-the-bond`, `training/session-repair`, `index`. */
	page: string;
	/** A section id on that page, where the reader wants one place in a long page. */
	section?: string;
	who: (typeof searchRoles)[number];
	note?: string;
}

export interface QuerySet {
	/** The least share of queries with their page in the top 3 (and mean reciprocal rank at 5) `npm test` accepts. */
	floor: { top3: number; mrr5: number };
	en: SearchQuery[];
	fr: SearchQuery[];
}

/** What the search showed for one query: result pages in order, and each page's section links. */
export interface SearchShown {
	pages: string[];
	sections: Record<string, string[]>;
}

export interface QueryOutcome {
	query: SearchQuery;
	/** 1-based position of the expected page, or null when it is not listed. */
	rank: number | null;
	/** Whether the expected section is among the page's sub-results (null: no section asked). */
	section: boolean | null;
	/** The first three pages shown, for the report of misses. */
	top: string[];
}

export interface SearchSummary {
	queries: number;
	top1: number;
	top3: number;
	mrr5: number;
	sectionQueries: number;
	sectionsFound: number;
	misses: QueryOutcome[];
}

/** Checks the query file, naming the entry and field at fault. */
export function parseQuerySet(data: unknown, where = 'tests/search/queries.json'): QuerySet {
	const fail = (path: string, message: string): never => {
		throw new Error(`${where}: ${path}: ${message}`);
	};
	if (typeof data !== 'object' || data === null) fail('(root)', 'expected an object with floor, en and fr');
	const root = data as Record<string, unknown>;
	const floor = root.floor as Record<string, unknown> | undefined;
	// The rule: the top-3 floor is never below 90 %. The mean reciprocal rank has its own.
	for (const [key, least] of [['top3', 0.9], ['mrr5', 0.5]] as const) {
		const value = floor?.[key];
		if (typeof value !== 'number' || value < least || value > 1) fail(`floor.${key}`, `a share between ${least} and 1`);
	}
	const lists = { en: [] as SearchQuery[], fr: [] as SearchQuery[] };
	for (const lang of ['en', 'fr'] as const) {
		const list = root[lang];
		if (!Array.isArray(list) || list.length === 0) fail(lang, 'a list of queries');
		const seen = new Set<string>();
		(list as unknown[]).forEach((entry, i) => {
			const at = `${lang}[${i}]`;
			const e = (entry ?? {}) as Record<string, unknown>;
			if (typeof e.q !== 'string' || !e.q.trim()) fail(`${at}.q`, 'the words a reader types');
			const q = (e.q as string).trim();
			if (seen.has(q.toLowerCase())) fail(`${at}.q`, `"${q}" is listed twice`);
			seen.add(q.toLowerCase());
			if (typeof e.page !== 'string' || !/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(e.page)) fail(`${at}.page`, 'a page slug such as building-the-bond');
			if (e.section !== undefined && (typeof e.section !== 'string' || !/^[a-z0-9-]+$/.test(e.section))) fail(`${at}.section`, 'a section id such as greeting');
			if (!searchRoles.includes(e.who as never)) fail(`${at}.who`, `one of ${searchRoles.join(', ')}`);
			lists[lang].push({ q, page: e.page as string, section: e.section as string | undefined, who: e.who as SearchQuery['who'], note: e.note as string | undefined });
		});
	}
	return { floor: { top3: floor!.top3 as number, mrr5: floor!.mrr5 as number }, ...lists };
}

/** The page slug of a result's address: `/en/training/session-repair/` → `training/session-repair`, `/fr/` → `index`. */
export function pageOfPath(pathname: string, lang: SearchLang): string {
	const match = pathname.match(/\/(en|fr)\/(.*?)\/?(index\.html)?$/);
	// A page of the other language (or outside the manual) keeps its whole address: it never matches.
	if (!match || match[1] !== lang) return pathname;
	return match[2] === '' ? 'index' : match[2]!;
}

/** Where the expected page and section came for one query. */
export function scoreQuery(query: SearchQuery, shown: SearchShown): QueryOutcome {
	const index = shown.pages.indexOf(query.page);
	const rank = index === -1 ? null : index + 1;
	const section = query.section === undefined ? null : (shown.sections[query.page] ?? []).includes(query.section);
	return { query, rank, section, top: shown.pages.slice(0, 3) };
}

/** Share in the top 1 and top 3, mean reciprocal rank at 5, sections found, and every query not in the top 3. */
export function summarise(outcomes: QueryOutcome[]): SearchSummary {
	const n = outcomes.length;
	const share = (count: number) => (n === 0 ? 0 : count / n);
	const withSection = outcomes.filter((o) => o.section !== null);
	return {
		queries: n,
		top1: share(outcomes.filter((o) => o.rank === 1).length),
		top3: share(outcomes.filter((o) => o.rank !== null && o.rank <= 3).length),
		mrr5: share(outcomes.reduce((sum, o) => sum + (o.rank !== null && o.rank <= 5 ? 1 / o.rank : 0), 0)),
		sectionQueries: withSection.length,
		sectionsFound: withSection.filter((o) => o.section).length,
		misses: outcomes.filter((o) => o.rank === null || o.rank > 3),
	};
}
