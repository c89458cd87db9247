import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfFacts, readEditionInput, typeset } from '../../../src/integrations/pdf-edition';
import { editionDocuments, editionMonth, qrSvg, type EditionInput } from '../../../src/lib/pdf/book';
import { allChapters } from '../../../src/lib/navigation';

const site = { siteUrl: 'https://cwam.example.org/', base: '/' };
const input = readEditionInput(process.cwd(), site);
const documents = editionDocuments(input);

/** The same input with one chapter's source changed. */
const withChapter = (key: string, edit: (source: string) => string): EditionInput => {
	const chapters = new Map(input.chapters);
	chapters.set(key, { ...chapters.get(key)!, source: edit(chapters.get(key)!.source) });
	return { ...input, chapters };
};

describe('the PDF edition’s documents', () => {
	it('has a manual per language and a one-page sheet per worksheet and handout', () => {
		const worksheets = allChapters(input.navigation).filter((chapter) => chapter.type === 'worksheet');
		for (const lang of ['en', 'fr'] as const) {
			const mine = documents.filter((d) => d.lang === lang);
			expect(mine.filter((d) => d.kind === 'manual').map((d) => d.path)).toEqual([`${lang}/pdf/${input.strings[lang]['cwam.pdf.fileName']}.pdf`]);
			const sheets = mine.filter((d) => d.kind === 'sheet');
			for (const worksheet of worksheets) expect(sheets.map((d) => d.key)).toContain(worksheet.slug);
			expect(sheets.filter((d) => d.key.startsWith('training/handouts#')).map((d) => d.path)).toEqual(
				['handout-session-1', 'handout-session-2', 'handout-session-3', 'handout-session-4', 'handout-exit-ticket'].map((name) => `${lang}/pdf/${name}.pdf`),
			);
			// Every sheet fits on one page, but the student voice paper form, which may take two.
			expect(sheets.filter((d) => d.maxPages !== 1).map((d) => [d.key, d.maxPages])).toEqual([['worksheets/student-questions', 2]]);
		}
	});

	it('puts every chapter but the home and whole-manual pages in the book, in the sidebar’s order, each once', () => {
		const manual = documents.find((d) => d.lang === 'fr' && d.kind === 'manual')!;
		const anchors = [...manual.source.matchAll(/#heading\(level: 2\)\[[^\n]*\] <chapter-([a-z0-9-]+)>/g)].map((m) => m[1]);
		const expected = allChapters(input.navigation)
			.map((c) => c.slug)
			.filter((slug) => slug !== 'index' && slug !== 'whole-manual')
			.map((slug) => slug.replace(/\//g, '-'));
		expect(anchors).toEqual(expected);
		expect(manual.source).toContain('#heading(level: 1)[Comprendre l’alliance] <part-2>');
		expect(manual.source).toContain('lang: "fr"');
		expect(manual.source).toContain('novembre 2026');
	});

	it('fails on a sheet in the wrong place, naming the file and the line', () => {
		expect(() => editionDocuments(withChapter('en/training/handouts', (s) => s.replace('<SheetPdf section="handout-session-2" />', '<SheetPdf section="handout-session-3" />')))).toThrow(
			/content\/docs\/en\/training\/handouts\.mdx:\d+: .*<SheetPdf section="handout-session-3" \/>: it must be inside the section it names \(here: "handout-session-2"\)/,
		);
		expect(() => editionDocuments(withChapter('en/training/handouts', (s) => s.replace('<SheetPdf section="handout-session-2" />', '<SheetPdf />')))).toThrow(/goes before the first ## heading/);
		expect(() => editionDocuments(withChapter('en/about', (s) => s.replace(/^(## .*)$/m, '$1\n\n<SheetPdf section="nowhere" />')))).toThrow(/about\.mdx.*here: "who-it-is-for"/);
		expect(() => editionDocuments(withChapter('en/about', (s) => s.replace(/^import .*$/m, '$&\n\n<SheetPdf section="x" />')))).toThrow(/here: before any ## heading/);
		expect(() => editionDocuments(withChapter('en/worksheets/student-questions', (s) => s.replace('<SheetPdf pages={2} />', '<SheetPdf pages={9} />')))).toThrow(/student-questions\.mdx:\d+: .*pages=\{…\} must be a whole number from 1 to 4/);
		expect(() =>
			editionDocuments(withChapter('en/about', (s) => s.replace(/^## (.*) \{#who-it-is-for\}$/m, '## $1 {#handout-session-1}\n\n<SheetPdf section="handout-session-1" />'))),
		).toThrow(/training\/handouts\.mdx: .*en\/pdf\/handout-session-1\.pdf, like about#handout-session-1's/);
	});

	it('fails on a chapter without a title or with an element it cannot render', () => {
		expect(() => editionDocuments(withChapter('fr/self-check', (s) => s.replace(/^title: .*\n/m, '')))).toThrow(/content\/docs\/fr\/self-check\.mdx:1: .*the front matter: no title/);
		expect(() => editionDocuments(withChapter('fr/glossary', (s) => `${s}\n\n<Tabs />\n`))).toThrow(/content\/docs\/fr\/glossary\.mdx:\d+: the PDF edition cannot render <Tabs>/);
		expect(() => editionDocuments(withChapter('en/glossary', (s) => `${s}\n\n<Broken\n`))).toThrow(/glossary\.mdx: .*does not parse as MDX/);
		expect(() => editionDocuments({ ...input, strings: { ...input.strings, en: {} } })).toThrow(/content\/i18n\/en\.json: no string "cwam\.siteTitle"/);
	});

	it('writes the edition’s month and a QR code', () => {
		expect(editionMonth('2026-11-25', 'en')).toBe('November 2026');
		expect(editionMonth('2026-11-25', 'fr')).toBe('novembre 2026');
		expect(qrSvg('https://cwam.example.org/fr/')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"[^>]*><path d="M[^"]+"\/><\/svg>$/);
	});
});

describe('typesetting', () => {
	const sheets = typeset(documents.filter((d) => d.kind === 'sheet'));

	it('fits every worksheet and handout on its pages, and reports the facts pages show', () => {
		expect(sheets.map((b) => b.pages)).toEqual(sheets.map((b) => b.document.maxPages));
		const facts = pdfFacts(sheets, '/cwam/');
		expect(facts['fr:worksheets/goal-agreement']).toEqual({ href: '/cwam/fr/pdf/goal-agreement.pdf', bytes: expect.any(Number), pages: 1 });
		expect(facts['en:training/handouts#handout-exit-ticket']!.bytes).toBeGreaterThan(5000);
	});

	it('fails a sheet that runs over one page, naming its file', () => {
		const long = editionDocuments(withChapter('en/worksheets/goal-agreement', (s) => s.replace('<WriteLines lines={2} />', '<WriteLines lines={30} />')));
		expect(() => typeset(long.filter((d) => d.key === 'worksheets/goal-agreement'))).toThrow(
			/content\/docs\/en\/worksheets\/goal-agreement\.mdx: "Goal agreement" takes 2 pages as a PDF \(en\/pdf\/goal-agreement\.pdf\); it must fit on one page/,
		);
	});

	it('reports a Typst error with the file it comes from', () => {
		expect(() => typeset([{ ...documents[1]!, source: '#set document(title: "x")\n#nothing-here()' }])).toThrow(/content\/docs\/en\/.*could not be typeset: unknown variable: nothing-here/);
	});
});

describe('reading the edition’s content', () => {
	/** What reading a copy of content/ with one file edited throws. */
	const broken = (path: string, edit: (text: string) => string) => {
		const root = mkdtempSync(join(tmpdir(), 'cwam-edition-'));
		try {
			cpSync('content', join(root, 'content'), { recursive: true });
			writeFileSync(join(root, path), edit(readFileSync(join(root, path), 'utf8')));
			readEditionInput(root, site);
			return 'nothing thrown';
		} catch (error) {
			return (error as Error).message;
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	};
	it('names the file and the field of bad data', () => {
		expect(broken('content/references.yaml', (t) => t.replace(/^(\s+)year: 1979\n/m, ''))).toMatch(/content\/references\.yaml: bordin1979: year/);
		expect(broken('content/instruments/cwai-teacher.yaml', (t) => t.replace(/^\s+- \{ value: 5,.*\n/m, ''))).toMatch(/content\/instruments\/cwai-teacher\.yaml: scale/);
		expect(broken('content/edition.json', () => '{ "date": "2026-13-45" }')).toMatch(/content\/edition\.json: date must be the edition's date as YYYY-MM-DD \(found "2026-13-45"\)/);
	});
});
