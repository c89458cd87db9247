/**
 * The manual as a whole: every chapter in both languages, twins with the same structure,
 * long enough, well cited, and French set the Quebec way. Failures name the file.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { allChapters, parseNavigation } from '../../src/lib/navigation';
import { citations, components, countWords, frenchTypographyProblems, headings, prose, splitFrontmatter } from '../../src/lib/chapter-source';
import { strategyPartKinds } from '../../src/lib/strategies';

const languages = ['en', 'fr'] as const;
const navigation = parseNavigation(JSON.parse(readFileSync('content/navigation.json', 'utf8')));
const chapters = allChapters(navigation);
const references = parseYaml(readFileSync('content/references.yaml', 'utf8')) as Record<string, unknown>;

function chapterFile(lang: string, slug: string): string | undefined {
	return ['mdx', 'md'].map((ext) => `content/docs/${lang}/${slug}.${ext}`).find((path) => existsSync(path));
}
const source = (lang: string, slug: string) => readFileSync(chapterFile(lang, slug)!, 'utf8');

describe('every chapter exists in both languages', () => {
	it.each(chapters.map((chapter) => chapter.slug))('%s', (slug) => {
		for (const lang of languages) expect(chapterFile(lang, slug), `content/docs/${lang}/${slug}.mdx is missing`).toBeDefined();
	});

	it('no page is left out of content/navigation.json', () => {
		const listed = new Set(chapters.map((chapter) => chapter.slug));
		for (const lang of languages) {
			const files = readdirSync(`content/docs/${lang}`, { recursive: true }).map(String).filter((file) => /\.mdx?$/.test(file));
			const orphans = files.map((file) => file.replace(/\.mdx?$/, '')).filter((slug) => !listed.has(slug));
			expect(orphans, `pages in content/docs/${lang} not listed in content/navigation.json`).toEqual([]);
		}
	});
});

const written = chapters.filter((chapter) => languages.every((lang) => chapterFile(lang, chapter.slug)));

describe.each(written.map((chapter) => [chapter.slug, chapter] as const))('%s', (slug, chapter) => {
	const en = source('en', slug);
	const fr = source('fr', slug);

	it('has a title and a description in both languages', () => {
		for (const [lang, text] of [['en', en], ['fr', fr]]) {
			const { data } = splitFrontmatter(text!);
			expect(data.title, `content/docs/${lang}/${slug}: title`).toBeTruthy();
			expect(data.description, `content/docs/${lang}/${slug}: description`).toBeTruthy();
		}
	});

	it('gives every h2 and h3 a unique {#id}', () => {
		for (const [lang, text] of [['en', en], ['fr', fr]]) {
			const list = headings(text!);
			const missing = list.filter((heading) => !heading.id).map((heading) => `line ${heading.line}: ${heading.text}`);
			expect(missing, `content/docs/${lang}/${slug}: headings without {#id}`).toEqual([]);
			const ids = list.map((heading) => heading.id);
			expect(ids.filter((id, i) => ids.indexOf(id) !== i), `content/docs/${lang}/${slug}: repeated ids`).toEqual([]);
		}
	});

	it('has the same sections in both languages (level and id, in order)', () => {
		const outline = (text: string) => headings(text).map((heading) => `h${heading.depth}#${heading.id}`);
		expect(outline(fr), `content/docs/fr/${slug} against content/docs/en/${slug}`).toEqual(outline(en));
	});

	it('uses the same components, strategies and citations in both languages', () => {
		const summary = (text: string) => ({
			components: components(text)
				.map((use) => use.name)
				.sort(),
			strategies: components(text)
				.filter((use) => use.name === 'Strategy')
				.map((use) => `${use.attributes.id}:${use.attributes.factor}`),
			citations: citations(text).sort(),
		});
		expect(summary(fr), `content/docs/fr/${slug} against content/docs/en/${slug}`).toEqual(summary(en));
	});

	it('builds each strategy card under its own heading, with every part in order', () => {
		for (const [lang, text] of [['en', en], ['fr', fr]]) {
			const uses = components(text!);
			const headingAt = headings(text!);
			uses.forEach((use, i) => {
				if (use.name !== 'Strategy') return;
				const where = `content/docs/${lang}/${slug}:${use.line} <Strategy id="${use.attributes.id}">`;
				const heading = headingAt.filter((h) => h.line < use.line).at(-1);
				expect(heading?.id, `${where}: the heading just above must end with {#${use.attributes.id}}`).toBe(use.attributes.id);
				expect(['bond', 'collaboration'], `${where}: factor`).toContain(use.attributes.factor);
				expect(use.attributes.time, `${where}: time`).toBeTruthy();
				// The card's parts: components up to the next card, citations inside them aside.
				const next = uses.findIndex((other, j) => j > i && other.name === 'Strategy');
				const parts = uses
					.slice(i + 1, next === -1 ? undefined : next)
					.filter((part) => part.name !== 'Cite')
					.map((part) => (part.name === 'StrategyPart' ? part.attributes.kind : part.name));
				expect(parts, `${where}: parts`).toEqual([...strategyPartKinds]);
			});
		}
	});

	if (chapter.minWords) {
		it(`has at least ${chapter.minWords} words in each language`, () => {
			for (const [lang, text] of [['en', en], ['fr', fr]]) {
				expect(countWords(prose(text!)), `content/docs/${lang}/${slug}: words`).toBeGreaterThanOrEqual(chapter.minWords!);
			}
		});
	}

	it('sets French the Quebec way', () => {
		const { data } = splitFrontmatter(fr);
		const problems = frenchTypographyProblems([data.title, data.description, prose(fr)].join('\n'));
		expect(problems, `content/docs/fr/${slug}`).toEqual([]);
	});

	it('cites only known references', () => {
		const unknown = [...citations(en), ...citations(fr)].filter((key) => !(key in references));
		expect(unknown, `content/docs/*/${slug}: citation keys not in content/references.yaml`).toEqual([]);
	});
});

describe('the manual as a whole', () => {
	it.each(languages)('cites every reference somewhere (%s)', (lang) => {
		const cited = new Set(written.flatMap((chapter) => citations(source(lang, chapter.slug))));
		expect(Object.keys(references).filter((key) => !cited.has(key)), 'references never cited').toEqual([]);
	});

	it.each(languages)('holds at least 8 bond and 8 collaboration strategies (%s)', (lang) => {
		const strategies = written.flatMap((chapter) => components(source(lang, chapter.slug)).filter((use) => use.name === 'Strategy'));
		expect(strategies.filter((use) => use.attributes.factor === 'bond').length).toBeGreaterThanOrEqual(8);
		expect(strategies.filter((use) => use.attributes.factor === 'collaboration').length).toBeGreaterThanOrEqual(8);
	});
});
