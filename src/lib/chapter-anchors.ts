/**
 * Where a chapter and its sections are, once every chapter shares one document: the
 * whole-manual web page and the PDF edition. A section's id (`## Title {#id}`) is unique within
 * its chapter only, so in a shared document it gets its chapter as a prefix:
 * `training/handouts` + `handout-session-1` → `training-handouts--handout-session-1`.
 */
import type { Lang } from './references';

/** The chapter's key in a shared document: its slug with `/` as `-`. */
export function chapterKey(slug: string): string {
	return slug.replace(/^\/+|\/+$/g, '').replace(/\//g, '-');
}

/** The anchor of a chapter's title. */
export function chapterAnchor(slug: string): string {
	return `chapter-${chapterKey(slug)}`;
}

/** The anchor of one of a chapter's sections (or any id on its page). */
export function sectionAnchor(slug: string, id: string): string {
	return `${chapterKey(slug)}--${id}`;
}

/**
 * A link of a chapter (`/en/slug/#id`, `#id`, with or without the site's base path) as a target
 * in the shared document: the section's anchor, or the chapter's when the link has no `#`.
 * Undefined when the link leads outside the document (another language, a page not in it, an
 * external site) or carries a query.
 */
export function sharedTarget(
	href: string,
	{ lang, slug, chapters, base = '/' }: { lang: Lang; slug: string; chapters: ReadonlySet<string>; base?: string },
): string | undefined {
	if (href.startsWith('#')) return href.length > 1 && chapters.has(slug) ? sectionAnchor(slug, decodeURIComponent(href.slice(1))) : undefined;
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const path = href.startsWith(prefix) ? `/${href.slice(prefix.length)}` : href;
	// A link with a query (`?strategy=…`) asks a page to do something: it stays a link to that page.
	const match = path.match(new RegExp(`^/${lang}/([^?#]*?)/?(?:#(.*))?$`));
	if (!match) return undefined;
	const target = match[1] === '' ? 'index' : match[1]!;
	if (!chapters.has(target)) return undefined;
	return match[2] ? sectionAnchor(target, decodeURIComponent(match[2])) : chapterAnchor(target);
}

const idAttributes = ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'aria-errormessage', 'list', 'form', 'headers'];

/**
 * Ids of the self-check's widgets (`sc-<instrument>-…`): each widget is once on a page and already
 * names its ids after itself, and its script finds its fields by them. They stay as they are.
 */
const widgetId = /^sc-/;

/**
 * One chapter's rendered HTML, made fit to share a page with the others: every id gets the
 * chapter's prefix, and so does every attribute that names ids (`for`, `aria-labelledby`…);
 * links to a place in the shared page (`#id`, `/en/other-chapter/#id`) point there. Widget ids
 * (`sc-…`) are kept. Attributes are read as Astro writes them: double-quoted.
 */
export function shareChapterHtml(html: string, options: { lang: Lang; slug: string; chapters: ReadonlySet<string>; base?: string }): string {
	const attributes = new RegExp(`(\\s)(${idAttributes.join('|')})="([^"]*)"`, 'g');
	return html
		.replace(attributes, (_all, space: string, name: string, value: string) => {
			const ids = value
				.split(/\s+/)
				.filter(Boolean)
				.map((id) => (widgetId.test(id) ? id : sectionAnchor(options.slug, id)));
			return `${space}${name}="${ids.join(' ')}"`;
		})
		.replace(/(\shref=")([^"]*)"/g, (all, start: string, href: string) => {
			if (widgetId.test(href.slice(1))) return all;
			const target = sharedTarget(href.replace(/&amp;/g, '&'), options);
			return target ? `${start}#${target}"` : all;
		});
}
