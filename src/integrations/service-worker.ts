import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
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
 *
 * Build cost: Workbox's generateSW bundles its runtime with Rollup, Babel and Terser on every
 * build, precache list included (seconds, growing with the number of pages). Here the runtime is
 * bundled once around a placeholder list and kept in Astro's cache folder (keyed by the options
 * and the versions that shape it); each build only lists and hashes the files (Workbox's own
 * getManifest) and puts the list where the placeholder is. The sw.js is the same as generateSW's.
 */

/** The service worker's behaviour: everything generateSW takes except what lists the files. */
export function runtimeOptions() {
	return {
		mode: 'production',
		inlineWorkboxRuntime: true,
		sourcemap: false,
		skipWaiting: true,
		clientsClaim: true,
		cleanupOutdatedCaches: true,
		// /en/x/ is served from en/x/index.html.
		directoryIndex: 'index.html',
		// ?present (presentation view) and Pagefind's ?ts= cache-buster still find the cached file.
		ignoreURLParametersMatching: [new RegExp(`^${presentParam}$`), /^ts$/, /^utm_/],
	};
}

/** What goes into the precache list. */
export function manifestOptions(globDirectory: string, assets: string) {
	return {
		globDirectory,
		globPatterns: ['**/*.html', `${assets}/**/*`, 'favicon.svg', 'pagefind/**/*'],
		// Pagefind's stand-alone UIs: Starlight bundles its own into _astro/. sw.js itself, as generateSW leaves it out.
		globIgnores: ['pagefind/pagefind-*ui.*', 'pagefind/pagefind-highlight.js', 'sw.js'],
		// Hashed file names need no revision.
		dontCacheBustURLsMatching: new RegExp(`^${assets}/`),
		maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
	};
}

export interface ManifestEntry {
	url: string;
	revision: string | null;
}

/** Stands in for the precache list while the runtime is bundled. */
export const manifestPlaceholder = '__CWAM_PRECACHE_MANIFEST__';
const placeholderEntry: ManifestEntry = { url: manifestPlaceholder, revision: manifestPlaceholder };

/** A string literal as Terser prints it: double quotes, unless the text holds more double quotes than single ones. */
function stringCode(text: string): string {
	const json = JSON.stringify(text);
	if ((text.match(/"/g)?.length ?? 0) <= (text.match(/'/g)?.length ?? 0)) return json;
	return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A precache list as Terser prints it in Workbox's bundle: `[{url:"…",revision:"…"},…]`. */
export function manifestCode(entries: readonly ManifestEntry[]): string {
	return `[${entries.map(({ url, revision }) => `{url:${stringCode(url)},revision:${revision === null ? 'null' : stringCode(revision)}}`).join(',')}]`;
}

/** The bundled runtime with the real precache list in place of the placeholder; throws unless the placeholder is there exactly once. */
export function injectManifest(runtime: string, entries: readonly ManifestEntry[]): string {
	const placeholder = manifestCode([placeholderEntry]);
	const at = runtime.indexOf(placeholder);
	if (at === -1 || runtime.indexOf(placeholder, at + 1) !== -1) {
		throw new Error('service worker: the bundled Workbox runtime does not hold its precache placeholder exactly once');
	}
	return runtime.slice(0, at) + manifestCode(entries) + runtime.slice(at + placeholder.length);
}

/** Names the cached runtime: changes with any option or any version of what builds it. */
export function runtimeKey(options: Record<string, unknown>, versions: Record<string, string>): string {
	const json = JSON.stringify({ options, versions }, (_, value: unknown) => (value instanceof RegExp ? String(value) : value));
	return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

const require = createRequire(import.meta.url);

/** Versions of Workbox and of the tools that bundle its runtime. */
function bundlerVersions(): Record<string, string> {
	const fromWorkbox = createRequire(require.resolve('workbox-build'));
	const versions: Record<string, string> = {};
	for (const name of ['workbox-build', 'workbox-core', 'workbox-precaching', 'workbox-routing', 'rollup', 'terser', '@babel/core', '@babel/preset-env']) {
		try {
			versions[name] = (fromWorkbox(`${name}/package.json`) as { version: string }).version;
		} catch {
			versions[name] = 'unknown';
		}
	}
	return versions;
}

/** The bundled runtime around the placeholder list: from the cache, or bundled by generateSW and cached. */
async function bundledRuntime(cacheDir: string): Promise<string> {
	const options = runtimeOptions();
	const file = join(cacheDir, `cwam-sw-runtime-${runtimeKey(options, bundlerVersions())}.js`);
	try {
		return await readFile(file, 'utf8');
	} catch {
		// Not bundled yet with these options and versions.
	}
	// Loaded here only, with Node's own require (Vite's module runner is closed by now):
	// `astro dev` and `astro check` never load it.
	const { generateSW } = require('workbox-build') as typeof import('workbox-build');
	const scratch = await mkdtemp(join(tmpdir(), 'cwam-sw-'));
	try {
		await generateSW({ ...options, globDirectory: scratch, globPatterns: [], additionalManifestEntries: [placeholderEntry], swDest: join(scratch, 'sw.js') });
		const runtime = await readFile(join(scratch, 'sw.js'), 'utf8');
		injectManifest(runtime, []); // checks the placeholder is there, once
		await mkdir(cacheDir, { recursive: true });
		// A new file renamed into place: never rewrites a file in place (node_modules may be hard-linked to another copy).
		const partial = `${file}.${process.pid}.tmp`;
		await writeFile(partial, runtime);
		await rename(partial, file);
		return runtime;
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

export function serviceWorkerIntegration(): AstroIntegration {
	let assets = '_astro';
	let cacheDir = '';
	return {
		name: 'cwam:service-worker',
		hooks: {
			'astro:config:done': ({ config }) => {
				assets = config.build.assets;
				cacheDir = fileURLToPath(config.cacheDir);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				// Workbox's own listing and hashing (getManifest), without its bundler.
				const { getManifest } = require('workbox-build/build/get-manifest') as typeof import('workbox-build/build/get-manifest');
				const [{ count, size, warnings, manifestEntries }, runtime] = await Promise.all([getManifest(manifestOptions(root, assets)), bundledRuntime(cacheDir)]);
				await writeFile(join(root, 'sw.js'), injectManifest(runtime, manifestEntries));
				for (const warning of warnings) logger.warn(warning);
				logger.info(`sw.js precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB) for offline reading`);
			},
		},
	};
}
