import { z } from 'astro/zod';

export type Lang = 'en' | 'fr';

/**
 * One entry of content/references.yaml. A `work` (the default: article, book, thesis) has a year;
 * a `law` is cited by its name and article, with no year, and may have its full reference
 * written in each language (`apa: { en, fr }`).
 */
export const referenceSchema = z
	.object({
		kind: z.enum(['work', 'law']).default('work'),
		cite: z.object({ en: z.string().min(1), fr: z.string().min(1) }),
		year: z.number().int().min(1900).max(2100).optional(),
		apa: z.union([z.string().min(10), z.object({ en: z.string().min(10), fr: z.string().min(10) })], {
			error: 'the full reference (APA): one text, or { en, fr } for a law written in each language',
		}),
	})
	.superRefine((ref, ctx) => {
		if (ref.kind === 'work' && ref.year === undefined) {
			ctx.addIssue({ code: 'custom', path: ['year'], message: 'a work needs its year (only a `kind: law` reference has none)' });
		}
	});
export type Reference = z.infer<typeof referenceSchema>;

/** "Cook et al., 2018" in the reader's language; a law has no year: "Youth Protection Act, art. 39". */
export function citationLabel(ref: Reference, lang: Lang): string {
	return ref.year === undefined ? ref.cite[lang] : `${ref.cite[lang]}, ${ref.year}`;
}

/** The full reference in the reader's language (most are the same text in both). */
export function apaText(ref: Reference, lang: Lang): string {
	return typeof ref.apa === 'string' ? ref.apa : ref.apa[lang];
}

/** Splits `<Cite id="a b" />` into keys, rejecting an empty list. */
export function parseCiteIds(ids: string): string[] {
	const keys = ids.split(/[\s,]+/).filter(Boolean);
	if (keys.length === 0) throw new Error('<Cite> needs at least one reference id');
	return keys;
}

/** APA text uses *italics* and bare DOI/URLs: turn both into HTML, escaping the rest. */
export function apaToHtml(apa: string): string {
	const escaped = apa.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return escaped
		.replace(/\*([^*]+)\*/g, '<em>$1</em>')
		.replace(/(https?:\/\/\S+?)(?=[\s]|$)/g, (url) => `<a href="${url}">${url}</a>`);
}

/** APA orders the list by first author's surname (or a law's name), then year, in the reader's language. */
export function sortReferences<T extends { id: string; data: Reference }>(refs: T[], lang: Lang): T[] {
	return [...refs].sort(
		(a, b) => apaText(a.data, lang).localeCompare(apaText(b.data, lang), lang) || (a.data.year ?? 0) - (b.data.year ?? 0),
	);
}
