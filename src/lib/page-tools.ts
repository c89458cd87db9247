/**
 * Where a page finds the markup it needs only now and then (src/pages/[lang]/page-tools.astro):
 * `/base/<lang>/page-tools/`. Used by astro.config.mjs (left out of the sitemap) and by the
 * browser code that fetches it (src/client/page-tools.ts).
 */
export const pageToolsPath = 'page-tools';

/** The address of the page tools for a page's language under a base path ('/' or '/cwam/'). */
export function pageToolsUrl(base: string, lang: string): string {
	return `${base.replace(/\/?$/, '/')}${lang}/${pageToolsPath}/`;
}
