/**
 * The page tools in the page's language (src/pages/[lang]/page-tools.astro): markup a page needs
 * only now and then (the presentation view, the update notice), fetched when needed. Shared by
 * src/client/chapter-tools.ts and src/client/offline.ts, which the <head> script bundles together.
 */
import { pageToolsUrl } from '../lib/page-tools';

export async function fetchPageTools(): Promise<{ url: string; tools: Document }> {
	const url = pageToolsUrl(import.meta.env.BASE_URL, document.documentElement.lang);
	const response = await fetch(url);
	if (!response.ok) throw new Error(`page tools: ${url} answered ${response.status}`);
	return { url, tools: new DOMParser().parseFromString(await response.text(), 'text/html') };
}
