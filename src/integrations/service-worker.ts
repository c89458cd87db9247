import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { presentParam } from '../lib/slides';

/**
 * Offline reading: after the build, writes dist/sw.js, a Workbox service worker that precaches
 * every page, the bundled assets, the favicon and Pagefind's index (so search works offline),
 * and serves them cache-first; src/client/offline.ts registers it. List it LAST in
 * `integrations`, after every step that writes to dist/ (Pagefind, the CSP completion), so the
 * precache holds the final files. A deployment that changes any file changes sw.js, which is
 * how browsers find the update.
 *
 * Precache URLs are relative to sw.js, which sits at the root of dist/: they resolve under the
 * base path (BASE_PATH) with no configuration. The Workbox runtime is inlined into sw.js (no
 * importScripts, one same-origin file, allowed by the page CSP's script-src 'self').
 */
export function serviceWorkerIntegration(): AstroIntegration {
	let assets = '_astro';
	return {
		name: 'cwam:service-worker',
		hooks: {
			'astro:config:done': ({ config }) => {
				assets = config.build.assets;
			},
			'astro:build:done': async ({ dir, logger }) => {
				// Loaded here only, with Node's own require (Vite's module runner is closed by now):
				// `astro dev` and `astro check` never load it.
				const { generateSW } = createRequire(import.meta.url)('workbox-build') as typeof import('workbox-build');
				const root = fileURLToPath(dir);
				const { count, size, warnings } = await generateSW({
					globDirectory: root,
					globPatterns: ['**/*.html', `${assets}/**/*`, 'favicon.svg', 'pagefind/**/*'],
					// Pagefind's stand-alone UIs: Starlight bundles its own into _astro/.
					globIgnores: ['pagefind/pagefind-*ui.*', 'pagefind/pagefind-highlight.js'],
					swDest: join(root, 'sw.js'),
					mode: 'production',
					inlineWorkboxRuntime: true,
					sourcemap: false,
					skipWaiting: true,
					clientsClaim: true,
					cleanupOutdatedCaches: true,
					// /en/x/ is served from en/x/index.html.
					directoryIndex: 'index.html',
					// Hashed file names need no revision.
					dontCacheBustURLsMatching: new RegExp(`^${assets}/`),
					// ?present (presentation view) and Pagefind's ?ts= cache-buster still find the cached file.
					ignoreURLParametersMatching: [new RegExp(`^${presentParam}$`), /^ts$/, /^utm_/],
					maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
				});
				for (const warning of warnings) logger.warn(warning);
				logger.info(`sw.js precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB) for offline reading`);
			},
		},
	};
}
