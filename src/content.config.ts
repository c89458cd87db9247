import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { uiStringsSchema } from './lib/ui-strings';
import { referenceSchema } from './lib/references';
import { studentInstrumentSchema } from './lib/student-instrument';
import { instrumentSchema } from './lib/instrument';
import { buildCatalogue, strategyLangs, strategySchema, type ChapterFile } from './lib/strategies';

/** Every chapter's Markdown or MDX source under content/docs/<lang>/, in a stable order. */
function readChapters(root: string): ChapterFile[] {
	return strategyLangs.flatMap((lang) =>
		readdirSync(join(root, lang), { recursive: true })
			.map(String)
			.filter((name) => /\.mdx?$/.test(name))
			.sort()
			.map((name) => {
				const path = join(root, lang, name);
				return { lang, slug: name.replace(/\.mdx?$/, '').split('\\').join('/'), path, source: readFileSync(path, 'utf8') };
			}),
	);
}

/**
 * The `strategies` collection's loader: the catalogue of the chapters' cards, rebuilt in dev
 * when a chapter changes (a renamed heading or a new card shows without a restart). A problem
 * stops the build; in dev it is logged and the last good catalogue stays.
 */
const strategiesLoader: Loader = {
	name: 'cwam-strategies',
	load: async ({ store, parseData, watcher, logger }) => {
		const sync = async () => {
			const catalogue = buildCatalogue(readChapters('content/docs'));
			store.clear();
			for (const entry of catalogue) store.set({ id: entry.id, data: await parseData({ id: entry.id, data: entry }) });
		};
		await sync();
		const onChange = (path: string) => {
			if (/[\\/]content[\\/]docs[\\/].*\.mdx?$/.test(path)) sync().catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
		};
		for (const event of ['add', 'change', 'unlink'] as const) watcher?.on(event, onChange);
	},
};

export const collections = {
	// `keywords`: the everyday words a reader may search with (synonyms, role words) that the page
	// itself does not use; indexed by Pagefind as page metadata (README, "Search").
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: z.object({ keywords: z.array(z.string().min(2)).optional() }) }) }),
	// Starlight's own UI strings plus ours (content/i18n/<lang>.json).
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
	references: defineCollection({ loader: file('content/references.yaml'), schema: referenceSchema }),
	// Self-check instruments, one file each (content/instruments/<id>.yaml): <SelfCheck instrument="<id>" />.
	instruments: defineCollection({ loader: glob({ pattern: '*.{yaml,yml,json}', base: 'content/instruments' }), schema: instrumentSchema }),
	// Student voice's questions (content/instruments/student/<id>.yaml), each mirroring a teacher
	// item: <StudentVoice instrument="<id>" />. A question that mirrors no teacher item, or a teacher
	// item no question mirrors, stops the build naming the file and the field (src/lib/student-voice.ts).
	studentInstruments: defineCollection({ loader: glob({ pattern: '*.{yaml,yml,json}', base: 'content/instruments/student' }), schema: studentInstrumentSchema }),
	// The manual's strategies, derived from the <Strategy> cards of the chapters (never typed twice):
	// id, page, factor, evidence, and the heading and time in each language. The self-check's
	// results, plans and the PDF edition read this; a card that does not match its heading or its
	// twin in the other language stops the build (src/lib/strategies.ts, buildCatalogue).
	strategies: defineCollection({ loader: strategiesLoader, schema: strategySchema }),
};
