/**
 * The PDF edition's documents, as Typst source: per language, the whole manual (cover, contents,
 * every chapter in the sidebar's order) and a one-page PDF for each worksheet and handout (a
 * page or section holding <SheetPdf />). Everything comes from content/; the page design is
 * src/pdf/cwam.typ, which every document imports as `/cwam.typ`.
 */
import { mdxToMdast } from 'satteri';
import { chapterAnchor } from '../chapter-anchors';
import { splitFrontmatter } from '../chapter-source';
import type { Instrument } from '../instrument';
import { allChapters, type Navigation } from '../navigation';
import { qrMatrix, qrPath } from '../qr';
import type { Lang, Reference } from '../references';
import type { StudentInstrument } from '../student-voice';
import { componentForms } from './components';
import { convertTree, PdfContentError, type ConvertContext, type Node } from './convert';
import { label, markup, str } from './typst';

export interface ChapterSource {
	/** The file, for messages: `content/docs/en/about.mdx`. */
	file: string;
	source: string;
}

export interface EditionInput {
	navigation: Navigation;
	/** Chapters by `<lang>/<slug>`. */
	chapters: ReadonlyMap<string, ChapterSource>;
	strings: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
	references: ReadonlyMap<string, Reference>;
	instruments: ReadonlyMap<string, Instrument>;
	studentInstruments: ReadonlyMap<string, StudentInstrument>;
	/** The site's address with its base path and a final slash. */
	siteUrl: string;
	base: string;
	/** The edition's date, `YYYY-MM-DD` (content/edition.json). */
	date: string;
}

export interface PdfDocument {
	lang: Lang;
	kind: 'manual' | 'sheet';
	/** `manual`, a sheet's page slug (`worksheets/goal-agreement`) or page and section (`training/handouts#handout-session-1`). */
	key: string;
	/** Where it goes in the built site, from dist/: `en/pdf/goal-agreement.pdf`. */
	path: string;
	/** The content file it comes from, for messages. */
	file: string;
	title: string;
	source: string;
	/** A sheet must fit on one page. */
	maxPages?: number;
}

/** Pages the book leaves out: the home page introduces the site, and the whole-manual page is this book on the web. */
export const notInBook: ReadonlySet<string> = new Set(['index', 'whole-manual']);

export const SHEET = 'SheetPdf';

const sheetKey = (slug: string, section?: string) => (section ? `${slug}#${section}` : slug);

/** Plain text of inline nodes (a heading's words, for a document title). */
function plain(nodes: readonly Node[] | undefined): string {
	return (nodes ?? []).map((node) => (node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : plain(node.children))).join('');
}

function translator(strings: Readonly<Record<string, string>>, lang: Lang) {
	return (key: string) => {
		const text = strings[key];
		if (text === undefined) throw new Error(`content/i18n/${lang}.json: no string "${key}" (the PDF edition needs it)`);
		return text;
	};
}

/** "November 2026" / "novembre 2026". */
export function editionMonth(date: string, lang: Lang): string {
	const [year, month] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(`${lang}-CA`, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, 1)));
}

/** A QR code to `url` as a small SVG. */
export function qrSvg(url: string): string {
	const modules = qrMatrix(url, { border: 0 });
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${modules.length} ${modules.length}" shape-rendering="crispEdges"><path d="${qrPath(modules)}"/></svg>`;
}

interface ParsedChapter {
	slug: string;
	file: string;
	title: string;
	root: Node;
}

function parseChapter(lang: Lang, slug: string, chapter: ChapterSource): ParsedChapter {
	const { data } = splitFrontmatter(chapter.source);
	if (!data.title) throw new PdfContentError(chapter.file, 1, 'the front matter', 'no title');
	let root: Node;
	try {
		root = mdxToMdast(chapter.source, { features: { headingAttributes: true, directive: true } }) as Node;
	} catch (error) {
		throw new PdfContentError(chapter.file, undefined, 'the chapter', `it does not parse as MDX (${(error as Error).message})`);
	}
	return { slug, file: chapter.file, title: data.title, root };
}

/** The sheets a chapter declares: the whole page (<SheetPdf /> before any ## heading) or the sections holding one. */
export function sheetsOf(chapter: ParsedChapter): { section?: string; title: string; nodes: Node[]; pages: number }[] {
	const sheets: { section?: string; title: string; nodes: Node[]; pages: number }[] = [];
	const children = chapter.root.children ?? [];
	let current: { id?: string; start: number; title: string } | undefined;
	children.forEach((node, index) => {
		if (node.type === 'heading' && (node as { depth?: number }).depth === 2) {
			current = { id: (node.data as { hProperties?: { id?: string } } | undefined)?.hProperties?.id, start: index, title: plain(node.children) };
			return;
		}
		if (node.type !== 'mdxJsxFlowElement' || (node as { name?: string }).name !== SHEET) return;
		const attributes = (node as { attributes?: { name?: string; value?: unknown }[] }).attributes ?? [];
		const section = attributes.find((a) => a.name === 'section')?.value;
		const line = node.position?.start.line;
		const rawPages = attributes.find((a) => a.name === 'pages')?.value;
		const pages = rawPages === undefined ? 1 : Number(typeof rawPages === 'object' && rawPages ? (rawPages as { value?: string }).value : rawPages);
		if (!Number.isInteger(pages) || pages < 1 || pages > 4) throw new PdfContentError(chapter.file, line, `<${SHEET} />`, 'pages={…} must be a whole number from 1 to 4');
		if (section === undefined) {
			if (current) throw new PdfContentError(chapter.file, line, `<${SHEET} />`, `without section="…" it makes the whole page one PDF, so it goes before the first ## heading (or name the section: section="${current.id ?? ''}")`);
			sheets.push({ title: chapter.title, nodes: children, pages });
			return;
		}
		if (typeof section !== 'string' || !current || current.id !== section) {
			throw new PdfContentError(chapter.file, line, `<${SHEET} section="${String(section)}" />`, `it must be inside the section it names (here: ${current?.id ? `"${current.id}"` : 'before any ## heading'})`);
		}
		const end = children.findIndex((next, i) => i > current!.start && next.type === 'heading' && ((next as { depth?: number }).depth ?? 0) <= 2);
		sheets.push({ section, title: current.title, nodes: children.slice(current.start + 1, end === -1 ? undefined : end), pages });
	});
	return sheets;
}

/** Every PDF of the edition, as Typst source. */
export function editionDocuments(input: EditionInput): PdfDocument[] {
	const documents: PdfDocument[] = [];
	for (const lang of ['en', 'fr'] as const) {
		const t = translator(input.strings[lang], lang);
		const order = allChapters(input.navigation).map((chapter) => chapter.slug);
		const parsed = new Map<string, ParsedChapter>();
		for (const slug of order) {
			const chapter = input.chapters.get(`${lang}/${slug}`);
			if (chapter) parsed.set(slug, parseChapter(lang, slug, chapter));
		}
		const inBook = new Set([...parsed.keys()].filter((slug) => !notInBook.has(slug)));
		const context = (chapter: ParsedChapter, book: boolean, sectionLevel: number): ConvertContext => ({
			lang,
			file: chapter.file,
			slug: chapter.slug,
			chapters: book ? inBook : new Set(),
			siteUrl: input.siteUrl,
			base: input.base,
			t,
			references: input.references,
			referencesInDocument: book && inBook.has('references'),
			instruments: input.instruments,
			studentInstruments: input.studentInstruments,
			sectionLevel,
			footnoteLinks: book,
		});

		documents.push(manual(lang, t, input, parsed, inBook, context));

		const names = new Map<string, string>();
		for (const chapter of parsed.values()) {
			for (const sheet of sheetsOf(chapter)) {
				const key = sheetKey(chapter.slug, sheet.section);
				const name = sheet.section ?? chapter.slug.split('/').at(-1)!;
				if (names.has(name)) throw new PdfContentError(chapter.file, undefined, `<${SHEET} />`, `its PDF would be ${lang}/pdf/${name}.pdf, like ${names.get(name)}'s: give the section another id`);
				names.set(name, key);
				const body = convertTree({ type: 'root', children: sheet.nodes } as Node, context(chapter, false, sheet.section ? 1 : 2), componentForms);
				const pageUrl = `${input.siteUrl}${lang}/${chapter.slug}/${sheet.section ? `#${sheet.section}` : ''}`;
				documents.push({
					lang,
					kind: 'sheet',
					key,
					path: `${lang}/pdf/${name}.pdf`,
					file: chapter.file,
					title: sheet.title,
					maxPages: sheet.pages,
					source: [
						'#import "/cwam.typ": *',
						`#show: sheet.with(lang: ${str(lang)}, title: ${str(sheet.title)}, author: ${str(t('cwam.pdf.author'))}, footer: [${markup(t('cwam.siteTitle'))} · ${markup(pageUrl)}])`,
						`#heading(level: 1)[${markup(sheet.title)}]`,
						body,
					].join('\n\n'),
				});
			}
		}
	}
	return documents;
}

function manual(
	lang: Lang,
	t: (key: string) => string,
	input: EditionInput,
	parsed: ReadonlyMap<string, ParsedChapter>,
	inBook: ReadonlySet<string>,
	context: (chapter: ParsedChapter, book: boolean, sectionLevel: number) => ConvertContext,
): PdfDocument {
	const [year, month, day] = input.date.split('-').map(Number);
	const title = t('cwam.siteTitle');
	const home = `${input.siteUrl}${lang}/`;
	const parts: string[] = [
		'#import "/cwam.typ": *',
		`#show: book.with(lang: ${str(lang)}, title: ${str(title)}, author: ${str(t('cwam.pdf.author'))}, date: datetime(year: ${year}, month: ${month}, day: ${day}))`,
		`#cover(title: ${str(title)}, subtitle: ${str(t('cwam.pdf.subtitle'))}, credit: ${str(t('cwam.pdf.credit'))}, edition: ${str(t('cwam.pdf.edition').replace('{date}', editionMonth(input.date, lang)))}, address: ${str(home.replace(/^https?:\/\//, ''))}, url: ${str(home)}, qr: bytes(${str(qrSvg(home))}), qr-alt: ${str(t('cwam.pdf.qrAlt').replace('{url}', home))})`,
		`#contents(title: ${str(t('cwam.wholeManual.contents'))})`,
	];
	input.navigation.groups.forEach((group, index) => {
		const chapters = group.chapters.filter((chapter) => inBook.has(chapter.slug));
		if (!chapters.length) return;
		parts.push('#chapter-break()', `#heading(level: 1)[${markup(group.label[lang])}] ${label(`part-${index + 1}`)}`);
		chapters.forEach((entry, i) => {
			const chapter = parsed.get(entry.slug)!;
			if (i > 0) parts.push('#chapter-break()');
			parts.push(`#heading(level: 2)[${markup(chapter.title)}] ${label(chapterAnchor(chapter.slug))}`);
			parts.push(convertTree(chapter.root, context(chapter, true, 3), componentForms));
		});
	});
	return {
		lang,
		kind: 'manual',
		key: 'manual',
		path: `${lang}/pdf/${t('cwam.pdf.fileName')}.pdf`,
		file: `content/docs/${lang}/`,
		title,
		source: parts.join('\n\n'),
	};
}
