import { z } from 'astro/zod';

/** The chapter types readers can filter search by. */
export const chapterTypes = ['understanding', 'assessment', 'strategy', 'worksheet', 'training', 'resource'] as const;
export type ChapterType = (typeof chapterTypes)[number];

const localized = z.object({ en: z.string().min(1), fr: z.string().min(1) });

export const navigationSchema = z.object({
	groups: z
		.array(
			z.object({
				label: localized,
				chapters: z
					.array(
						z.object({
							slug: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'lower-case words joined by - (and / for a folder)'),
							type: z.enum(chapterTypes),
							minWords: z.number().int().positive().optional(),
						}),
					)
					.min(1),
			}),
		)
		.min(1),
});
export type Navigation = z.infer<typeof navigationSchema>;
export type Chapter = Navigation['groups'][number]['chapters'][number];

/** Parses content/navigation.json, naming the file and field of any problem. */
export function parseNavigation(data: unknown, file = 'content/navigation.json'): Navigation {
	const result = navigationSchema.safeParse(data);
	if (!result.success) {
		const problems = result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
		throw new Error(`Invalid navigation\n${problems.join('\n')}`);
	}
	const seen = new Set<string>();
	result.data.groups.forEach((group, g) =>
		group.chapters.forEach((chapter, c) => {
			if (seen.has(chapter.slug)) throw new Error(`${file}: groups.${g}.chapters.${c}.slug: "${chapter.slug}" is listed twice`);
			seen.add(chapter.slug);
		}),
	);
	return result.data;
}

export function allChapters(nav: Navigation): Chapter[] {
	return nav.groups.flatMap((group) => group.chapters);
}

export function findChapter(nav: Navigation, slug: string): Chapter | undefined {
	return allChapters(nav).find((chapter) => chapter.slug === slug);
}

/**
 * Starlight's sidebar: one group per navigation group, labels in both languages.
 * Chapters not yet written are left out, so the site builds while the manual grows;
 * the parity test is what insists on every chapter.
 */
export function buildSidebar(nav: Navigation, exists: (slug: string) => boolean) {
	return nav.groups
		.map((group) => ({
			label: group.label.en,
			translations: { fr: group.label.fr },
			items: group.chapters.filter((chapter) => exists(chapter.slug)).map((chapter) => chapter.slug),
		}))
		.filter((group) => group.items.length > 0);
}
