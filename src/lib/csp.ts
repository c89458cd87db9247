import { createHash } from 'node:crypto';

/**
 * Completes the Content-Security-Policy that Astro writes into each built page.
 *
 * Astro hashes the scripts and styles it bundles, but not `<script is:inline>` blocks
 * (withastro/astro#16678), and Starlight ships several (theme, sidebar, search). Rather than
 * loosen the policy with 'unsafe-inline', we hash exactly the inline scripts each page holds.
 * Inline `style="…"` attributes (Starlight's icons and sidebar use CSS variables in them) are
 * allowed the same way, one hash per value, through `style-src-attr 'unsafe-hashes'`.
 */
export function hashSource(source: string): string {
	let hash = hashes.get(source);
	if (hash === undefined) {
		hash = `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
		// Every page holds the same few scripts and style values: each is hashed once per build.
		if (hashes.size >= 10_000) hashes.clear();
		hashes.set(source, hash);
	}
	return hash;
}
const hashes = new Map<string, string>();

const entities: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** Decodes the character references an attribute value may hold, as the browser does before hashing. */
export function decodeAttribute(value: string): string {
	if (!value.includes('&')) return value;
	return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return String.fromCodePoint(code);
		}
		return entities[ref.toLowerCase()] ?? match;
	});
}

export function inlineScripts(html: string): string[] {
	return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
		.filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs!) && !/type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs!))
		.map(([, , body]) => body!);
}

/** A tag holding a style attribute, tried only where such a tag can start (sticky). */
const styledTag = /<[a-z][^<>]*?\sstyle\s*=\s*(?:"[^"]*"|'[^']*')[^<>]*>/iy;

export function styleAttributes(html: string): string[] {
	// Only attributes inside tags, not text that happens to read `style="`.
	const values = new Set<string>();
	// A tag with a style attribute starts at the last `<` before some `style=`: the pattern is tried
	// there only, rather than at every `<` of the page (most tags have no style). Same matches, in
	// the same order, as scanning the whole page with it.
	let end = 0;
	for (const { index } of html.matchAll(/\sstyle\s*=/gi)) {
		const start = html.lastIndexOf('<', index);
		if (start < end) continue;
		styledTag.lastIndex = start;
		const tag = styledTag.exec(html)?.[0];
		if (tag === undefined) continue;
		end = start + tag.length;
		for (const match of tag.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) values.add(decodeAttribute(match[1] ?? match[2] ?? ''));
	}
	return [...values];
}

export function inlineStyles(html: string): string[] {
	return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => body!);
}

/** A directive's sources other than hashes, then the hashes of the given inline blocks, each once. */
function onlyHashesOf(directive: string, blocks: string[]): string {
	const sources = new Set(directive.split(/\s+/).filter((source) => !/^'sha(256|384|512)-/.test(source)));
	for (const block of blocks) sources.add(hashSource(block));
	return [...sources].join(' ');
}

const metaPattern = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;

/** Returns the page with every inline script and style attribute it holds allowed by hash; unchanged if it has no CSP. */
export function completeCsp(html: string): string {
	const meta = html.match(metaPattern);
	if (!meta) return html;
	const directives = meta[2]!
		.split(';')
		.map((directive) => directive.trim())
		.filter(Boolean);
	const scriptIndex = directives.findIndex((directive) => directive.startsWith('script-src '));
	if (scriptIndex === -1) throw new Error('the page’s Content-Security-Policy has no script-src');
	// Astro lists the hash of every script and style it bundled anywhere in the site on every page;
	// a hash only allows an inline block, so each page keeps the hashes of its own blocks and no others
	// (external files come under 'self'). That keeps a chapter's first response inside one round trip.
	directives[scriptIndex] = onlyHashesOf(directives[scriptIndex]!, inlineScripts(html));
	const styleIndex = directives.findIndex((directive) => directive.startsWith('style-src '));
	if (styleIndex !== -1) directives[styleIndex] = onlyHashesOf(directives[styleIndex]!, inlineStyles(html));

	const styleHashes = styleAttributes(html).map(hashSource);
	const attrDirective = styleHashes.length > 0 ? `style-src-attr 'unsafe-hashes' ${styleHashes.join(' ')}` : "style-src-attr 'none'";
	const attrIndex = directives.findIndex((directive) => directive.startsWith('style-src-attr'));
	if (attrIndex === -1) directives.push(attrDirective);
	else directives[attrIndex] = attrDirective;

	return html.replace(metaPattern, (_, start: string, _content: string, end: string) => `${start}${directives.join('; ')}${end}`);
}
