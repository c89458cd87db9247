/**
 * Offline reading, in both languages: after a first visit the service worker (dist/sw.js) holds
 * the whole site, so with the network cut the reader opens other chapters, searches and completes
 * a self-check. A new deployment is announced once, in the page's language, never on the first
 * install. Service workers are blocked in every other spec (tests/playwright.config.ts).
 *
 * To deploy while a test runs, each worker serves its own copy of dist/ (a browser fetches the
 * service worker's script itself, out of reach of page.route), and a deployment rewrites that
 * copy's sw.js.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Request, Response } from '@playwright/test';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { expect, expectNoAxeViolations, test as base } from './fixtures';

interface Site {
	url: string;
	/** Publishes a new deployment: a different sw.js. */
	deploy: () => void;
}

const freePort = () =>
	new Promise<number>((done) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});

const test = base.extend<object, { site: Site }>({
	site: [
		async ({}, use) => {
			const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
			if (!existsSync(join(dist, 'sw.js'))) throw new Error('dist/sw.js is missing: run `npm run build` before the end-to-end tests.');
			const dir = mkdtempSync(join(tmpdir(), 'cwam-offline-'));
			cpSync(dist, dir, { recursive: true });
			const sw = join(dir, 'sw.js');
			const original = readFileSync(sw, 'utf8');
			let deployments = 0;
			const port = await freePort();
			const server = (await serveDist(port, dir)) as Server;
			await use({ url: `http://127.0.0.1:${port}`, deploy: () => writeFileSync(sw, `${original}\n// deployment ${++deployments}\n`) });
			server.close();
			rmSync(dir, { recursive: true, force: true });
		},
		{ scope: 'worker' },
	],
	baseURL: async ({ site }, use) => use(site.url),
});
test.use({ serviceWorkers: 'allow' });

type Lang = 'en' | 'fr';
const langs: Lang[] = ['en', 'fr'];

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const strings = (lang: Lang) => JSON.parse(read(`content/i18n/${lang}.json`)) as Record<string, string>;
/** A chapter's title, from its front matter: the page's h1. */
const titleOf = (lang: Lang, slug: string) => {
	const title = /^title:\s*(.+)$/m.exec(read(`content/docs/${lang}/${slug}.mdx`))?.[1]?.trim() ?? '';
	return title.replace(/^(['"])(.*)\1$/, '$2');
};

const notice = (page: Page) => page.locator('.offline-notice');

/** Opens a page and waits until the service worker has precached the site and controls the page. */
async function install(page: Page, path: string) {
	await page.goto(path);
	const controlled = await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
		return Boolean(navigator.serviceWorker.controller);
	});
	expect(controlled, 'the service worker controls the page').toBe(true);
}

/** Publishes a new deployment and waits until its service worker has taken over the page. */
async function deploy(site: Site, page: Page) {
	site.deploy();
	await page.evaluate(async () => {
		const taken = new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
		await (await navigator.serviceWorker.getRegistration())!.update();
		await taken;
	});
}

/** Records what reaches the network: responses the service worker did not give, and its own fetches. */
function networkUse(context: BrowserContext, page: Page) {
	const urls: string[] = [];
	page.on('response', (response: Response) => {
		if (!response.fromServiceWorker()) urls.push(response.url());
	});
	context.on('request', (request: Request) => {
		if (request.serviceWorker()) urls.push(`(service worker) ${request.url()}`);
	});
	return urls;
}

// One answer pattern with known scores (see self-check.spec.ts): Bond 3.75.
const answers: Record<string, number> = { b1: 4, t1: 4, g2: 4, b2: 4, g1: 5, t3: 4, b3: 3, g3: 4, t2: 5, b4: 4, t4: 4, g4: 5 };
const bondLine = { en: 'Bond: 3.75 on the 1 to 5 scale', fr: 'Lien\u00a0: 3,75 sur l’échelle de 1 à 5' };

test('a first visit to the bilingual landing page is enough to read offline', async ({ context, page }) => {
	await install(page, '/');
	await context.setOffline(true);
	for (const lang of langs) {
		await page.goto(`/${lang}/building-the-bond/`);
		await expect(page.locator('h1')).toHaveText(titleOf(lang, 'building-the-bond'));
	}
	await context.setOffline(false);
});

for (const lang of langs) {
	test.describe(`offline (${lang})`, () => {
		test('after a first visit, chapters, search and the self-check work with the network cut', async ({ context, page }) => {
			await install(page, `/${lang}/why-relationships-matter/`);
			await expect(notice(page), 'no notice on the first install').toHaveCount(0);

			const fromNetwork = networkUse(context, page);
			await context.setOffline(true);

			await page.goto(`/${lang}/`);
			await expect(page.locator('h1')).toHaveText(titleOf(lang, 'index'));
			await page.goto(`/${lang}/about/`);
			await expect(page.locator('h1')).toHaveText(titleOf(lang, 'about'));
			// The presentation view's address (?present) is served from the same cached page, and its
			// controls and QR code (fetched from the page tools) come from the cache too.
			await page.goto(`/${lang}/about/?present`);
			await expect(page.locator('h1')).toHaveText(titleOf(lang, 'about'));
			await expect(page.locator('.present-controls')).toBeVisible();
			await expect(page.locator('.present-qr svg path')).toHaveAttribute('d', /^M/);

			// Search: Pagefind's index is in the cache too.
			await page.goto(`/${lang}/`);
			await page.locator('site-search button[data-open-modal]').click();
			await page.locator('#starlight__search .pagefind-ui__search-input').fill('alliance');
			const results = page.locator('#starlight__search .pagefind-ui__result-link');
			await expect(results.first()).toBeVisible();
			for (const href of await results.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))) {
				expect(href).toMatch(new RegExp(`^/${lang}/`));
			}

			// The self-check, completed and scored offline.
			await page.goto(`/${lang}/self-check/`);
			await expect(page.locator('h1')).toHaveText(titleOf(lang, 'self-check'));
			await expect(page.locator('[data-sc-actions]')).toBeVisible();
			await page.locator('[data-sc-student]').fill('OFF');
			for (const [item, value] of Object.entries(answers)) await page.locator(`input[name="sc-cwai-teacher-${item}"][value="${value}"]`).check();
			await page.getByRole('button', { name: strings(lang)['cwam.selfcheck.submit']! }).click();
			const shown = page.locator('[data-sc-results]');
			await expect(shown).toBeVisible();
			await expect(shown.getByRole('heading')).toHaveText(strings(lang)['cwam.selfcheck.resultsTitle']!.replace('{label}', 'OFF'));
			await expect(shown).toContainText(bondLine[lang]);

			expect(fromNetwork, 'what reached the network while offline').toEqual([]);
		});

		test('announces a new deployment once, in the page’s language, and Reload shows it', async ({ site, page }) => {
			const t = strings(lang);
			await install(page, `/${lang}/about/`);
			await expect(notice(page), 'no notice on the first install').toHaveCount(0);

			await deploy(site, page);
			const shown = notice(page);
			await expect(shown).toBeVisible();
			await expect(shown).toHaveAttribute('role', 'status');
			await expect(shown.locator('p')).toHaveText(t['cwam.offline.updated']!);
			await expect(shown.getByRole('button')).toHaveText([t['cwam.offline.reload']!, t['cwam.offline.dismiss']!]);
			await expectNoAxeViolations(page);
			await page.emulateMedia({ colorScheme: 'dark' });
			await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
			await expectNoAxeViolations(page, '.offline-notice');

			// Another deployment while the notice is up: still one notice.
			await deploy(site, page);
			await expect(notice(page)).toHaveCount(1);

			// Reload: the new version, controlled from the start, so nothing to announce.
			const reloaded = page.waitForEvent('framenavigated');
			await shown.getByRole('button', { name: t['cwam.offline.reload']! }).click();
			await reloaded;
			await page.waitForLoadState('load');
			await expect(page.locator('h1')).toHaveText(titleOf(lang, 'about'));
			expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
			await expect(notice(page)).toHaveCount(0);
		});

		test('a dismissed notice goes away and is not shown again on the same page', async ({ site, page }) => {
			const t = strings(lang);
			await install(page, `/${lang}/self-check/`);
			await deploy(site, page);
			await expect(notice(page)).toBeVisible();
			await notice(page).getByRole('button', { name: t['cwam.offline.dismiss']! }).click();
			await expect(notice(page)).toHaveCount(0);
			await deploy(site, page);
			await expect(notice(page)).toHaveCount(0);
		});
	});
}
