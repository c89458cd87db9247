import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { completeCsp, decodeAttribute, hashSource, inlineScripts, styleAttributes } from '../../src/lib/csp';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (head: string, body = '') =>
	`<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-AAA='">${head}</head><body>${body}</body></html>`;
const policy = (html: string) => html.match(/content="([^"]*)"/)![1]!;

describe('hashSource', () => {
	it('is the CSP form of a SHA-256 hash', () => expect(hashSource('alert(1)')).toBe(sha('alert(1)')));

	it('gives each source its own hash, the same when asked again', () => {
		const sources = ['a()', 'b()', 'a()', '', ' a()', 'a()'];
		expect(sources.map(hashSource)).toEqual(sources.map(sha));
	});
});

describe('decodeAttribute', () => {
	it('decodes named, decimal and hex references, and leaves unknown ones', () => {
		expect(decodeAttribute('a&amp;b &quot;c&quot; &#39;d&#x27; &nbsp;')).toBe(`a&b "c" 'd' &nbsp;`);
	});
});

describe('inlineScripts', () => {
	it('finds inline scripts, not external ones or JSON data', () => {
		const html = '<script>one()</script><script src="/a.js"></script><script type="application/ld+json">{}</script><script type="module">two()</script>';
		expect(inlineScripts(html)).toEqual(['one()', 'two()']);
	});
});

describe('styleAttributes', () => {
	it('collects distinct style attribute values inside tags only, decoded', () => {
		const html = `<p style="--x: 1">text with style="fake"</p><span style='color: red'></span><i style="--x: 1"></i><b style="a&amp;b"></b>`;
		expect(styleAttributes(html)).toEqual(['--x: 1', 'color: red', 'a&b']);
	});

	it('finds exactly what scanning every tag of the page finds', () => {
		// The straightforward version: the tag pattern tried at every position of the page.
		const reference = (html: string) => {
			const values = new Set<string>();
			for (const [tag] of html.matchAll(/<[a-z][^<>]*?\sstyle\s*=\s*(?:"[^"]*"|'[^']*')[^<>]*>/gi)) {
				for (const match of tag.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) values.add(decodeAttribute(match[1] ?? match[2] ?? ''));
			}
			return [...values];
		};
		const pieces = ['<', '>', '<p', '<B', '</p>', '<1', ' ', '\n', 'style', ' style=', '=', '"', "'", 'a', '&amp;'];
		const attributes = [' style="a"', ' style = \'b\'', ' STYLE="c"', ' style="--x: 1"', ' title="x>y"', ` title='x style="y"'`, ` style="x<p style='y'>"`, ' style="a&amp;b"'];
		const page = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...attributes)), { maxLength: 30 }).map((parts) => parts.join(''));
		fc.assert(
			fc.property(page, (html) => {
				expect(styleAttributes(html)).toEqual(reference(html));
			}),
			{ numRuns: 20_000 },
		);
		const html = `<p style="a" title='x style="y"'>t style="z" <i>u</i><b data-x="1>2" style="w"><b style="v>"> <a style = "q" STYLE='r'><s style="x<p style='y'>">`;
		expect(styleAttributes(html)).toEqual(reference(html));
		expect(styleAttributes(html)).toEqual(['a', 'y', 'v>', 'q', 'r', "x<p style='y'>"]);
	});
});

describe('completeCsp', () => {
	it('adds a hash for each inline script and keeps the other sources', () => {
		const out = policy(completeCsp(page('<script>theme()</script>')));
		expect(out).toContain(`script-src 'self' ${sha('theme()')};`);
		expect(out).toContain("default-src 'self'");
	});

	it('drops the hashes of scripts and styles the page does not hold, keeps those it does, once each', () => {
		const html = page('<style>p{color:red}</style><script>a()</script><script>a()</script>').replace(
			"script-src 'self' 'sha256-AAA='",
			`script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' ${sha('a()')}; style-src 'self' 'sha384-BBB=' ${sha('p{color:red}')} 'sha256-CCC='`,
		);
		const out = policy(completeCsp(html));
		expect(out).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha('a()')};`);
		expect(out).toContain(`style-src 'self' ${sha('p{color:red}')};`);
		expect(out).not.toMatch(/AAA|BBB|CCC/);
	});

	it('leaves a style-src with no hashes when the page has no <style>', () => {
		const html = page('').replace("script-src 'self' 'sha256-AAA='", `script-src 'self'; style-src 'self' 'sha256-CCC='`);
		expect(policy(completeCsp(html))).toContain("style-src 'self';");
	});

	it('allows style attributes by hash only', () => {
		const out = policy(completeCsp(page('', '<p style="--w: 2px"></p>')));
		expect(out).toContain(`style-src-attr 'unsafe-hashes' ${sha('--w: 2px')}`);
	});

	it('forbids style attributes when a page has none, replacing an earlier directive', () => {
		const html = page('').replace("script-src", "style-src-attr 'unsafe-inline'; script-src");
		const out = policy(completeCsp(html));
		expect(out).toContain("style-src-attr 'none'");
		expect(out).not.toContain('unsafe-inline');
	});

	it('leaves a page without a policy unchanged', () => {
		expect(completeCsp('<html><script>x()</script></html>')).toBe('<html><script>x()</script></html>');
	});

	it('refuses a policy without script-src rather than weaken it', () => {
		expect(() => completeCsp(`<meta http-equiv="content-security-policy" content="default-src 'self'">`)).toThrow(/script-src/);
	});
});
