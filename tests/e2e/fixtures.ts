/**
 * Shared end-to-end fixtures. Every test's page is watched, and the test fails if anything
 * leaves the local origin, a Content-Security-Policy violation fires, a script throws, or the
 * console logs an error. Tests that expect a console error can declare it with `allowConsoleError`.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { expect };

export interface PageWatch {
	/** Every request the page or its workers made, in order. */
	requests: string[];
	outsideRequests: string[];
	cspViolations: string[];
	consoleErrors: string[];
	pageErrors: string[];
	/** Patterns of console errors this test expects (e.g. a deliberately corrupt import). */
	allowConsoleError: (pattern: RegExp) => void;
}

const CSP_PREFIX = '[csp-violation]';

export const test = base.extend<{ watch: PageWatch }>({
	watch: [
		async ({ page, context, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const allowed: RegExp[] = [];
			const watch: PageWatch = {
				requests: [],
				outsideRequests: [],
				cspViolations: [],
				consoleErrors: [],
				pageErrors: [],
				allowConsoleError: (pattern) => allowed.push(pattern),
			};
			context.on('request', (request) => {
				const url = request.url();
				watch.requests.push(url);
				const { protocol, origin: requestOrigin } = new URL(url);
				if (protocol !== 'data:' && protocol !== 'blob:' && requestOrigin !== origin) watch.outsideRequests.push(url);
			});
			// Runs before any page script, outside the page's CSP.
			await context.addInitScript((prefix: string) => {
				document.addEventListener('securitypolicyviolation', (event) => {
					console.error(`${prefix} ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
				});
			}, CSP_PREFIX);
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				const text = message.text();
				if (text.startsWith(CSP_PREFIX)) watch.cspViolations.push(text);
				else if (!allowed.some((pattern) => pattern.test(text))) watch.consoleErrors.push(text);
			});
			page.on('pageerror', (error) => watch.pageErrors.push(error.message));

			await use(watch);

			expect(watch.outsideRequests, 'requests that left the local origin').toEqual([]);
			expect(watch.cspViolations, 'Content-Security-Policy violations').toEqual([]);
			expect(watch.pageErrors, 'uncaught errors in the page').toEqual([]);
			expect(watch.consoleErrors, 'console errors').toEqual([]);
		},
		{ auto: true },
	],
});

/**
 * Makes the browser refuse one localStorage key, as when it blocks site data. Only that key is
 * refused, so that Starlight's own theme script (which does not guard its storage calls) keeps
 * running; a throwing localStorage getter is covered by the unit tests of openStore and saveStore.
 */
export async function blockStorageKey(page: Page, key: string) {
	await page.addInitScript((name) => {
		const { getItem, setItem } = Storage.prototype;
		Storage.prototype.getItem = function (item) {
			if (item === name) throw new DOMException('The operation is insecure.', 'SecurityError');
			return getItem.call(this, item);
		};
		Storage.prototype.setItem = function (item, value) {
			if (item === name) throw new DOMException('The operation is insecure.', 'SecurityError');
			return setItem.call(this, item, value);
		};
	}, key);
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Waits until the page has done what it does after loading: the load event, and Starlight's
 * search box, which it builds when the browser is first idle (at most 2 s after load, see
 * src/client/search-ready.ts). Polls on a timer: a headless browser may paint no frames.
 */
export async function settled(page: Page) {
	await page.waitForFunction(() => document.readyState === 'complete' && (!document.getElementById('starlight__search') || document.querySelector('#starlight__search .pagefind-ui')), null, { polling: 100 });
}

/** Runs axe on the page (or part of it), once it has settled, and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, include?: string) {
	await settled(page);
	let builder = new AxeBuilder({ page }).withTags(wcagTags);
	if (include) builder = builder.include(include);
	const { violations } = await builder.analyze();
	const summary = violations.map(
		(violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The paths of every page in the built sitemap (build first: `npm run build`). */
export function sitemapPaths(): string[] {
	let xml: string;
	try {
		xml = readFileSync(`${distDir}sitemap-0.xml`, 'utf8');
	} catch {
		throw new Error('dist/sitemap-0.xml is missing: run `npm run build` before the end-to-end tests.');
	}
	const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
	if (paths.length === 0) throw new Error('dist/sitemap-0.xml lists no pages');
	return paths;
}

/** The page's language from its path: /en/… or /fr/…; the bilingual landing page is English-first. */
export function langOfPath(path: string): 'en' | 'fr' {
	return path.split('/').includes('fr') ? 'fr' : 'en';
}
