import { withBase } from './base-path';
import type { Lang } from './references';

/** The site's languages, in the order the landing page shows them. */
export const languages: readonly Lang[] = ['en', 'fr'];

/** Narrows Astro's current locale to one of ours (English when unknown). */
export function localeOf(locale: string | undefined): Lang {
	return locale === 'fr' ? 'fr' : 'en';
}

/** `/base/<lang>/<slug>/`, honouring the deployment's base path. */
export function pageUrl(lang: Lang, slug: string, base: string = import.meta.env.BASE_URL): string {
	const path = slug === '' || slug === 'index' ? '' : `${slug.replace(/^\/|\/$/g, '')}/`;
	return withBase(`/${lang}/${path}`, base);
}
