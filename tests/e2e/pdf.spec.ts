/**
 * The PDF edition, as built into dist/ by `npm run build`: read back with poppler (pdfinfo,
 * pdftotext, pdftohtml, pdffonts; installed by .ci/run), and its links on the site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { allChapters, parseNavigation } from '../../src/lib/navigation';
import { splitFrontmatter } from '../../src/lib/chapter-source';
import { headingName } from '../../src/lib/strategies';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const langs = ['en', 'fr'] as const;
const strings = Object.fromEntries(langs.map((lang) => [lang, JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8'))])) as Record<'en' | 'fr', Record<string, string>>;
const navigation = parseNavigation(JSON.parse(readFileSync('content/navigation.json', 'utf8')));
const bookSlugs = allChapters(navigation)
	.map((c) => c.slug)
	.filter((slug) => slug !== 'index' && slug !== 'whole-manual');
const source = (lang: string, slug: string) => readFileSync(`content/docs/${lang}/${slug}.mdx`, 'utf8');
// As the reader sees it: quotes and apostrophes curled (Typst does it, as the site's smart punctuation does).
const titleOf = (lang: string, slug: string) => headingName(splitFrontmatter(source(lang, slug)).data.title!);
const manualPath = (lang: 'en' | 'fr') => join(dist, lang, 'pdf', `${strings[lang]['cwam.pdf.fileName']}.pdf`);

const run = (command: string, args: string[]) => {
	try {
		// poppler warns on stderr about Typst's MarkInfo ("Suspects object is wrong type"): its own quirk, not the PDF's.
		return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${command} is missing: install poppler-utils (apt-get install -y poppler-utils), as .ci/run does.`);
		throw error;
	}
};
const info = (file: string) => run('pdfinfo', [file]);
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(info(file))![1]);
/** Text with every kind of space as one space, quotes as the site writes them. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f\u2060]+/g, ' ').trim();
/** The bookmarks (outline) at one depth: 1 the parts, 2 the chapters, 3 their sections. */
const bookmarks = (file: string, depth: number) => {
	const found: { title: string; page: number }[] = [];
	let level = 0;
	const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', file]);
	for (const token of xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
		if (token[0] === '<outline>') level++;
		else if (token[0] === '</outline>') level--;
		else if (level === depth) found.push({ page: Number(token[1]), title: token[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"') });
	}
	return found;
};
const pageText = (file: string, page: number) => run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);

for (const lang of langs) {
	test.describe(`the ${lang} manual as a PDF`, () => {
		const file = manualPath(lang);

		test('is a tagged PDF/UA book in its language, with its title, author and embedded fonts', () => {
			const details = info(file);
			expect(details).toMatch(new RegExp(`Title:\\s+${strings[lang]['cwam.siteTitle']}`));
			expect(details).toMatch(new RegExp(`Author:\\s+${strings[lang]['cwam.pdf.author']}`));
			expect(details).toMatch(/Tagged:\s+yes/);
			expect(details).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
			expect(pagesOf(file)).toBeGreaterThan(60);
			const meta = run('pdfinfo', ['-meta', file]);
			expect(meta).toContain(`<dc:language><rdf:Bag><rdf:li>${lang}-CA</rdf:li>`);
			expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
			const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
			expect(fonts.length).toBeGreaterThan(1);
			for (const font of fonts) expect(font, font).toMatch(/\syes\s+yes\s+yes\s/);
			// Tagged structure: headings, lists, tables, and the cover's QR code as a figure with its text.
			const structure = run('pdfinfo', ['-struct-text', '-l', '20', file]);
			for (const tag of ['H1', 'H2', 'H3', 'L', 'LI', 'Table', 'TH', 'Figure', 'Link']) expect(structure, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
			expect(statSync(file).size).toBeLessThan(3 * 1024 * 1024);
		});

		test('lists every chapter in the contents with the page its title is on, and in the bookmarks', () => {
			const contents = flat(pageText(file, 2) + pageText(file, 3));
			// Bookmarks keep the source's straight apostrophes: compare without the curl.
			const straight = (text: string) => text.replace(/[‘’]/g, "'");
			const chapters = bookmarks(file, 2).map((b) => ({ ...b, title: straight(b.title) }));
			expect(chapters.map((b) => b.title)).toEqual(bookSlugs.map((slug) => straight(titleOf(lang, slug))));
			expect(bookmarks(file, 1).map((b) => b.title)).toEqual(navigation.groups.filter((g) => g.chapters.some((c) => bookSlugs.includes(c.slug))).map((g) => g.label[lang]));
			expect(bookmarks(file, 3).length).toBeGreaterThan(bookSlugs.length * 3);
			for (const slug of bookSlugs) {
				const title = titleOf(lang, slug);
				const entry = new RegExp(`${flat(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [. ]*(\\d+)`).exec(contents);
				expect(entry, `"${title}" in the contents`).not.toBeNull();
				const page = Number(entry![1]);
				// The title is at the head of that page (under its part's name when the part starts there).
				const top = pageText(file, page).split('\n').map(flat).filter(Boolean).slice(0, 3);
				expect(top, `"${title}" on page ${page}`).toContain(flat(title));
				expect(chapters.find((b) => b.title === straight(title))?.page, `bookmark "${title}"`).toBe(page);
			}
		});

		test('has every chapter title and every strategy name, in order, and links that lead to pages', () => {
			const text = flat(run('pdftotext', [file, '-']));
			const expected = bookSlugs.flatMap((slug) => [
				titleOf(lang, slug),
				...[...source(lang, slug).matchAll(/^### (.+?) \{#([a-z0-9-]+)\}\s*\n\s*<Strategy id="\2"/gm)].map((m) => headingName(m[1]!)),
			]);
			const cards = bookSlugs.reduce((sum, slug) => sum + (source(lang, slug).match(/<Strategy id=/g) ?? []).length, 0);
			expect(cards).toBeGreaterThan(15);
			expect(expected).toHaveLength(bookSlugs.length + cards);
			let from = text.indexOf(flat(strings[lang]['cwam.wholeManual.contents'])) + 1;
			for (const words of expected) {
				const at = text.indexOf(flat(words), from);
				expect(at, `"${words}" after position ${from}`).toBeGreaterThan(-1);
				from = at + 1;
			}
			const links = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', file]);
			const pages = pagesOf(file);
			const internal = [...links.matchAll(/<a href="[^"#]*\.html#(\d+)"/g)].map((m) => Number(m[1]));
			expect(internal.length).toBeGreaterThan(300);
			for (const page of internal) expect(page).toBeLessThanOrEqual(pages);
			expect(links).toContain('<a href="https://doi.org/');
		});

		test('holds no chapter text of the other language', () => {
			const other = lang === 'en' ? 'fr' : 'en';
			const text = flat(run('pdftotext', [file, '-']));
			for (const slug of bookSlugs) {
				const title = titleOf(other, slug);
				if (title !== titleOf(lang, slug)) expect(text, `${other} title "${title}"`).not.toContain(flat(`${title} `));
				// The other language's first sentence of the chapter.
				const body = splitFrontmatter(source(other, slug)).body.replace(/^import .*$/gm, '');
				const sentence = body.split('\n\n').map((p) => p.trim()).find((p) => /^[A-ZÀ-Ý«]/.test(p));
				if (sentence) expect(text, `${other} text of ${slug}`).not.toContain(flat(sentence.slice(0, 40)));
			}
		});

		test('is hyphenated, and in French keeps its no-break spaces: no line starts with : ; ! ? » or ends with «', () => {
			const lines = run('pdftotext', [file, '-']).split('\n');
			// Justified text, hyphenated by the book's language: lines end in a word broken at a hyphen
			// (a soft hyphen in the text layer, so a search or a copy finds the whole word).
			expect(lines.filter((line) => /\p{Ll}\u00ad$/u.test(line)).length).toBeGreaterThan(15);
			if (lang === 'fr') {
				const broken = lines.filter((line) => /^\s*[:;!?»]/.test(line) || /«\s*$/.test(line));
				expect(broken).toEqual([]);
				expect(lines.join(' ')).toContain('«');
			}
		});

		test('puts every worksheet and handout on its own pages: one, or the two the paper form is allowed', () => {
			const sheets = run('ls', [join(dist, lang, 'pdf')]).split('\n').filter((name) => name.endsWith('.pdf') && !file.endsWith(name));
			// Every <SheetPdf /> of the chapters in this language is one PDF.
			const declared = allChapters(navigation).reduce((sum, { slug }) => sum + (existsSync(`content/docs/${lang}/${slug}.mdx`) ? (source(lang, slug).match(/<SheetPdf\b/g) ?? []).length : 0), 0);
			expect(sheets).toHaveLength(declared);
			expect(declared).toBeGreaterThanOrEqual(11);
			for (const name of sheets) {
				const details = info(join(dist, lang, 'pdf', name));
				expect(details, name).toMatch(new RegExp(`Pages:\\s+${name === 'student-questions.pdf' ? 2 : 1}\n`));
				expect(details, name).toMatch(/Tagged:\s+yes/);
			}
		});
	});
}

test.describe('links to the PDFs', () => {
	for (const path of ['/en/', '/fr/', '/en/about/', '/fr/about/', '/en/whole-manual/', '/fr/whole-manual/']) {
		test(`${path} offers the manual with its true size and pages`, async ({ page, request }) => {
			const lang = path.slice(1, 3) as 'en' | 'fr';
			await page.goto(path);
			// The whole-manual page has it twice: at its head, and in the About chapter it gathers.
			const link = page.locator('.pdf-download a').first();
			await expect(link).toHaveText(strings[lang]['cwam.pdf.download']);
			const href = (await link.getAttribute('href'))!;
			const response = await request.get(href);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('application/pdf');
			const body = await response.body();
			expect(body.subarray(0, 5).toString()).toBe('%PDF-');
			const facts = flat(await page.locator('.pdf-download__facts').first().innerText());
			const pages = pagesOf(manualPath(lang));
			expect(facts).toContain(`${pages} pages`);
			const megabytes = Number(/([\d.,]+) (MB|Mo)/.exec(facts)![1]!.replace(',', '.'));
			expect(Math.abs(megabytes - body.length / 1e6)).toBeLessThan(0.06);
		});
	}

	test('each worksheet and handout page links to its one-page PDFs', async ({ page, request }) => {
		for (const path of ['/en/worksheets/goal-agreement/', '/fr/worksheets/relationship-map/', '/fr/training/handouts/']) {
			await page.goto(path);
			const links = page.locator('.sheet-pdf a');
			const count = await links.count();
			expect(count, path).toBe(path.includes('handouts') ? 5 : 1);
			for (let i = 0; i < count; i++) {
				await expect(page.locator('.sheet-pdf').nth(i)).toContainText('1 page');
				const response = await request.get((await links.nth(i).getAttribute('href'))!);
				expect(response.headers()['content-type']).toBe('application/pdf');
			}
		}
	});
});

test.describe('the whole-manual page', () => {
	for (const lang of langs) {
		test(`${lang}: each id once, and every in-page link lands in the right chapter`, async ({ page }) => {
			await page.goto(`/${lang}/whole-manual/`);
			const { duplicates, broken, sample } = await page.evaluate(() => {
				const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
				const seen = new Set<string>();
				const duplicates = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
				const links = [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="#"]')].map((a) => decodeURIComponent(a.hash.slice(1))).filter(Boolean);
				const target = document.querySelector<HTMLAnchorElement>('.whole-manual-chapter a[href="#building-the-bond--greeting"]');
				return { duplicates, broken: links.filter((id) => !document.getElementById(id)), sample: target ? document.getElementById('building-the-bond--greeting')?.closest('.whole-manual-chapter')?.querySelector('h2')?.id : null };
			});
			expect(duplicates).toEqual([]);
			expect(broken).toEqual([]);
			// A link to the bond chapter's "greeting" section lands in that chapter, not in another one's.
			expect(sample).toBe('chapter-building-the-bond');
		});
	}
});
