// Screenshots for looking at what you build: each path at 320, 390 and 1280 px, light and dark
// (add --forced-colors for Windows high-contrast emulation), from the built dist/.
// Usage: [PORT=4330] node scripts/screenshots.mjs [--full] [--forced-colors] [--widths=320,820] /en/ /fr/self-check/ …
// Writes .screenshots/<path>-<width>-<scheme>.png and prints each file's name.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './require-chromium.mjs';
import { serveDist } from './serve-dist.mjs';

const args = process.argv.slice(2);
const fullPage = args.includes('--full');
const forcedColors = args.includes('--forced-colors') ? 'active' : 'none';
const widthsArg = args.find((arg) => arg.startsWith('--widths='));
const widths = widthsArg ? widthsArg.slice(9).split(',').map(Number) : [320, 390, 1280];
const paths = args.filter((arg) => !arg.startsWith('--'));
if (paths.length === 0) paths.push('/', '/en/', '/fr/');
const root = resolve(import.meta.dirname, '..');
const out = join(root, '.screenshots');
mkdirSync(out, { recursive: true });
const port = Number(process.env.PORT ?? 4330);
const server = await serveDist(port, join(root, 'dist'));
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
	for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
		for (const width of widths) {
			const context = await browser.newContext({ viewport: { width, height: width < 500 ? 760 : 900 }, colorScheme, forcedColors, serviceWorkers: 'block' });
			const page = await context.newPage();
			for (const path of paths) {
				await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
				const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'landing'}-${width}-${colorScheme}${forcedColors === 'active' ? '-forced' : ''}.png`;
				await page.screenshot({ path: join(out, name), fullPage });
				const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
				console.log(`${name}${scroll > width ? `  (document ${scroll} px wide: horizontal scroll)` : ''}`);
			}
			await context.close();
		}
	}
} finally {
	await browser.close();
	server.close();
}
