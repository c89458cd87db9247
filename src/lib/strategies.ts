import { z } from 'astro/zod';
import { components, headings } from './chapter-source';

/** The two sides of the classroom working alliance that strategies serve. */
export const strategyFactors = ['bond', 'collaboration'] as const;
export type StrategyFactor = (typeof strategyFactors)[number];

/** The fields every strategy card has, in the order they appear. */
export const strategyPartKinds = ['what', 'why', 'steps', 'watch', 'variation'] as const;
export type StrategyPartKind = (typeof strategyPartKinds)[number];

/**
 * What a strategy rests on: a study that tested it (its "why" cites the study), or classroom
 * practice (its "why" is the manual's reasoning, in hedged words).
 */
export const strategyEvidence = ['study', 'practice'] as const;
export type StrategyEvidence = (typeof strategyEvidence)[number];

/** The languages every card exists in (content/docs/<lang>/). */
export const strategyLangs = ['en', 'fr'] as const;
export type StrategyLang = (typeof strategyLangs)[number];

const localized = z.object({ en: z.string().min(1), fr: z.string().min(1) });

/**
 * One strategy of the manual, as the `strategies` collection holds it. Derived from the
 * <Strategy> cards of the chapters (never typed twice): the name is the card's heading in each
 * language, the id is the heading's {#id}, the page is the chapter's slug.
 */
export const strategySchema = z.object({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	page: z.string().min(1),
	factor: z.enum(strategyFactors),
	evidence: z.enum(strategyEvidence),
	name: localized,
	time: localized,
});
export type Strategy = z.infer<typeof strategySchema>;

/** A chapter's source as the catalogue reads it. `path` is only for messages. */
export interface ChapterFile {
	lang: StrategyLang;
	slug: string;
	path: string;
	source: string;
}

/** One <Strategy> card found in one language. */
interface Card {
	id: string;
	lang: StrategyLang;
	page: string;
	where: string;
	factor: string | undefined;
	evidence: string | undefined;
	time: string | undefined;
	name: string | undefined;
}

/**
 * The heading's text as the reader sees it: Markdown markers dropped and the apostrophes and
 * quotation marks the site's smart punctuation would curl, curled.
 */
export function headingName(text: string): string {
	return text
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, '$2')
		.replace(/(\p{L})'(?=\p{L})/gu, '$1’')
		.replace(/(^|[\s(])"(\S)/g, '$1“$2')
		.replace(/"/g, '”')
		.replace(/[ \t]+/g, ' ') // not \s: the no-break spaces of « 2 × 10 » stay
		.trim();
}

const languageName: Record<StrategyLang, string> = { en: 'English', fr: 'French' };
const quoteList = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/**
 * Every <Strategy> card of the chapters, one entry per id with its name and time in each
 * language. Throws one error listing every problem as `path:line <Strategy id="x">: …`, so a
 * card that does not match its heading or its twin in the other language stops the build.
 */
export function buildCatalogue(files: readonly ChapterFile[]): Strategy[] {
	const problems: string[] = [];
	const cards: Card[] = [];

	for (const file of files) {
		const sections = headings(file.source);
		for (const use of components(file.source)) {
			if (use.name !== 'Strategy') continue;
			const { id, factor, evidence, time } = use.attributes;
			const where = `${file.path}:${use.line}`;
			if (!id) {
				problems.push(`${where} <Strategy>: no id (it must be the {#id} of the heading above the card)`);
				continue;
			}
			const say = (message: string) => problems.push(`${where} <Strategy id="${id}">: ${message}`);
			const heading = sections.filter((section) => section.line < use.line).at(-1);
			if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) say('ids are lowercase letters and digits joined by hyphens');
			if (!heading) say('no heading above the card (put it right under "### Name {#' + id + '}")');
			else if (heading.id !== id) say(`the heading above it (line ${heading.line}, "${heading.text}") has ${heading.id ? `id "${heading.id}"` : 'no {#id}'}; it must end with {#${id}}`);
			if (factor === undefined) say(`no factor (factor=${strategyFactors.map((value) => `"${value}"`).join(' or ')})`);
			else if (!(strategyFactors as readonly string[]).includes(factor)) say(`unknown factor "${factor}" (one of ${quoteList(strategyFactors)})`);
			if (evidence === undefined) say(`no evidence (evidence=${strategyEvidence.map((value) => `"${value}"`).join(' or ')})`);
			else if (!(strategyEvidence as readonly string[]).includes(evidence)) say(`unknown evidence "${evidence}" (one of ${quoteList(strategyEvidence)})`);
			if (!time?.trim()) say('no time (time="…": how long it takes, in words)');
			const name = heading?.id === id ? headingName(heading.text) : undefined;
			if (heading?.id === id && !name) say('the heading above it has no text');
			cards.push({ id, lang: file.lang, page: file.slug, where, factor, evidence, time: time?.trim() || undefined, name: name || undefined });
		}
	}

	// An id names one strategy in the whole manual, in each language.
	for (const lang of strategyLangs) {
		const seen = new Map<string, Card>();
		for (const card of cards.filter((entry) => entry.lang === lang)) {
			const first = seen.get(card.id);
			if (first) problems.push(`${card.where} <Strategy id="${card.id}">: id used twice in the manual (also at ${first.where})`);
			else seen.set(card.id, card);
		}
	}

	// Each card has its twin in the other language, on the same page, with the same factor and evidence.
	const catalogue: Strategy[] = [];
	const ids = [...new Set(cards.map((card) => card.id))];
	for (const id of ids) {
		const twins = Object.fromEntries(strategyLangs.map((lang) => [lang, cards.find((card) => card.id === id && card.lang === lang)])) as Record<StrategyLang, Card | undefined>;
		const present = strategyLangs.filter((lang) => twins[lang]);
		const missing = strategyLangs.filter((lang) => !twins[lang]);
		const first = twins[present[0]!]!;
		const say = (card: Card, message: string) => problems.push(`${card.where} <Strategy id="${id}">: ${message}`);
		for (const lang of missing) say(first, `no card with this id in ${languageName[lang]} (content/docs/${lang}/${first.page}.mdx)`);
		if (missing.length > 0) continue;
		const en = twins.en!;
		const fr = twins.fr!;
		if (en.page !== fr.page) say(fr, `on page "${fr.page}" in French but "${en.page}" in English (${en.where})`);
		// (A missing value is reported once, above, not again as a difference.)
		if (en.factor && fr.factor && en.factor !== fr.factor) say(fr, `factor "${fr.factor}" in French but "${en.factor}" in English (${en.where})`);
		if (en.evidence && fr.evidence && en.evidence !== fr.evidence) say(fr, `evidence "${fr.evidence}" in French but "${en.evidence}" in English (${en.where})`);
		const entry = strategySchema.safeParse({
			id,
			page: en.page,
			factor: en.factor,
			evidence: en.evidence,
			name: { en: en.name, fr: fr.name },
			time: { en: en.time, fr: fr.time },
		});
		if (entry.success) catalogue.push(entry.data);
	}

	if (problems.length > 0) {
		// By file and line, so that each card's problems read together.
		const place = (line: string) => line.match(/^(.*?):(\d+) <Strategy/)!;
		const lines = [...new Set(problems)].sort((a, b) => place(a)[1]!.localeCompare(place(b)[1]!) || Number(place(a)[2]) - Number(place(b)[2]));
		throw new Error(`Strategy cards: ${lines.length} problem${lines.length === 1 ? '' : 's'}\n${lines.map((line) => `  ${line}`).join('\n')}`);
	}
	return catalogue;
}

/**
 * The strategies a list of ids names, in the list's order. `where` says who asks (file and
 * field), so that an unknown id stops the build naming the file, the field and the id.
 */
export function resolveStrategies(ids: readonly string[], catalogue: readonly Strategy[], where: string): Strategy[] {
	const byId = new Map(catalogue.map((entry) => [entry.id, entry]));
	const unknown = ids.filter((id) => !byId.has(id));
	if (unknown.length > 0) {
		const known = catalogue.map((entry) => entry.id).join(', ') || 'none';
		throw new Error(`${where}: unknown strategy id${unknown.length > 1 ? 's' : ''} ${quoteList(unknown)} (known: ${known})`);
	}
	const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
	if (twice.length > 0) throw new Error(`${where}: strategy id ${quoteList([...new Set(twice)])} listed twice`);
	return ids.map((id) => byId.get(id)!);
}
