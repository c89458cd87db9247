import { describe, expect, it } from 'vitest';
import { mdxToMdast } from 'satteri';
import { readEditionInput, typeset } from '../../../src/integrations/pdf-edition';
import { componentForms, apaMarkup } from '../../../src/lib/pdf/components';
import { convertTree, joinInline, PdfContentError, siteAddress, type ConvertContext, type Node } from '../../../src/lib/pdf/convert';

const input = readEditionInput(process.cwd(), { siteUrl: 'https://cwam.example.org/', base: '/' });
const context = (over: Partial<ConvertContext> = {}): ConvertContext => ({
	lang: 'en',
	file: 'content/docs/en/test.mdx',
	slug: 'test',
	chapters: new Set(['test', 'building-the-bond', 'references']),
	siteUrl: 'https://cwam.example.org/',
	base: '/',
	t: (key) => input.strings.en[key] ?? key,
	references: input.references,
	referencesInDocument: true,
	instruments: input.instruments,
	studentInstruments: input.studentInstruments,
	sectionLevel: 3,
	footnoteLinks: true,
	...over,
});
const convert = (mdx: string, over: Partial<ConvertContext> = {}) =>
	convertTree(mdxToMdast(`---\ntitle: T\n---\nimport { Cite } from '@components';\n\n${mdx}`, { features: { headingAttributes: true, directive: true } }) as Node, context(over), componentForms);

/** Typesets a converted fragment (with the labels it links to) and returns its text: the Typst must compile. */
const typesetText = (body: string, labels: string[] = []) => {
	// Headings from level 1 down, as in the book, so a fragment's deeper headings are in order (PDF/UA).
	const source = ['#import "/cwam.typ": *', '#show: base', '= A\n== B\n=== C', body, ...labels.map((l) => `#heading(level: 6)[#"${l}"] <${l}>`)].join('\n\n');
	const [built] = typeset([{ lang: 'en', kind: 'sheet', key: 'x', path: 'x.pdf', file: 'test.mdx', title: 'T', source: `#set document(title: "T")\n${source}` }]);
	return built!;
};

describe('Markdown to Typst', () => {
	it('writes headings with their chapter-prefixed labels, at the document’s levels', () => {
		expect(convert('## What it is {#what}\n\n### Steps {#steps}')).toBe('#heading(level: 3)[What it is] <test--what>\n\n#heading(level: 4)[Steps] <test--steps>');
		expect(convert('## Plain', { sectionLevel: 2 })).toBe('#heading(level: 2)[Plain]');
	});

	it('writes paragraphs, emphasis, lists, quotes, code, breaks and rules', () => {
		const out = convert('A *b* **c** ~~d~~ `e`  \nf\n\n1. one\n2. two\n\n- x\n\n> quoted\n\n---\n\n```\ncode\n```');
		expect(out).toContain('A #emph[b] #strong[c] #strike[d] #raw("e")#linebreak()f');
		expect(out).toContain('#enum(start: 1, [one], [two])');
		expect(out).toContain('#list([x])');
		expect(out).toContain('#quote(block: true)[quoted]');
		expect(out).toContain('#raw(block: true, "code")');
		expect(typesetText(out).pages).toBe(1);
	});

	it('links inside the document with the page, and outside with the address', () => {
		const out = convert('See [greeting](/en/building-the-bond/#greeting), [home](/en/), [this](#x), [a site](https://example.org/a_b) and [mail](mailto:a@b.c).');
		expect(out).toContain('#link(<building-the-bond--greeting>)[greeting]#pageref(<building-the-bond--greeting>, "p.")');
		expect(out).toContain('#link("https://cwam.example.org/en/")[home]');
		expect(out).toContain('#link(<test--x>)[this]');
		expect(out).toContain('#link("https://example.org/a_b")[a site]#footnote(link("https://example.org/a_b"))');
		expect(out).toContain('#link("mailto:a@b.c")[mail]\\.');
		const sheet = convert('[this](#x) and [a site](https://example.org/)', { chapters: new Set(), footnoteLinks: false });
		expect(sheet).toBe('#link("https://cwam.example.org/en/test/#x")[this] and #link("https://example.org/")[a site]');
	});

	it('writes tables: a table to fill in spans the page', () => {
		expect(convert('| A | B |\n| --- | ---: |\n| 1 | 2 |')).toBe('#table(columns: 2, align: (left, right,), table.header([A], [B]), [1], [2])');
		expect(convert('| A | B |\n| --- | --- |\n| | |')).toContain('#table(columns: (1fr, 1fr,), align: (left, left,), table.header([A], [B]), [#v(1.5em)], [#v(1.5em)])');
	});

	it('writes asides with their title, or the kind’s', () => {
		expect(convert(':::note[An example (invented)]\nBody\n:::')).toBe('#aside(kind: "note", title: [An example (invented)])[Body]');
		expect(convert(':::caution\nCareful\n:::')).toBe('#aside(kind: "caution", title: [Caution])[Careful]');
	});

	it('keeps text after a call from continuing it', () => {
		expect(joinInline(['#emph[Science, 333]', '(6045)', '#f()', '.', 'x', '(y)'])).toBe('#emph[Science, 333]\\(6045)#f()\\.x(y)');
		expect(convert('**Bond**(s) and **b**; c')).toBe('#strong[Bond]\\(s) and #strong[b]\\; c');
	});

	it('ignores comments and imports, and fails on what it cannot render, naming file, line and element', () => {
		expect(convert('{/* a comment */}\n\nText {/* inline */}')).toBe('Text');
		const fails = (mdx: string, pattern: RegExp) => {
			expect(() => convert(mdx)).toThrow(PdfContentError);
			expect(() => convert(mdx)).toThrow(pattern);
		};
		fails('<Unknown />', /content\/docs\/en\/test\.mdx:6: the PDF edition cannot render <Unknown>: no PDF form/);
		fails('Text <Mystery>x</Mystery>', /test\.mdx:6: .*<Mystery>/);
		fails('{1 + 1}', /test\.mdx:6: .*expression/);
		fails('Text {1 + 1}', /expression/);
		fails('::::details\nx\n::::', /:::details/);
		fails('![alt](a.png)', /a Markdown image/);
		fails('<div>raw</div>', /<div>/);
		fails('# Title', /start at ##/);
	});

	it('gives a text directive back as the text it was', () => {
		expect(convert('At 3:30pm')).toBe('At 3:30pm');
	});
});

describe('components in the PDF', () => {
	it('cites in the text and links to the references list, or to the site from a sheet', () => {
		expect(convert('As <Cite id="cook2018" /> found, <Cite id="bordin1979" narrative /> and <Cite id="hamre2001 roorda2011" />.')).toBe(
			'As (#link(<ref-cook2018>)[Cook et al., 2018]) found, Bordin (#link(<ref-bordin1979>)[1979]) and (#link(<ref-hamre2001>)[Hamre & Pianta, 2001]\\; #link(<ref-roorda2011>)[Roorda et al., 2011])\\.',
		);
		expect(convert('<Cite id="lpj" narrative />', { referencesInDocument: false })).toMatch(/^#link\("https:\/\/cwam\.example\.org\/en\/references\/#lpj"\)\[/);
		expect(() => convert('<Cite id="nobody2020" />')).toThrow(/<Cite>: no reference "nobody2020"/);
		expect(() => convert('<Cite id=" " />')).toThrow(/at least one reference id/);
		expect(() => convert('<Cite id="cook2018" narrative="maybe" />')).toThrow(/narrative must be true or false/);
	});

	it('writes a strategy card with its facts and its parts one level under the heading', () => {
		const out = convert(
			'### Greeting {#greeting}\n\n<Strategy id="greeting" factor="bond" evidence="study" time="A minute">\n<StrategyPart kind="what">\n\nStand at the door.\n\n</StrategyPart>\n</Strategy>',
		);
		expect(out).toContain('#strategy(meta: (("Side of the alliance", "Bond"), ("Evidence", "Tested in a study"), ("Time it takes", "A minute"),))');
		expect(out).toContain('#heading(level: 5, outlined: false)[What it is]\n\nStand at the door.');
		expect(typesetText(out).pages).toBe(1);
		expect(() => convert('<Strategy id="x" factor="love" evidence="study" time="t" />')).toThrow(/factor="love" is not one of bond, collaboration/);
		expect(() => convert('<Strategy id="x" factor="bond" evidence="study" />')).toThrow(/time is missing/);
		expect(() => convert('<Strategy id="x" factor="bond" evidence="study" time="t">\n\nLoose text\n\n</Strategy>')).toThrow(/holds <StrategyPart> elements only/);
		expect(() => convert('<Strategy id="x" factor="bond" evidence="study" time={1} />')).toThrow(/time must be a string/);
	});

	it('draws lines and boxes to write and draw in', () => {
		expect(convert('<WriteLines lines={4} />\n\n<WriteLines box lines={2} />\n\n<WriteLines />')).toBe('#write-lines(4, box: false)\n\n#write-lines(2, box: true)\n\n#write-lines(3, box: false)');
		expect(convert('<WriteLines lines={2} box={false} />')).toBe('#write-lines(2, box: false)');
		expect(() => convert('<WriteLines lines={0} />')).toThrow(/must be a whole number from 1 to 40/);
		expect(() => convert('<WriteLines lines={many} />')).toThrow(/lines must be a number/);
		const boxes = convert('<DrawingBoxes>\n<DrawingBox prompt="Me" />\n<DrawingBox prompt="You" lines={4} />\n</DrawingBoxes>');
		expect(boxes).toBe('#drawing-boxes((("Me", 8), ("You", 4),))');
		expect(typesetText(boxes).pages).toBe(1);
		expect(() => convert('<DrawingBox prompt="Alone" />')).toThrow(/belongs in <DrawingBoxes>/);
		expect(() => convert('<DrawingBoxes>\n<WriteLines />\n</DrawingBoxes>')).toThrow(/holds <DrawingBox> elements only/);
	});

	it('lists start links and the references, and prints the self-check as a paper form', () => {
		expect(convert('<StartLinks>\n<StartLink title="Read" description="Why." href="/en/building-the-bond/" />\n</StartLinks>')).toBe(
			'#list([#strong[#link(<chapter-building-the-bond>)[Read]#pageref(<chapter-building-the-bond>, "p.")]: Why.])',
		);
		expect(() => convert('<StartLinks>\n<Cite id="cook2018" />\n</StartLinks>')).toThrow(/holds <StartLink> elements only/);
		const refs = convert('<ReferenceList />');
		expect(refs.split('\n\n')).toHaveLength(input.references.size);
		expect(refs).toContain('<ref-cook2018>');
		const paper = convert('<SelfCheck instrument="cwai-teacher" />');
		expect(paper).toContain('#questionnaire(scale: ("1 Never", "2 Rarely", "3 Sometimes", "4 Often", "5 Always",), items: ([This student likes me.]');
		expect(paper).toContain('[Bond: statements 1, 4, 7, 10]');
		expect(paper).toContain('#link("https://cwam.example.org/en/self-check/")');
		const text = typesetText(paper);
		expect(text.pages).toBe(1);
		expect(() => convert('<SelfCheck instrument="nope" />')).toThrow(/no instrument "nope"/);
		expect(convert('<MyStudents instrument="cwai-teacher" />')).toContain('#link("https://cwam.example.org/en/my-students/")');
		expect(convert('<StudentVoice instrument="cwai-student" />')).toContain('#link("https://cwam.example.org/en/student-voice/")');
		const form = convert('<StudentForm instrument="cwai-student" />');
		expect(form).toMatch(/^#student-form\(name: "My name or initials:", date: "Date:", how: \[These questions are about you/);
		expect(form).toContain('("Not often", bytes("<svg');
		expect(form).toContain('[Do you trust your teacher?]');
		expect(typesetText(form).pages).toBe(2);
		expect(() => convert('<StudentForm instrument="nope" />')).toThrow(/no student instrument "nope"/);
		expect(convert('<PdfDownload />\n\n<SheetPdf />')).toBe('');
		expect(() => convert('<WholeManual />')).toThrow(/the whole manual is the PDF edition itself/);
	});

	it('writes a reference’s italics and addresses', () => {
		expect(apaMarkup('A. (2011). T. *Science, 333*(6045), 1–2. https://doi.org/10.1/x_y')).toBe(
			'A. (2011). T. #emph[Science, 333]\\(6045), 1–2. #link("https://doi.org/10.1/x_y")[https:\\/\\/doi.org\\/10.1\\/x\\_y]',
		);
	});

	it('gives a site link its full address', () => {
		const ctx = { siteUrl: 'https://x.org/cwam/', base: '/cwam/', lang: 'fr' as const, slug: 'index' };
		expect(siteAddress('/cwam/fr/about/', ctx)).toBe('https://x.org/cwam/fr/about/');
		expect(siteAddress('/fr/about/', ctx)).toBe('https://x.org/cwam/fr/about/');
		expect(siteAddress('#a', ctx)).toBe('https://x.org/cwam/fr/#a');
	});
});
