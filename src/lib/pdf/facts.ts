import type { Lang } from '../references';

/** A file's size as readers write it: "850 KB", "1.4 MB"; in French "850 ko", "1,4 Mo". */
export function fileSize(bytes: number, lang: Lang): string {
	const kilo = bytes / 1000;
	const [amount, unit] = kilo < 1000 ? [Math.max(1, Math.round(kilo)), lang === 'fr' ? 'ko' : 'KB'] : [Math.round(kilo / 100) / 10, lang === 'fr' ? 'Mo' : 'MB'];
	return `${new Intl.NumberFormat(`${lang}-CA`).format(amount)}\u00a0${unit}`;
}

/** "1.4 MB, 96 pages" from the page's templates (`{size}`, `{pages}`): one for a single page, one for more. */
export function pdfFactsText(facts: { bytes: number; pages: number }, lang: Lang, templates: { one: string; many: string }): string {
	const template = facts.pages === 1 ? templates.one : templates.many;
	return template.replace('{size}', fileSize(facts.bytes, lang)).replace('{pages}', new Intl.NumberFormat(`${lang}-CA`).format(facts.pages));
}
