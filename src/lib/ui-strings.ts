import { z } from 'astro/zod';

/**
 * Our own interface strings, beside Starlight's, in content/i18n/<lang>.json.
 * Every key listed here must be present in every language (tests/unit/ui-strings.test.ts).
 */
export const uiStringKeys = [
	'cwam.landing.intro',
	'cwam.landing.enter',
	'cwam.landing.readManual',
	'cwam.landing.takeSelfCheck',
	'cwam.landing.privacy',
	'cwam.strategy.label',
	'cwam.strategy.factor',
	'cwam.strategy.factor.bond',
	'cwam.strategy.factor.collaboration',
	'cwam.strategy.what',
	'cwam.strategy.why',
	'cwam.strategy.steps',
	'cwam.strategy.time',
	'cwam.strategy.watch',
	'cwam.strategy.variation',
	'cwam.cite.referencesLabel',
	'cwam.worksheet.name',
	'cwam.worksheet.date',
	'cwam.worksheet.print',
	'cwam.chapterType.understanding',
	'cwam.chapterType.assessment',
	'cwam.chapterType.strategy',
	'cwam.chapterType.worksheet',
	'cwam.chapterType.resource',
] as const;
export type UiStringKey = (typeof uiStringKeys)[number];

export const uiStringsSchema = z.object(
	Object.fromEntries(uiStringKeys.map((key) => [key, z.string().min(1).optional()])) as Record<
		UiStringKey,
		z.ZodOptional<z.ZodString>
	>,
);

/** Keys missing from one language's strings, for the parity check. */
export function missingKeys(strings: Record<string, unknown>): UiStringKey[] {
	return uiStringKeys.filter((key) => typeof strings[key] !== 'string' || strings[key] === '');
}
