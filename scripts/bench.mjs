// Benchmark, not a test: `npm run bench` builds the site, then measures what a first visit to
// each page type downloads (HTML, CSS, JS; raw and gzipped) against scripts/bench/budgets.json.
// `npm run bench -- --pages 1000` also builds N synthetic chapters with this site and with a
// plain Starlight site, and compares build cost per page. `npm run bench -- --lighthouse` also
// audits every page type with Lighthouse (mobile) against score budgets.
// Writes .bench/report.json and prints a short table.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from '@playwright/test';
import { findChromium } from './require-chromium.mjs';
import { serveDist } from './serve-dist.mjs';
import { parse as parseYaml } from 'yaml';
import { inlineScripts } from '../src/lib/csp.ts';
import { citationLabel, parseCiteIds } from '../src/lib/references.ts';
import { pageOfPath, parseQuerySet, scoreQuery, summarise } from '../src/lib/search-quality.ts';
import { openSearch, searchFor } from './search-quality.mjs';

const root = resolve(import.meta.dirname, '..');
const budgets = JSON.parse(readFileSync(join(root, 'scripts/bench/budgets.json'), 'utf8'));
const args = process.argv.slice(2);
/** `--name N`: N as a number, or the fallback when the option is absent. */
function option(name, fallback) {
	if (!args.includes(name)) return fallback;
	const value = Number(args[args.indexOf(name) + 1]);
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number, e.g. ${name} ${fallback || 1000}`);
	return value;
}
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pagesArg = option('--pages', 0);
if (args.includes('--pages') && !(pagesArg > 0)) throw new Error('--pages needs a positive number, e.g. --pages 1000');
// Build times vary from run to run on a shared machine: scale mode builds each site this many
// times, alternating, and compares the median build of each.
const rounds = Math.max(1, option('--rounds', 3));
// `--lighthouse` also runs Lighthouse on every page type (see lighthouseReport), each page this many times.
const lighthouseArg = args.includes('--lighthouse');
const lighthouseRuns = Math.max(1, option('--lighthouse-runs', 3));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// The bench serves dist/ on this port (`--port N` or $BENCH_PORT), so it can run beside other
// servers; --lighthouse also takes the next two (Chrome's DevTools, the plain Starlight site).
const port = option('--port', Number(process.env.BENCH_PORT ?? 4329));

// The PDF step (src/integrations/pdf-edition.ts) reports its own time and files here.
const pdfReport = join(root, '.bench', 'pdf-edition.json');

function build(cwd) {
	const start = performance.now();
	// Each project's own astro: under `npm run`, npx would resolve this project's instead.
	execFileSync(join(cwd, 'node_modules', '.bin', 'astro'), ['build'], { cwd, env: { ...env, CWAM_PDF_REPORT: pdfReport }, stdio: ['ignore', 'ignore', 'inherit'] });
	return Math.round(performance.now() - start);
}

/** The page types to measure: the first of each kind that exists in this build. */
function pageTypes(dist) {
	const has = (path) => existsSync(join(dist, path, 'index.html'));
	const types = { landing: '/', home: '/en/' };
	for (const slug of ['working-alliance', 'building-the-bond', 'about']) {
		if (has(`en/${slug}`)) {
			types.chapter = `/en/${slug}/`;
			break;
		}
	}
	if (has('en/self-check')) types['self-check'] = '/en/self-check/';
	if (has('en/my-students')) types['my-students'] = '/en/my-students/';
	if (has('en/student-voice')) types['student-voice'] = '/en/student-voice/';
	// A chapter with strategy cards, each with its "Use this with a student" link (no script).
	if (has('en/building-the-bond')) types['strategy-chapter'] = '/en/building-the-bond/';
	const worksheets = existsSync(join(dist, 'en/worksheets')) ? readdirSync(join(dist, 'en/worksheets')).filter((slug) => has(`en/worksheets/${slug}`)).sort() : [];
	if (worksheets.length > 0) types.worksheet = `/en/worksheets/${worksheets[0]}/`;
	if (has('en/whole-manual')) types['whole-manual'] = '/en/whole-manual/';
	return types;
}

function kindOf(url, contentType) {
	if (url.endsWith('.wasm') || url.includes('/pagefind/')) return 'search';
	if (contentType.includes('html')) return 'html';
	if (contentType.includes('css') || url.endsWith('.css')) return 'css';
	if (contentType.includes('javascript') || url.endsWith('.js')) return 'js';
	return 'other';
}

/** The file a host serves for a path: `/en/x/` is `en/x/index.html`. */
function fileFor(dist, pathname) {
	const file = join(dist, decodeURIComponent(pathname));
	return pathname.endsWith('/') ? join(file, 'index.html') : file;
}

/** Sizes are read from dist/ (what a host serves), gzipped here at level 9 as most static hosts do. */
const measure = (bytes) => ({ raw: Buffer.byteLength(bytes), gzip: bytes.length > 0 ? gzipSync(bytes, { level: 9 }).length : 0 });

function sizeOf(dist, pathname) {
	const file = fileFor(dist, pathname);
	if (!existsSync(file) || statSync(file).isDirectory()) return { raw: 0, gzip: 0 };
	return measure(readFileSync(file));
}

/**
 * Astro inlines small scripts into the page. They are JavaScript the page runs, so they count
 * as JS, not HTML: returns the HTML without them, and them (found as the CSP step finds them).
 */
function splitInlineScripts(dist, pathname) {
	const file = fileFor(dist, pathname);
	if (!existsSync(file)) return { html: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 } };
	let html = readFileSync(file, 'utf8');
	const scripts = inlineScripts(html);
	for (const script of scripts) html = html.replace(script, '');
	return { html: measure(html), js: measure(scripts.join('\n')) };
}

async function measurePages(dist, types = pageTypes(dist)) {
	const server = await serveDist(port, dist);
	try {
		const browser = await chromium.launch({
			executablePath: findChromium(),
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		});
		const results = {};
		for (const [type, path] of Object.entries(types)) {
			// The offline worker's precache would blur what a page itself loads.
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			const seen = new Map();
			let phase = 'first';
			page.on('response', (response) => {
				const url = new URL(response.url());
				if (url.port !== String(port) || seen.has(url.pathname)) return;
				seen.set(url.pathname, { phase, kind: kindOf(url.pathname, response.headers()['content-type'] ?? ''), ...sizeOf(dist, url.pathname) });
			});
			// First visit: everything fetched until the load event. What comes after (Starlight
			// fetches the search UI when the browser is idle, and the index when you search) is
			// search's on-demand cost, listed apart.
			await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'load' });
			phase = 'search';
			await page.waitForLoadState('networkidle');
			if (type !== 'landing') {
				await page.locator('site-search button[data-open-modal]').click();
				await page.locator('#starlight__search input.pagefind-ui__search-input').fill('alliance');
				await page.waitForLoadState('networkidle');
				await page.waitForTimeout(300);
			}
			const totals = { html: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 }, other: { raw: 0, gzip: 0 }, search: { raw: 0, gzip: 0 } };
			for (const [pathname, entry] of seen) {
				const bucket = entry.phase === 'search' ? totals.search : totals[entry.kind === 'search' ? 'search' : entry.kind];
				if (entry.phase === 'first' && entry.kind === 'html') {
					const { html, js } = splitInlineScripts(dist, pathname);
					Object.assign(entry, { raw: html.raw, gzip: html.gzip, inlineJs: js });
					totals.js.raw += js.raw;
					totals.js.gzip += js.gzip;
				}
				bucket.raw += entry.raw;
				bucket.gzip += entry.gzip;
			}
			// Page weight as Lighthouse counts it for a first visit: HTML + CSS + JS, gzipped.
			const weight = totals.html.gzip + totals.css.gzip + totals.js.gzip;
			results[type] = { path, ...totals, weight, files: Object.fromEntries(seen) };
			await context.close();
		}
		await browser.close();
		return results;
	} finally {
		server.close();
	}
}

function checkBudgets(pages) {
	const rows = [];
	for (const [type, budget] of Object.entries(budgets.pages)) {
		const page = pages[type];
		if (!page) continue;
		for (const [metric, limit] of Object.entries(budget)) {
			if (metric === 'jsBeyondStarlight') continue; // needs the plain Starlight build, below
			const actual = metric === 'jsBeyondChapter' ? page.js.gzip - (pages.chapter?.js.gzip ?? 0) : page[metric].gzip;
			rows.push({ page: type, metric, actual, budget: limit, ok: actual <= limit });
		}
	}
	return rows;
}

function syntheticPage(i, lang) {
	const words = lang === 'fr' ? 'élève enseignante lien collaboration objectif classe récréation confiance' : 'student teacher bond collaboration goal classroom recess trust';
	const para = Array.from({ length: 60 }, (_, w) => words.split(' ')[(i + w) % 8]).join(' ');
	return `---\ntitle: Synthetic chapter ${i}\ndescription: A generated page for the build benchmark.\n---\n\n## Section one\n\n${para}.\n\n## Section two\n\n${para}.\n\n- ${para.slice(0, 80)}\n- ${para.slice(20, 100)}\n\n### A detail\n\n${para}.\n`;
}

function writeSynthetic(docsDir, count) {
	rmSync(docsDir, { recursive: true, force: true });
	for (const lang of ['en', 'fr']) {
		mkdirSync(join(docsDir, lang, 'synthetic'), { recursive: true });
		writeFileSync(join(docsDir, lang, 'index.md'), `---\ntitle: Home\n---\n\nHome.\n`);
		for (let i = 0; i < count / 2; i++) writeFileSync(join(docsDir, lang, 'synthetic', `page-${i}.md`), syntheticPage(i, lang));
	}
}

function copyProject(to) {
	rmSync(to, { recursive: true, force: true });
	mkdirSync(to, { recursive: true });
	for (const entry of readdirSync(root)) {
		if (['node_modules', 'dist', '.astro', '.git', '.bench', 'test-results'].includes(entry)) continue;
		cpSync(join(root, entry), join(to, entry), { recursive: true, verbatimSymlinks: true });
	}
	// Hard links: a copy of node_modules in a second, with no download.
	execFileSync('cp', ['-al', join(root, 'node_modules'), join(to, 'node_modules')]);
}

/** Plain Starlight: same languages and site title, `count` synthetic pages, no customisation at all. */
function makePlain(plain, count) {
	rmSync(plain, { recursive: true, force: true });
	mkdirSync(join(plain, 'src'), { recursive: true });
	execFileSync('cp', ['-al', join(root, 'node_modules'), join(plain, 'node_modules')]);
	// Same dependency list as ours: Vite decides what to bundle from it.
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	writeFileSync(join(plain, 'package.json'), JSON.stringify({ name: 'plain-starlight', private: true, type: 'module', dependencies: pkg.dependencies, devDependencies: pkg.devDependencies }));
	// Our site title in each language (it is text in every page's header too), from our UI strings.
	const title = JSON.stringify(Object.fromEntries(['en', 'fr'].map((lang) => [lang, JSON.parse(readFileSync(join(root, `content/i18n/${lang}.json`), 'utf8'))['cwam.siteTitle']])));
	writeFileSync(
		join(plain, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'http://127.0.0.1:4321', integrations: [starlight({ title: ${title}, defaultLocale: 'en', locales: { en: { label: 'English', lang: 'en' }, fr: { label: 'Français', lang: 'fr' } } })] });\n`,
	);
	writeFileSync(
		join(plain, 'src', 'content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema, i18nSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }), i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }) };\n`,
	);
	writeSynthetic(join(plain, 'src', 'content', 'docs'), count);
}

/**
 * A page's MDX as plain Markdown, the same text: imports and comments dropped, each <Cite>
 * replaced by the words it prints, other components' tags dropped (their content stays), and
 * `{#id}` left off headings.
 */
function plainMarkdown(mdx, lang) {
	const refs = parseYaml(readFileSync(join(root, 'content/references.yaml'), 'utf8'));
	const cite = (ids, narrative) => {
		const list = parseCiteIds(ids).map((key) => refs[key]);
		return narrative ? list.map((ref) => `${ref.cite[lang]} (${ref.year})`).join('; ') : `(${list.map((ref) => citationLabel(ref, lang)).join('; ')})`;
	};
	return mdx
		.replace(/^import .*\n/gm, '')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.replace(/<Cite id="([^"]+)"( narrative)? \/>/g, (_, ids, narrative) => cite(ids, Boolean(narrative)))
		.replace(/<\/?[A-Z][^>]*>/g, '')
		.replace(/ \{#[\w-]+\}$/gm, '');
}

/**
 * Plain Starlight holding our manual's text: every page of content/docs as plain Markdown at the
 * same path (so its sidebar lists the same pages), under the same site title. Its chapter is the
 * baseline for the JS our features add and for a chapter's Lighthouse LCP. Built in a temporary
 * folder; returns its dist/ and a function that removes it.
 */
function buildPlainManual() {
	const tmp = mkdtempSync(join(tmpdir(), 'cwam-bench-plain-'));
	makePlain(tmp, 0);
	const docs = join(root, 'content/docs');
	for (const file of readdirSync(docs, { recursive: true }).filter((name) => /\.mdx?$/.test(name))) {
		const to = join(tmp, 'src/content/docs', file.replace(/\.mdx$/, '.md'));
		mkdirSync(dirname(to), { recursive: true });
		writeFileSync(to, plainMarkdown(readFileSync(join(docs, file), 'utf8'), file.split('/')[0]));
	}
	build(tmp);
	return { dist: join(tmp, 'dist'), remove: () => (process.env.BENCH_KEEP ? console.log(`Plain Starlight kept in ${tmp}`) : rmSync(tmp, { recursive: true, force: true })) };
}

async function scale(count) {
	// Outside the project, so neither build sees the other's files.
	const tmp = mkdtempSync(join(tmpdir(), 'cwam-bench-'));
	const ours = join(tmp, 'ours');
	const plain = join(tmp, 'plain');
	copyProject(ours);
	writeSynthetic(join(ours, 'content', 'docs'), count);
	makePlain(plain, count);
	const pages = count + 2;
	const times = { ours: [], plain: [] };
	for (let round = 0; round < rounds; round++) {
		times.ours.push(build(ours));
		times.plain.push(build(plain));
	}
	const oursMs = median(times.ours);
	const plainMs = median(times.plain);
	if (!process.env.BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
	return { pages, rounds, times, oursMs, plainMs, oursPerPage: oursMs / pages, plainPerPage: plainMs / pages, ratio: oursMs / plainMs };
}

/** What Lighthouse audits: every page type in both languages (the landing page is both at once). */
function lighthousePages(dist, types) {
	const pages = {};
	for (const [type, path] of Object.entries(types)) {
		if (type === 'landing') pages[type] = path;
		else for (const lang of ['en', 'fr']) pages[`${type} (${lang})`] = path.replace(/^\/en\//, `/${lang}/`);
	}
	return Object.fromEntries(Object.entries(pages).filter(([, path]) => existsSync(fileFor(dist, path))));
}

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One page's runs: each score and metric is the median of its runs; failed audits from the first run. */
function summarize(path, runs) {
	const scores = Object.fromEntries(
		categories.map((category) => {
			const values = runs.map((lhr) => lhr.categories[category]?.score).filter((score) => typeof score === 'number');
			return [category, values.length > 0 ? Math.round(median(values) * 100) : null];
		}),
	);
	const metric = (id) => median(runs.map((lhr) => lhr.audits[id]?.numericValue ?? Infinity));
	// What keeps accessibility, best practices or SEO under 100: audit id, title, the first elements.
	const first = runs[0];
	const findings = Object.entries(first.categories)
		.filter(([category]) => category !== 'performance')
		.flatMap(([category, { auditRefs }]) => auditRefs.filter((ref) => ref.weight > 0 && first.audits[ref.id].score !== null && first.audits[ref.id].score < 1).map((ref) => ({ category, ...first.audits[ref.id] })))
		.map(({ category, id, title, details }) => ({ category, id, title, items: (details?.items ?? []).slice(0, 3).map((item) => item.node?.snippet ?? item.source?.snippet ?? item.sourceLocation?.url ?? item.url ?? JSON.stringify(item).slice(0, 120)) }));
	return {
		path,
		scores,
		lcp: Math.round(metric('largest-contentful-paint')),
		cls: Number(metric('cumulative-layout-shift').toFixed(3)),
		tbt: Math.round(metric('total-blocking-time')),
		runs: runs.map((lhr) => ({
			performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
			lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
			tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
			seconds: Math.round(lhr.timing.total / 100) / 10,
			benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
			error: lhr.runtimeError?.code,
		})),
		findings,
	};
}

/**
 * Lighthouse in its default configuration, a first visit on a mid-range phone (mobile screen,
 * simulated slow 4G and a 4× slower CPU), on our pages served compressed from dist/ and on the
 * plain Starlight chapter with the same text. Pages with a performance budget, and the plain
 * chapter, are audited `lighthouseRuns` times, all pages in turn each round, so that a busy moment
 * on the machine does not fall on one page only; accessibility, best practices and SEO, which do
 * not vary, only in the first round, as are pages with no performance budget.
 */
async function lighthouseReport(types, plainDist) {
	const { default: lighthouse } = await import('lighthouse');
	const { launch } = await import('chrome-launcher');
	const start = performance.now();
	const dist = join(root, 'dist');
	const timed = (key) => 'performance' in (budgets.lighthouse.minScore[key.replace(/ \((en|fr)\)$/, '')] ?? {});
	const targets = [];
	for (const [key, path] of Object.entries(lighthousePages(dist, types))) {
		targets.push({ site: 'pages', key, path, url: `http://127.0.0.1:${port}${path}`, rounds: timed(key) ? lighthouseRuns : 1, categories });
		if (key.startsWith('chapter')) targets.push({ site: 'plainStarlight', key, path, url: `http://127.0.0.1:${port + 2}${path}`, rounds: lighthouseRuns, categories: ['performance'] });
	}
	const servers = [await serveDist(port, dist), await serveDist(port + 2, plainDist)];
	const chrome = await launch({ chromePath: findChromium(), port: port + 1, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
	const runs = targets.map(() => []);
	try {
		for (let round = 0; round < lighthouseRuns; round++) {
			for (const [i, target] of targets.entries()) {
				if (round >= target.rounds) continue;
				const flags = { port: chrome.port, logLevel: 'error', onlyCategories: round === 0 ? target.categories : ['performance'], disableFullPageScreenshot: true };
				runs[i].push((await lighthouse(target.url, flags)).lhr);
			}
		}
	} finally {
		chrome.kill();
		for (const server of servers) server.close();
	}
	const result = { runs: lighthouseRuns, seconds: Math.round((performance.now() - start) / 1000), pages: {}, plainStarlight: {} };
	for (const [i, { site, key, path }] of targets.entries()) result[site][key] = summarize(path, runs[i]);
	// Lighthouse's measure of this machine's speed at each run: lower when other work slows it down.
	result.benchmarkIndex = Math.round(median(runs.flat().map((lhr) => lhr.environment.benchmarkIndex)));
	return result;
}

function checkLighthouse(lh) {
	const rows = [];
	const { minScore, chapterLcpVsPlainStarlight } = budgets.lighthouse;
	for (const [key, page] of Object.entries(lh.pages)) {
		const type = key.replace(/ \((en|fr)\)$/, '');
		for (const [category, min] of Object.entries({ ...minScore['*'], ...minScore[type] })) {
			rows.push({ page: key, metric: category, actual: page.scores[category], budget: min, ok: page.scores[category] >= min, unit: 'score' });
		}
		const plain = lh.plainStarlight[key];
		if (type === 'chapter' && plain) {
			const ratio = page.lcp / plain.lcp;
			rows.push({ page: key, metric: 'LCP vs plain Starlight', actual: Number(ratio.toFixed(2)), budget: chapterLcpVsPlainStarlight, ok: ratio <= chapterLcpVsPlainStarlight, unit: '×' });
		}
	}
	return rows;
}

/**
 * Search quality: tests/search/queries.json through the site's own search box, per language:
 * the share of queries with their expected page first and in the top 3, the mean reciprocal
 * rank at 5, the sections found, and every miss. The e2e suite holds the same figures to the
 * file's floor (tests/e2e/search-quality.spec.ts).
 */
async function searchReport(dist) {
	const set = parseQuerySet(JSON.parse(readFileSync(join(root, 'tests/search/queries.json'), 'utf8')));
	const server = await serveDist(port, dist);
	const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
	try {
		const result = { floor: set.floor };
		for (const lang of ['en', 'fr']) {
			const page = await browser.newPage();
			await page.goto(`http://127.0.0.1:${port}/${lang}/`);
			await openSearch(page);
			const outcomes = [];
			for (const query of set[lang]) {
				const shown = await searchFor(page, query.q);
				const sections = Object.fromEntries(Object.entries(shown.sections).map(([path, ids]) => [pageOfPath(path, lang), ids]));
				outcomes.push(scoreQuery(query, { pages: shown.pages.map((path) => pageOfPath(path, lang)), sections }));
			}
			const summary = summarise(outcomes);
			result[lang] = { ...summary, misses: summary.misses.map((o) => ({ q: o.query.q, expected: o.query.page, rank: o.rank, top: o.top })) };
			await page.close();
		}
		return result;
	} finally {
		await browser.close();
		server.close();
	}
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const report = { date: new Date().toISOString(), buildMs: build(root) };
const types = pageTypes(join(root, 'dist'));
if (!types.chapter) throw new Error('No chapter page found in dist/ to measure');
report.pages = await measurePages(join(root, 'dist'), types);
report.budgets = checkBudgets(report.pages);
// The PDF edition: every PDF typeset within the time budget, each whole manual within its size.
report.pdf = JSON.parse(readFileSync(pdfReport, 'utf8'));
report.budgets.push({ page: 'pdf', metric: 'all typeset (s)', actual: Number((report.pdf.milliseconds / 1000).toFixed(2)), budget: budgets.pdf.seconds, ok: report.pdf.milliseconds / 1000 <= budgets.pdf.seconds, unit: 's' });
for (const file of report.pdf.files.filter((f) => f.kind === 'manual')) {
	report.budgets.push({ page: `pdf (${file.lang})`, metric: `manual, ${file.pages} pages`, actual: file.bytes, budget: budgets.pdf.manualBytes, ok: file.bytes <= budgets.pdf.manualBytes });
}
const plain = buildPlainManual();
try {
	// Our features on a chapter page (copy links, presentation view, offline) against plain Starlight's own JS.
	report.plainStarlightChapter = (await measurePages(plain.dist, { chapter: types.chapter })).chapter;
	const actual = report.pages.chapter.js.gzip - report.plainStarlightChapter.js.gzip;
	report.budgets.push({ page: 'chapter', metric: 'jsBeyondStarlight', actual, budget: budgets.pages.chapter.jsBeyondStarlight, ok: actual <= budgets.pages.chapter.jsBeyondStarlight });
	if (lighthouseArg) {
		report.lighthouse = await lighthouseReport(types, plain.dist);
		report.budgets.push(...checkLighthouse(report.lighthouse));
	}
} finally {
	plain.remove();
}
if (pagesArg) {
	report.scale = await scale(pagesArg);
	report.budgets.push({ page: 'build', metric: 'costPerPageRatio', actual: Number(report.scale.ratio.toFixed(2)), budget: budgets.buildCostRatio, ok: report.scale.ratio <= budgets.buildCostRatio, unit: '×' });
}
report.search = await searchReport(join(root, 'dist'));
for (const lang of ['en', 'fr']) {
	const { top3, mrr5 } = report.search[lang];
	report.budgets.push({ page: `search (${lang})`, metric: 'top 3', actual: top3, budget: report.search.floor.top3, ok: top3 >= report.search.floor.top3, unit: 'share' });
	report.budgets.push({ page: `search (${lang})`, metric: 'MRR@5', actual: mrr5, budget: report.search.floor.mrr5, ok: mrr5 >= report.search.floor.mrr5, unit: 'share' });
}
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

console.log(`\nBuild: ${(report.buildMs / 1000).toFixed(1)} s\n`);
console.log(`${'page'.padEnd(14)}${'path'.padEnd(42)}HTML (raw/gz)       CSS (raw/gz)        JS (raw/gz)         weight (gz)  after load + search (gz)`);
for (const [type, page] of Object.entries(report.pages)) {
	const cell = (m) => `${kb(page[m].raw)} / ${kb(page[m].gzip)}`.padEnd(20);
	console.log(`${type.padEnd(14)}${page.path.padEnd(42)}${cell('html')}${cell('css')}${cell('js')}${kb(page.weight).padEnd(13)}${kb(page.search.gzip)}`);
}
{
	const cell = (m) => `${kb(report.plainStarlightChapter[m].raw)} / ${kb(report.plainStarlightChapter[m].gzip)}`.padEnd(20);
	console.log(`${'(plain Starlight chapter, for comparison)'.padEnd(56)}${cell('html')}${cell('css')}${cell('js')}${kb(report.plainStarlightChapter.weight)}`);
}
if (report.scale) {
	const s = report.scale;
	const seconds = (list) => list.map((ms) => (ms / 1000).toFixed(1)).join(', ');
	console.log(`\nScale: ${s.pages} pages, median of ${s.rounds} builds each, alternating — this site ${s.oursPerPage.toFixed(1)} ms/page, plain Starlight ${s.plainPerPage.toFixed(1)} ms/page, ratio ${s.ratio.toFixed(2)}`);
	console.log(`  builds, in order (s): this site ${seconds(s.times.ours)}; plain Starlight ${seconds(s.times.plain)}`);
}
if (report.lighthouse) {
	const lh = report.lighthouse;
	console.log(`\nLighthouse, mobile (simulated slow 4G, 4× slower CPU): scores out of 100, median of ${lh.runs} runs (1 for pages with no performance budget); ${lh.seconds} s, machine speed index ${lh.benchmarkIndex}`);
	console.log(`${'page'.padEnd(23)}${'path'.padEnd(42)}perf  a11y  b-p   seo   LCP       CLS     TBT`);
	const line = (label, page) =>
		console.log(`${label.padEnd(23)}${page.path.padEnd(42)}${categories.map((c) => String(page.scores[c] ?? '-').padEnd(6)).join('')}${`${(page.lcp / 1000).toFixed(2)} s`.padEnd(10)}${page.cls.toFixed(3).padEnd(8)}${page.tbt} ms`);
	for (const [key, page] of Object.entries(lh.pages)) {
		line(key, page);
		if (lh.plainStarlight[key]) line('  plain Starlight', lh.plainStarlight[key]);
		for (const finding of page.findings) console.log(`    ${finding.category} ${finding.id}: ${finding.title} ${finding.items.join(' ').slice(0, 160)}`);
	}
}
{
	const pct = (v) => `${(v * 100).toFixed(1)} %`;
	console.log(`\nSearch: ${'language'.padEnd(10)}queries  top 1     top 3     MRR@5   sections found`);
	for (const lang of ['en', 'fr']) {
		const r = report.search[lang];
		console.log(`        ${lang.padEnd(10)}${String(r.queries).padEnd(9)}${pct(r.top1).padEnd(10)}${pct(r.top3).padEnd(10)}${r.mrr5.toFixed(3).padEnd(8)}${r.sectionsFound} of ${r.sectionQueries}`);
		for (const miss of r.misses) console.log(`          miss: "${miss.q}" → ${miss.expected} (rank ${miss.rank ?? 'none'}), top: ${miss.top.join(', ') || 'nothing'}`);
	}
}
console.log('\nbudget                                   actual      budget      ');
for (const row of report.budgets) {
	const fmt = (v) => (row.unit === 'score' ? String(v) : row.unit === '×' ? `${v.toFixed(2)}×` : row.unit === 'share' ? v.toFixed(3) : row.unit === 's' ? `${v} s` : kb(v));
	const floor = row.unit === 'score' || row.unit === 'share';
	console.log(`${`${row.page} ${row.metric}`.padEnd(41)}${fmt(row.actual).padEnd(12)}${(floor ? `≥ ${fmt(row.budget)}` : fmt(row.budget)).padEnd(12)}${row.ok ? (floor ? 'met' : 'under') : floor ? 'BELOW' : 'OVER'}`);
}
console.log('\nReport: .bench/report.json');
process.exitCode = report.budgets.every((row) => row.ok) ? 0 : 1;
