/**
 * The host configurations agree: the nginx block shown in the README is deploy/nginx.conf
 * (which tests/e2e/host.spec.ts runs under a real nginx), and public/_headers (Netlify,
 * Cloudflare Pages) sends the same security headers and long-caches the same files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const nginx = read('deploy/nginx.conf');
const headersFile = read('public/_headers');

/** nginx: each `add_header Name value [always];` of the server block. */
function nginxHeaders(): Map<string, string> {
	const headers = new Map<string, string>();
	for (const [, name, quoted, bare] of nginx.matchAll(/^\s*add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+?))(?:\s+always)?;/gm)) {
		headers.set(name!.toLowerCase(), quoted ?? bare!);
	}
	return headers;
}

/** nginx: the Cache-Control the `map $uri` block gives a path (its first matching regex, else its default). */
function nginxCacheControl(path: string): string | undefined {
	const map = /map \$uri \$cwam_cache_control \{([^}]*)\}/.exec(nginx)?.[1];
	if (!map) throw new Error('deploy/nginx.conf: no "map $uri $cwam_cache_control" block');
	const entries = [...map.matchAll(/^\s*("[^"]*"|\S+)\s+"([^"]*)";/gm)].map(([, key, value]) => [key!.replace(/^"|"$/g, ''), value!] as const);
	const regex = entries.find(([key]) => key.startsWith('~') && new RegExp(key.slice(1)).test(path));
	return (regex ?? entries.find(([key]) => key === 'default'))?.[1];
}

/** _headers: rules in order, each a path pattern and its headers. */
function headerRules(): { pattern: RegExp; headers: Map<string, string> }[] {
	const rules: { pattern: RegExp; headers: Map<string, string> }[] = [];
	for (const line of headersFile.split('\n')) {
		if (/^\s*(#|$)/.test(line)) continue;
		if (!/^\s/.test(line)) {
			const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
			rules.push({ pattern, headers: new Map() });
		} else {
			const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line)!;
			rules.at(-1)!.headers.set(name!.toLowerCase(), value!.trim());
		}
	}
	return rules;
}

/** _headers: what a path gets, the values of several matching rules joined as Cloudflare does. */
function headersFor(path: string): Map<string, string> {
	const result = new Map<string, string>();
	for (const { pattern, headers } of headerRules()) {
		if (!pattern.test(path)) continue;
		for (const [name, value] of headers) result.set(name, result.has(name) ? `${result.get(name)}, ${value}` : value);
	}
	return result;
}

describe('the README shows the nginx configuration', () => {
	it('as deploy/nginx.conf holds it, character for character', () => {
		const blocks = [...read('README.md').matchAll(/^```nginx\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
		expect(blocks, 'README.md should hold one ```nginx block').toHaveLength(1);
		expect(blocks[0], 'the README\'s nginx block and deploy/nginx.conf differ: copy one into the other').toBe(nginx);
	});
});

describe('public/_headers and deploy/nginx.conf', () => {
	const security = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];

	it('send the same security headers on every path', () => {
		const fromNginx = nginxHeaders();
		for (const path of ['/', '/en/self-check/', '/sw.js', '/_astro/page.js', '/404.html']) {
			const fromHeaders = headersFor(path);
			for (const name of security) {
				expect(fromNginx.get(name), `${name} in deploy/nginx.conf`).toBeTruthy();
				expect(fromHeaders.get(name), `${name} for ${path} in public/_headers`).toBe(fromNginx.get(name));
			}
		}
		expect(fromNginx.get('content-security-policy')).toBe("frame-ancestors 'none'");
	});

	it('cache the same files for a year, and no other', () => {
		const immutable = 'public, max-age=31536000, immutable';
		const cases: [string, boolean][] = [
			['/_astro/page.cNngjUgL.js', true],
			['/_astro/index.Cxrd1UoB.css', true],
			['/pagefind/fragment/en_221bfe5.pf_fragment', true],
			['/pagefind/index/en_12d8cd8.pf_index', true],
			['/pagefind/filter/en_3c52423.pf_filter', true],
			['/', false],
			['/en/building-the-bond/', false],
			['/sw.js', false],
			['/favicon.svg', false],
			['/sitemap-index.xml', false],
			['/pagefind/pagefind.js', false],
			['/pagefind/pagefind-entry.json', false],
			['/pagefind/wasm.en.pagefind', false],
		];
		for (const [path, hashed] of cases) {
			expect(nginxCacheControl(path), `nginx Cache-Control of ${path}`).toBe(hashed ? immutable : 'no-cache');
			// Elsewhere the hosts' own default applies: public, max-age=0, must-revalidate.
			expect(headersFor(path).get('cache-control'), `_headers Cache-Control of ${path}`).toBe(hashed ? immutable : undefined);
		}
	});

	it('long-cache the hashed files under a base path too (nginx)', () => {
		expect(nginxCacheControl('/cwam/_astro/page.cNngjUgL.js')).toBe('public, max-age=31536000, immutable');
		expect(nginxCacheControl('/cwam/pagefind/fragment/en_221bfe5.pf_fragment')).toBe('public, max-age=31536000, immutable');
		expect(nginxCacheControl('/cwam/sw.js')).toBe('no-cache');
	});
});
