/**
 * Chapters link to each other as `/en/slug/#id`, whatever the deployment's base path.
 * At build time these root-relative links get the base in front, so the same content works
 * at https://example.org/ and at https://example.org/cwam/.
 */
export function withBase(url: string, base: string): string {
	if (!url.startsWith('/') || url.startsWith('//')) return url; // relative, external or protocol-relative
	const prefix = base.endsWith('/') ? base : `${base}/`;
	if (prefix === '/' || url.startsWith(prefix)) return url;
	return `${prefix}${url.slice(1)}`;
}

/** The address to print after a link in a handout; none for links within the same page. */
export function printUrl(url: string, site: string): string | undefined {
	if (url.startsWith('#') || url === '') return undefined;
	try {
		return new URL(url, site).href;
	} catch {
		return undefined;
	}
}
