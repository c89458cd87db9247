import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSW } from 'workbox-build';
import { injectManifest, manifestCode, manifestPlaceholder, runtimeKey, runtimeOptions } from '../../src/integrations/service-worker';

const entries = [
	{ url: 'index.html', revision: '428b2070abe96d8560aec9b52f60a610' },
	{ url: 'fr/l’accueil/index.html', revision: '0123456789abcdef0123456789abcdef' },
	{ url: '_astro/page.D1x9.js', revision: null },
	{ url: 'odd/"quoted"$&.html', revision: 'ffffffffffffffffffffffffffffffff' },
	{ url: `odd/it's "a" \\ test.html`, revision: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' },
];

describe('manifestCode', () => {
	it('prints entries as compact object literals, a null revision as null', () => {
		expect(manifestCode(entries.slice(0, 3))).toBe(
			'[{url:"index.html",revision:"428b2070abe96d8560aec9b52f60a610"},{url:"fr/l’accueil/index.html",revision:"0123456789abcdef0123456789abcdef"},{url:"_astro/page.D1x9.js",revision:null}]',
		);
		expect(manifestCode([])).toBe('[]');
		// Terser's choice of quotes: the fewer escapes.
		expect(manifestCode([{ url: `a"b'c"\\`, revision: "it's" }])).toBe(`[{url:'a"b\\'c"\\\\',revision:"it's"}]`);
	});
});

describe('injectManifest', () => {
	const placeholder = manifestCode([{ url: manifestPlaceholder, revision: manifestPlaceholder }]);

	it('puts the list where the placeholder is, taking the text literally', () => {
		const out = injectManifest(`a(${placeholder},{directoryIndex:"index.html"})`, entries);
		expect(out).toBe(`a(${manifestCode(entries)},{directoryIndex:"index.html"})`);
		expect(out).toContain(`'odd/"quoted"$&.html'`);
	});

	it('refuses a runtime without the placeholder, or with it twice', () => {
		expect(() => injectManifest('a([])', entries)).toThrow(/placeholder/);
		expect(() => injectManifest(`${placeholder};${placeholder}`, entries)).toThrow(/placeholder/);
	});
});

describe('runtimeKey', () => {
	it('is stable, and changes with any option or version', () => {
		const options = runtimeOptions();
		const versions = { 'workbox-build': '7.4.1', terser: '5.0.0' };
		expect(runtimeKey(options, versions)).toBe(runtimeKey(runtimeOptions(), { ...versions }));
		expect(runtimeKey({ ...options, skipWaiting: false }, versions)).not.toBe(runtimeKey(options, versions));
		expect(runtimeKey({ ...options, ignoreURLParametersMatching: [/^ts$/] }, versions)).not.toBe(runtimeKey(options, versions));
		expect(runtimeKey(options, { ...versions, terser: '5.0.1' })).not.toBe(runtimeKey(options, versions));
	});
});

describe('the bundled runtime', () => {
	it('is what generateSW writes, with the list where the placeholder was', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cwam-sw-test-'));
		try {
			const bundle = async (list: typeof entries) => {
				await generateSW({ ...runtimeOptions(), globDirectory: dir, globPatterns: [], additionalManifestEntries: list, swDest: join(dir, 'sw.js') });
				return readFileSync(join(dir, 'sw.js'), 'utf8');
			};
			const direct = await bundle(entries);
			const injected = injectManifest(await bundle([{ url: manifestPlaceholder, revision: manifestPlaceholder }]), entries);
			// The precache list is printed exactly as generateSW prints it…
			expect(direct).toContain(`(${manifestCode(entries)})`);
			expect(injected).toContain(`(${manifestCode(entries)})`);
			// …and the code around it is the same but for Terser's short names (chosen by letter frequency).
			const shape = (code: string) => code.replace(manifestCode(entries), 'LIST').replace(/\b[A-Za-z_$][\w$]?\b/g, 'x');
			expect(shape(injected)).toBe(shape(direct));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
