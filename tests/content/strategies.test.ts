/**
 * The manual's strategies, as the build derives them from the chapters' <Strategy> cards
 * (src/content.config.ts, the `strategies` collection): the catalogue builds, every strategy
 * the self-check links to exists, and each card says what it rests on. Fails before a build
 * would, naming the file.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { components } from '../../src/lib/chapter-source';
import { instrumentSchema, scoreItemIds } from '../../src/lib/instrument';
import { buildCatalogue, resolveStrategies, strategyLangs, type ChapterFile, type Strategy } from '../../src/lib/strategies';

/** The chapters as src/content.config.ts reads them. */
const chapters: ChapterFile[] = strategyLangs.flatMap((lang) =>
	readdirSync(join('content/docs', lang), { recursive: true })
		.map(String)
		.filter((name) => /\.mdx?$/.test(name))
		.sort()
		.map((name) => {
			const path = join('content/docs', lang, name);
			return { lang, slug: name.replace(/\.mdx?$/, '').split('\\').join('/'), path, source: readFileSync(path, 'utf8') };
		}),
);

/** The catalogue, or the build's error message as the failure. */
function catalogue(): Strategy[] {
	try {
		return buildCatalogue(chapters);
	} catch (error) {
		expect.fail((error as Error).message);
	}
}

const instruments = readdirSync('content/instruments')
	.filter((name) => /\.ya?ml$/.test(name))
	.map((name) => ({ file: `content/instruments/${name}`, instrument: instrumentSchema.parse(parseYaml(readFileSync(`content/instruments/${name}`, 'utf8'))) }));

/** Each card's source, from `<Strategy` to its `</Strategy>`, with where it is. */
const cardSources = chapters.flatMap((chapter) =>
	[...chapter.source.matchAll(/<Strategy\s[\s\S]*?<\/Strategy>/g)].map((match) => ({
		where: `${chapter.path}:${chapter.source.slice(0, match.index).split('\n').length}`,
		attributes: components(match[0])[0]!.attributes,
		source: match[0],
	})),
);

describe('the strategies catalogue', () => {
	it('builds from the chapters: every card matches its heading and its twin', () => {
		const entries = catalogue();
		expect(entries.length).toBeGreaterThan(0);
		for (const entry of entries) expect(entry.name.en, entry.id).not.toBe(entry.name.fr);
	});

	it('every card says what it rests on (evidence="study" or "practice")', () => {
		const missing = cardSources.filter((card) => !card.attributes.evidence).map((card) => `${card.where} <Strategy id="${card.attributes.id}">`);
		expect(missing, 'cards without evidence').toEqual([]);
	});

	it('a card tested in a study cites the study in its "why"', () => {
		const uncited = cardSources
			.filter((card) => card.attributes.evidence === 'study')
			.filter((card) => !/<StrategyPart kind="why">[\s\S]*?<Cite\s[\s\S]*?<\/StrategyPart>/.test(card.source))
			.map((card) => `${card.where} <Strategy id="${card.attributes.id}">`);
		expect(uncited, 'study cards whose "why" has no <Cite>').toEqual([]);
	});
});

describe.each(instruments)('$file', ({ file, instrument }) => {
	it('links only to strategies of the manual, each on the side its score measures', () => {
		const entries = catalogue();
		instrument.scores.forEach((score, index) => {
			const linked = resolveStrategies(score.strategies, entries, `${file} scores.${index}.strategies`);
			// A score of one factor's items links to that factor's strategies (when the factor is one of the manual's).
			const factors = new Set(scoreItemIds(instrument, score).map((id) => instrument.items.find((item) => item.id === id)!.factor));
			const [factor] = factors;
			if (factors.size === 1 && entries.some((entry) => entry.factor === factor)) {
				for (const strategy of linked) expect(strategy.factor, `${file} scores.${index}.strategies: "${strategy.id}"`).toBe(factor);
			}
		});
	});
});

describe('the CWAI teacher self-check', () => {
	it('names its links with the chapters’ headings', () => {
		const { instrument } = instruments.find((entry) => entry.file.endsWith('/cwai-teacher.yaml'))!;
		const entries = catalogue();
		const bond = resolveStrategies(instrument.scores.find((score) => score.id === 'bond')!.strategies, entries, 'bond');
		expect(bond[0]).toMatchObject({ id: 'greeting', page: 'building-the-bond', name: { en: 'Greeting at the door', fr: 'L’accueil à la porte' } });
		expect(resolveStrategies(['goal-check-ins'], entries, 'goal')[0]!.name).toEqual({ en: 'Checking in on goals', fr: 'Faire le point sur les objectifs' });
	});
});
