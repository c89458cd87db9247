import type { AstroIntegration } from 'astro';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { withBase } from '../lib/base-path';
import { describeProblems, instrumentSchema, type Instrument } from '../lib/instrument';
import { allChapters, parseNavigation } from '../lib/navigation';
import { editionDocuments, type ChapterSource, type EditionInput, type PdfDocument } from '../lib/pdf/book';
import { referenceSchema, type Lang, type Reference } from '../lib/references';
import { studentInstrumentSchema, type StudentInstrument } from '../lib/student-instrument';

/**
 * The PDF edition (src/lib/pdf/): Typst, through its Node compiler, typesets the manual and
 * its one-page sheets from content/ in each language. No browser is involved.
 *
 * The PDFs are made the first time a page asks for their sizes (the `virtual:cwam/pdf` module,
 * which <PdfDownload /> and <SheetPdf /> import), so content errors that Astro reports itself
 * come first; `astro build` then writes them to dist/<lang>/pdf/, and `astro dev` serves them.
 */

export const typstTemplate = fileURLToPath(new URL('../pdf/cwam.typ', import.meta.url));

/** One built PDF. */
export interface BuiltPdf {
	document: PdfDocument;
	pdf: Buffer;
	pages: number;
}

/** What a page shows of a PDF: where it is, its size and its pages. */
export interface PdfFacts {
	href: string;
	bytes: number;
	pages: number;
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** Reads what the edition is made of, failing with the file and the field of any bad entry. */
export function readEditionInput(root: string, { siteUrl, base }: { siteUrl: string; base: string }): EditionInput {
	const navigation = parseNavigation(JSON.parse(read(root, 'content/navigation.json')));
	const chapters = new Map<string, ChapterSource>();
	for (const lang of ['en', 'fr'] as const) {
		for (const { slug } of allChapters(navigation)) {
			const file = ['mdx', 'md'].map((ext) => `content/docs/${lang}/${slug}.${ext}`).find((path) => existsSync(join(root, path)));
			if (file) chapters.set(`${lang}/${slug}`, { file, source: read(root, file) });
		}
	}
	const strings = Object.fromEntries((['en', 'fr'] as const).map((lang) => [lang, JSON.parse(read(root, `content/i18n/${lang}.json`))])) as Record<Lang, Record<string, string>>;

	const references = new Map<string, Reference>();
	for (const [key, raw] of Object.entries(parseYaml(read(root, 'content/references.yaml')) as Record<string, unknown>)) {
		const parsed = referenceSchema.safeParse(raw);
		if (!parsed.success) throw new Error(`content/references.yaml: ${key}: ${describeProblems(parsed.error).join('; ')}`);
		references.set(key, parsed.data);
	}

	const instruments = new Map<string, Instrument>();
	for (const name of readdirSync(join(root, 'content/instruments')).filter((file) => /\.(ya?ml|json)$/.test(file))) {
		const path = `content/instruments/${name}`;
		const parsed = instrumentSchema.safeParse(parseYaml(read(root, path)));
		if (!parsed.success) throw new Error(`${path}: ${describeProblems(parsed.error).join('; ')}`);
		instruments.set(parsed.data.id, parsed.data);
	}

	const studentInstruments = new Map<string, StudentInstrument>();
	for (const name of readdirSync(join(root, 'content/instruments/student')).filter((file) => /\.(ya?ml|json)$/.test(file))) {
		const path = `content/instruments/student/${name}`;
		const parsed = studentInstrumentSchema.safeParse(parseYaml(read(root, path)));
		if (!parsed.success) throw new Error(`${path}: ${describeProblems(parsed.error).join('; ')}`);
		studentInstruments.set(parsed.data.id, parsed.data);
	}

	const edition = JSON.parse(read(root, 'content/edition.json')) as { date?: unknown };
	if (typeof edition.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(edition.date) || Number.isNaN(Date.parse(edition.date))) {
		throw new Error(`content/edition.json: date must be the edition's date as YYYY-MM-DD (found ${JSON.stringify(edition.date)})`);
	}
	return { navigation, chapters, strings, references, instruments, studentInstruments, siteUrl, base, date: edition.date };
}

/** Typesets every document; a Typst error or an overlong sheet fails naming the content file. */
export function typeset(documents: readonly PdfDocument[], template = readFileSync(typstTemplate, 'utf8')): BuiltPdf[] {
	// A workspace that is not on disk: the documents import the template as /cwam.typ, and read nothing else.
	const compiler = NodeCompiler.create({ workspace: '/cwam-pdf' });
	compiler.mapShadow('/cwam-pdf/cwam.typ', Buffer.from(template));
	return documents.map((document) => {
		const result = compiler.compile({ mainFileContent: document.source });
		const compiled = result.result;
		if (!compiled) {
			const diagnostics = result.takeDiagnostics();
			const messages = diagnostics ? compiler.fetchDiagnostics(diagnostics).map((d: { message?: string }) => d.message ?? JSON.stringify(d)) : ['unknown error'];
			throw new Error(`${document.file}: the PDF ${document.path} could not be typeset: ${messages.join('; ')}`);
		}
		const pages = compiled.numOfPages;
		if (document.maxPages && pages > document.maxPages) {
			throw new Error(`${document.file}: "${document.title}" takes ${pages} pages as a PDF (${document.path}); it must fit on ${document.maxPages === 1 ? 'one page' : `${document.maxPages} pages`}. Shorten it or give it fewer lines to write on.`);
		}
		let pdf: Buffer;
		try {
			// PDF/UA-1: tagged, with the document's language, title and every image's alternative text.
			pdf = compiler.pdf(compiled, { pdfStandard: 'ua-1', creationTimestamp: 0 });
		} catch (error) {
			throw new Error(`${document.file}: the PDF ${document.path} is not valid PDF/UA-1: ${(error as Error).message}`);
		}
		return { document, pdf, pages };
	});
}

/** The facts the pages show, by `<lang>:<key>` (`en:manual`, `fr:worksheets/goal-agreement`). */
export function pdfFacts(built: readonly BuiltPdf[], base: string): Record<string, PdfFacts> {
	return Object.fromEntries(built.map(({ document, pdf, pages }) => [`${document.lang}:${document.key}`, { href: withBase(`/${document.path}`, base), bytes: pdf.length, pages }]));
}

export function buildEdition(root: string, site: { siteUrl: string; base: string }): { built: BuiltPdf[]; milliseconds: number } {
	const start = performance.now();
	const built = typeset(editionDocuments(readEditionInput(root, site)));
	return { built, milliseconds: performance.now() - start };
}

const virtualId = 'virtual:cwam/pdf';
const resolvedId = `\0${virtualId}`;

export function pdfEditionIntegration(): AstroIntegration {
	let root = '';
	let site = { siteUrl: '', base: '/' };
	let edition: ReturnType<typeof buildEdition> | undefined;
	const get = () => (edition ??= buildEdition(root, site));
	return {
		name: 'cwam-pdf-edition',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				root = fileURLToPath(config.root);
				const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				site = { siteUrl: new URL(base, config.site ?? 'http://127.0.0.1:4321').href, base };
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'cwam-pdf-edition',
								resolveId: (id: string) => (id === virtualId ? resolvedId : undefined),
								load: (id: string) => (id === resolvedId ? `export const pdfs = ${JSON.stringify(pdfFacts(get().built, site.base))};` : undefined),
							},
						],
					},
				});
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
					const found = path.endsWith('.pdf') ? get().built.find(({ document }) => withBase(`/${document.path}`, site.base) === path) : undefined;
					if (!found) return next();
					response.setHeader('Content-Type', 'application/pdf');
					response.end(found.pdf);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const { built, milliseconds } = get();
				const out = fileURLToPath(dir);
				for (const { document, pdf } of built) {
					await mkdir(dirname(join(out, document.path)), { recursive: true });
					await writeFile(join(out, document.path), pdf);
				}
				logger.info(`${built.length} PDFs typeset in ${(milliseconds / 1000).toFixed(2)} s`);
				// `npm run bench` asks for the figures (scripts/bench.mjs).
				const report = process.env.CWAM_PDF_REPORT;
				if (report) {
					const files = built.map(({ document, pdf, pages }) => ({ path: document.path, kind: document.kind, lang: document.lang, bytes: pdf.length, pages }));
					await mkdir(dirname(report), { recursive: true });
					await writeFile(report, `${JSON.stringify({ milliseconds, files }, null, 2)}\n`);
				}
			},
		},
	};
}
