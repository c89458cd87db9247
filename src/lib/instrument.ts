import { z } from 'astro/zod';
import type { Lang } from './references';
import type { ScoringModel } from './scoring';
import { resolveStrategies, type Strategy } from './strategies';

/**
 * A self-check instrument as data (content/instruments/<id>.yaml): its items, scale and scoring
 * rules in both languages. The content layer validates each file with `instrumentSchema`, so a
 * missing translation, a duplicate id, an item in no factor or a scale that is not five points
 * stops the build, naming the file (Astro adds it) and the field (the issue's path).
 */

const text = (what: string) =>
	z.string({ error: (issue) => (issue.input === undefined ? `missing ${what}` : `${what} must be text`) }).trim().min(1, `empty ${what}`);

/** Text in every language of the site (also the student questions' schema, student-instrument.ts). */
export const localized = z.object({ en: text('English text'), fr: text('French text (missing translation)') });

/** A stable id: lowercase letters and digits joined by hyphens. */
export const id = z
	.string({ error: (issue) => (issue.input === undefined ? 'missing id' : 'id must be text') })
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase letters and digits joined by hyphens');

const scalePoint = z.object({ value: z.number().int(), label: localized });

const item = z.object({
	id,
	component: z.string({ error: 'each item needs a component' }),
	factor: z.string({ error: 'each item needs a factor (an item in no factor is never scored)' }),
	reverse: z.boolean().default(false),
	text: localized,
});

/** Which items make a score: those of one factor, of one component, or all of them. */
const selector = z.union([z.literal('all'), z.object({ factor: z.string() }).strict(), z.object({ component: z.string() }).strict()]);

const score = z.object({
	id,
	role: z.enum(['main', 'detail', 'overall']),
	label: localized,
	items: selector,
	/**
	 * The manual's strategies for this side, by the stable id of their <Strategy> card (the
	 * `strategies` collection), in display order. Page, link and label come from the card.
	 */
	strategies: z.array(id).default([]),
});

const named = z.object({ id, label: localized });

const duplicates = (ids: string[]) => [...new Set(ids.filter((value, index) => ids.indexOf(value) !== index))];

export const instrumentSchema = z
	.object({
		id,
		version: z.number().int().positive(),
		title: localized,
		instructions: localized,
		scale: z.array(scalePoint).length(5, 'the scale must have exactly 5 points'),
		components: z.array(named).min(1),
		factors: z.array(named).min(1),
		items: z.array(item).min(1),
		scores: z.array(score).min(1),
	})
	.superRefine((data, ctx) => {
		const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

		data.scale.forEach((point, index) => {
			if (point.value !== index + 1) problem(['scale', index, 'value'], `scale values must be 1 to 5 in order; found ${point.value} at position ${index + 1}`);
		});
		for (const [list, ids] of [
			['items', data.items.map((entry) => entry.id)],
			['scores', data.scores.map((entry) => entry.id)],
			['components', data.components.map((entry) => entry.id)],
			['factors', data.factors.map((entry) => entry.id)],
		] as const) {
			for (const dup of duplicates(ids)) problem([list, ids.lastIndexOf(dup), 'id'], `duplicate id "${dup}" in ${list}`);
		}

		const factorIds = data.factors.map((entry) => entry.id);
		const componentIds = data.components.map((entry) => entry.id);
		data.items.forEach((entry, index) => {
			if (!factorIds.includes(entry.factor)) problem(['items', index, 'factor'], `item "${entry.id}" is in no declared factor ("${entry.factor}" is not one of ${factorIds.join(', ')})`);
			if (!componentIds.includes(entry.component)) problem(['items', index, 'component'], `item "${entry.id}" has an unknown component "${entry.component}"`);
		});
		for (const factor of factorIds) {
			if (!data.items.some((entry) => entry.factor === factor)) problem(['factors'], `factor "${factor}" has no items`);
		}

		data.scores.forEach((entry, index) => {
			const { items } = entry;
			if (items !== 'all' && 'factor' in items && !factorIds.includes(items.factor)) problem(['scores', index, 'items', 'factor'], `score "${entry.id}" uses an unknown factor "${items.factor}"`);
			else if (items !== 'all' && 'component' in items && !componentIds.includes(items.component)) problem(['scores', index, 'items', 'component'], `score "${entry.id}" uses an unknown component "${items.component}"`);
		});
		if (!data.scores.some((entry) => entry.role === 'main')) problem(['scores'], 'at least one score needs role "main"');
	});

export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentScore = Instrument['scores'][number];

/** One line per problem, `field: message`, for tests and tooling outside the content layer. */
export function describeProblems(error: z.ZodError): string[] {
	return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** The ids of the items a score is made of, in the order they are asked. */
export function scoreItemIds(instrument: Instrument, entry: InstrumentScore): string[] {
	const { items } = entry;
	return instrument.items
		.filter((question) => items === 'all' || ('factor' in items ? question.factor === items.factor : question.component === items.component))
		.map((question) => question.id);
}

/** Everything scoring needs, and nothing else (it goes to the browser). */
export function scoringModel(instrument: Instrument): ScoringModel {
	return {
		min: 1,
		max: instrument.scale.length,
		items: instrument.items.map(({ id: itemId, reverse }) => ({ id: itemId, reverse })),
		scores: instrument.scores.map((entry) => ({ id: entry.id, items: scoreItemIds(instrument, entry) })),
	};
}

/** A strategy link, in one language. */
export interface LocalStrategy {
	id: string;
	href: string;
	label: string;
}

/** The instrument as the browser script sees it in one language: scoring model plus words. */
export interface ClientInstrument extends ScoringModel {
	id: string;
	version: number;
	scaleLabels: string[];
	itemNumbers: Record<string, number>;
	scoreInfo: { id: string; role: InstrumentScore['role']; label: string; strategies: LocalStrategy[] }[];
}

/**
 * `pageHref('building-the-bond')` is that chapter's URL in the page's language; `catalogue` is
 * the `strategies` collection. An unknown strategy id throws, naming `source` (the instrument's
 * file), the field and the id.
 */
export function clientInstrument(
	instrument: Instrument,
	lang: Lang,
	pageHref: (page: string) => string,
	catalogue: readonly Strategy[],
	source = `content/instruments/${instrument.id}.yaml`,
): ClientInstrument {
	return {
		id: instrument.id,
		version: instrument.version,
		...scoringModel(instrument),
		scaleLabels: instrument.scale.map((point) => point.label[lang]),
		itemNumbers: Object.fromEntries(instrument.items.map((question, index) => [question.id, index + 1])),
		scoreInfo: instrument.scores.map((entry, index) => ({
			id: entry.id,
			role: entry.role,
			label: entry.label[lang],
			strategies: resolveStrategies(entry.strategies, catalogue, `${source} scores.${index}.strategies (score "${entry.id}")`).map((strategy) => ({
				id: strategy.id,
				href: `${pageHref(strategy.page)}#${strategy.id}`,
				label: strategy.name[lang],
			})),
		})),
	};
}
