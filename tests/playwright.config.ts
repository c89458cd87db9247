import { defineConfig } from '@playwright/test';
import { findChromium } from '../scripts/require-chromium.mjs';
import { findNginx, noNginxMessage } from '../scripts/serve-nginx.mjs';

// The tests run against the production build (`npm run build` first), served on its own port
// so they never collide with a site you are running on 4321.
export const port = Number(process.env.E2E_PORT ?? 4322);
// tests/e2e/host.spec.ts runs the site under a real nginx with the README's configuration, on the next port.
export const nginxPort = port + 1;
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium: run `node scripts/require-chromium.mjs` for how to install one.');
if (!findNginx()) throw new Error(noNginxMessage);

export default defineConfig({
	testDir: './e2e',
	outputDir: '../test-results',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: true,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	// Two workers share two cores with the browser and the server: a page can take a few seconds
	// to settle. Assertions wait on state, never on time; this is only how long they may wait.
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		// The offline service worker precaches the whole site in the background, which would break the
		// tests that allow no request after load: only tests/e2e/offline.spec.ts allows it.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
	webServer: [
		{
			command: `node scripts/serve-dist.mjs ${port} dist`,
			cwd: '..',
			url: `http://127.0.0.1:${port}/`,
			env: { ASTRO_TELEMETRY_DISABLED: '1' },
			reuseExistingServer: false,
			timeout: 60_000,
		},
		{
			command: `node scripts/serve-nginx.mjs ${nginxPort} dist`,
			cwd: '..',
			url: `http://127.0.0.1:${nginxPort}/`,
			reuseExistingServer: false,
			timeout: 60_000,
			// SIGTERM lets the script stop nginx and remove its temporary folder.
			gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		},
	],
});
