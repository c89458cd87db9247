/**
 * Served safely on any host: the site under a real nginx with the README's server block
 * (deploy/nginx.conf, started by scripts/serve-nginx.mjs as the second webServer of
 * tests/playwright.config.ts). Security and caching headers, 404, compression, every page type
 * in both languages with no CSP violation (the shared fixture), and no framing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { APIResponse } from '@playwright/test';
import { nginxPort } from '../playwright.config';
import { expect, test } from './fixtures';

const origin = `http://127.0.0.1:${nginxPort}`;
test.use({ baseURL: origin });

const dist = new URL('../../dist/', import.meta.url);
const distFile = (path: string) => readFileSync(new URL(path, dist));
/** The first built file of a dist/ folder whose name ends with `suffix`. */
function builtFile(folder: string, suffix: string): string {
	const name = readdirSync(new URL(folder, dist)).find((file) => file.endsWith(suffix));
	if (!name) throw new Error(`no *${suffix} in dist/${folder}: run \`npm run build\` first`);
	return `/${folder}${name}`;
}

const chapter = 'building-the-bond';
const uiString = (lang: 'en' | 'fr', key: string) => (JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>)[key];

const security = {
	'content-security-policy': "frame-ancestors 'none'",
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
};
/** Powerful features the site never uses: each must be denied. */
const denied = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'midi', 'display-capture', 'browsing-topics', 'interest-cohort', 'clipboard-read'];

const revalidate = 'no-cache';
const immutable = 'public, max-age=31536000, immutable';
const caching: [kind: string, path: () => string, cacheControl: string][] = [
	['the landing page', () => '/', revalidate],
	['a chapter', () => `/en/${chapter}/`, revalidate],
	['the French self-check', () => '/fr/self-check/', revalidate],
	['the service worker', () => '/sw.js', revalidate],
	['the favicon', () => '/favicon.svg', revalidate],
	['the sitemap', () => '/sitemap-index.xml', revalidate],
	// Same name for every edition: revalidated, so a reader gets the new edition at once.
	['the French PDF edition', () => '/fr/pdf/manuel-alliance-de-travail-en-classe.pdf', revalidate],
	['Pagefind’s entry script', () => '/pagefind/pagefind.js', revalidate],
	['Pagefind’s entry index', () => '/pagefind/pagefind-entry.json', revalidate],
	['Pagefind’s WebAssembly (not content-hashed)', () => '/pagefind/wasm.en.pagefind', revalidate],
	['a bundled script', () => builtFile('_astro/', '.js'), immutable],
	['a bundled stylesheet', () => builtFile('_astro/', '.css'), immutable],
	['a Pagefind fragment', () => builtFile('pagefind/fragment/', '.pf_fragment'), immutable],
	['a Pagefind index chunk', () => builtFile('pagefind/index/', '.pf_index'), immutable],
	['a Pagefind filter', () => builtFile('pagefind/filter/', '.pf_filter'), immutable],
];

function expectSecurityHeaders(response: APIResponse, what: string) {
	const headers = response.headers();
	for (const [name, value] of Object.entries(security)) expect(headers[name], `${name} on ${what}`).toBe(value);
	const policy = headers['permissions-policy'] ?? '';
	for (const feature of denied) expect(policy, `Permissions-Policy on ${what} should deny ${feature}`).toContain(`${feature}=()`);
	expect(policy, 'Permissions-Policy must leave clipboard-write alone (copy-link buttons)').not.toContain('clipboard-write');
}

test.describe('nginx headers', () => {
	test('pages and other files carry the security headers', async ({ request }) => {
		for (const path of ['/', '/en/', '/fr/self-check/', '/en/whole-manual/', '/sw.js', '/en/pdf/goal-agreement.pdf']) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expectSecurityHeaders(response, path);
		}
		expect((await request.get('/en/pdf/goal-agreement.pdf')).headers()['content-type']).toBe('application/pdf');
	});

	for (const [kind, path, cacheControl] of caching) {
		test(`${kind} is served with Cache-Control: ${cacheControl}`, async ({ request }) => {
			const response = await request.get(path());
			expect(response.status(), path()).toBe(200);
			expect(response.headers()['cache-control'], `Cache-Control of ${path()}`).toBe(cacheControl);
		});
	}

	test('/en/x/ is served from en/x/index.html, and /en/x redirects there', async ({ request }) => {
		const page = await request.get('/en/self-check/');
		expect(page.status()).toBe(200);
		expect(await page.body()).toEqual(distFile('en/self-check/index.html'));
		const bare = await request.get('/en/self-check', { maxRedirects: 0 });
		expect(bare.status()).toBe(301);
		expect(bare.headers()['location']).toBe('/en/self-check/');
	});

	test('an unknown path answers 404 with the 404 page, its security headers and no long caching', async ({ request }) => {
		for (const path of ['/en/no-such-chapter/', '/_astro/no-such-file.js', '/pagefind/fragment/no-such.pf_fragment']) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(404);
			expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
			expect(await response.body(), `${path} should answer with dist/404.html`).toEqual(distFile('404.html'));
			expectSecurityHeaders(response, `the 404 page (${path})`);
			expect(response.headers()['cache-control'], path).toBe(revalidate);
		}
	});

	test('HTML, JS, CSS, JSON, SVG and XML are gzipped when the browser accepts it', async ({ request }) => {
		const paths = ['/en/', builtFile('_astro/', '.js'), builtFile('_astro/', '.css'), '/sw.js', '/pagefind/pagefind-entry.json', '/favicon.svg', '/sitemap-0.xml'];
		for (const path of paths) {
			const gzipped = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
			expect(gzipped.headers()['content-encoding'], `${path} with Accept-Encoding: gzip`).toBe('gzip');
			expect(gzipped.headers()['vary'], path).toMatch(/Accept-Encoding/i);
			const file = distFile(path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));
			expect(await gzipped.body(), `${path} unzipped should be the built file`).toEqual(file);
			const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
			expect(plain.headers()['content-encoding'], `${path} without gzip`).toBeUndefined();
		}
	});
});

test.describe('the site under nginx', () => {
	for (const path of ['/', '/en/', '/fr/', '/en/whole-manual/', '/fr/whole-manual/']) {
		test(`${path} loads with no CSP violation or error`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.locator('h1')).toBeVisible();
		});
	}

	for (const lang of ['en', 'fr'] as const) {
		test(`a ${lang} chapter: Permissions-Policy denies only what the site never uses; copy-link and search work`, async ({ page, context }) => {
			await context.grantPermissions(['clipboard-write']);
			const response = await page.goto(`/${lang}/${chapter}/`);
			expect(response?.status()).toBe(200);
			const features = (response!.headers()['permissions-policy'] ?? '').split(',').map((entry) => entry.trim().replace(/=\(\)$/, ''));
			const policy = await page.evaluate(() => {
				const featurePolicy = (document as Document & { featurePolicy?: { features(): string[]; allowedFeatures(): string[] } }).featurePolicy!;
				return { known: featurePolicy.features(), allowed: featurePolicy.allowedFeatures() };
			});
			// Each feature is one Chromium knows (a misspelt one would deny nothing) and is denied.
			expect(features.filter((feature) => !policy.known.includes(feature)), 'features Chromium does not know').toEqual([]);
			expect(features.filter((feature) => policy.allowed.includes(feature)), 'features still allowed').toEqual([]);
			expect(policy.allowed).toContain('clipboard-write');

			// The copy-link button really writes to the clipboard (else it says so and changes the address).
			await page.locator('.sl-heading-wrapper:has(#greeting) button.copy-link').click();
			await expect(page.locator('.sl-heading-wrapper:has(#greeting) .copy-link-feedback')).toHaveText(uiString(lang, 'cwam.section.copied'));
			expect(new URL(page.url()).hash).toBe('');

			// Pagefind's script, WebAssembly and index, as nginx serves them (nosniff, gzip).
			await page.locator('site-search button[data-open-modal]').click();
			await page.locator('#starlight__search input.pagefind-ui__search-input').fill(lang === 'en' ? 'trust' : 'confiance');
			// Loading the WebAssembly and index can take a while on a busy machine.
			await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toHaveAttribute('href', new RegExp(`^/${lang}/`), { timeout: 20_000 });
		});

		test(`the ${lang} self-check runs and saves a draft in the browser`, async ({ page }) => {
			await page.goto(`/${lang}/self-check/`);
			await expect(page.locator('[data-sc-actions]')).toBeVisible();
			await page.locator('[data-sc-student]').fill('K.B.');
			for (const [item, value] of [['b1', 4], ['t1', 3], ['g2', 5]] as const) await page.locator(`input[name="sc-cwai-teacher-${item}"][value="${value}"]`).check();
			await expect(page.locator('[data-sc-progress]')).toContainText('3');
			await expect.poll(() => page.evaluate(() => localStorage.getItem('cwam.self-check'))).toContain('K.B.');
		});

		test(`a ${lang} worksheet loads`, async ({ page }) => {
			const response = await page.goto(`/${lang}/worksheets/goal-agreement/`);
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1')).toBeVisible();
		});
	}

	test('an unknown path shows the bilingual 404 page', async ({ page, watch }) => {
		watch.allowConsoleError(/status of 404/);
		const response = await page.goto('/fr/no-such-chapter/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: 'Page not found', exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Page introuvable', exact: true })).toBeVisible();
	});

	test('no page can be framed, not even by the same origin', async ({ page, watch }) => {
		const blocked = /^Framing '.*' violates the following Content Security Policy directive: "frame-ancestors 'none'"/;
		watch.allowConsoleError(blocked);
		const messages: string[] = [];
		page.on('console', (message) => messages.push(message.text()));
		// A framing page on the same origin, with no headers of its own, and a control page that may be framed.
		await page.route(`${origin}/framer.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Framer</title>' }));
		await page.route(`${origin}/control.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Control</title><h1>Framed</h1>' }));
		await page.goto('/framer.html');
		const frame = (src: string) =>
			page.evaluate(
				(src) =>
					new Promise<string | null>((resolve) => {
						const iframe = document.createElement('iframe');
						iframe.addEventListener('load', () => resolve(iframe.contentDocument?.querySelector('h1')?.textContent ?? null));
						iframe.src = src;
						document.body.append(iframe);
					}),
				src,
			);
		expect(await frame('/control.html'), 'the control page should load in a frame').toBe('Framed');
		for (const path of ['/en/self-check/', '/fr/']) {
			expect(await frame(path), `${path} should not load in a frame`).toBeNull();
		}
		await expect.poll(() => messages.filter((text) => blocked.test(text)).length, 'Chromium reports each frame-ancestors block').toBe(2);
	});
});
