import { z } from 'astro/zod';

export type Lang = 'en' | 'fr';

/** One entry of content/references.yaml. */
export const referenceSchema = z.object({
	cite: z.object({ en: z.string().min(1), fr: z.string().min(1) }),
	year: z.number().int().min(1900).max(2100),
	apa: z.string().min(10),
});
export type Reference = z.infer<typeof referenceSchema>;

/** "Cook et al., 2018" in the reader's language. */
export function citationLabel(ref: Reference, lang: Lang): string {
	return `${ref.cite[lang]}, ${ref.year}`;
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

/** APA orders the list by first author's surname, then year. */
export function sortReferences<T extends { id: string; data: Reference }>(refs: T[]): T[] {
	return [...refs].sort((a, b) => a.data.apa.localeCompare(b.data.apa, 'en') || a.data.year - b.data.year);
}
