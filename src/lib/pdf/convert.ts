/**
 * A chapter's MDX, parsed as the site parses it (satteri), written as Typst for the PDF edition.
 * Markdown nodes are handled here; components through the one mapping of ./components.ts. A node
 * or component with no PDF form fails with the file, the line and the element: no text is ever
 * dropped without a word.
 */
import type { MdastNode } from 'satteri';
import { sectionAnchor, sharedTarget } from '../chapter-anchors';
import type { Instrument } from '../instrument';
import type { Lang, Reference } from '../references';
import type { StudentInstrument } from '../student-voice';
import { label, markup, str } from './typst';

/** What a chapter is converted with. */
export interface ConvertContext {
	lang: Lang;
	/** The chapter's file, for messages: `content/docs/en/building-the-bond.mdx`. */
	file: string;
	slug: string;
	/** Chapters in this document: a link to one of them stays in the document (with its page). Empty for a one-page sheet. */
	chapters: ReadonlySet<string>;
	/** The site's address with its base path and a final slash: `https://example.org/cwam/`. */
	siteUrl: string;
	/** The base path links are written with at build time (`/`, `/cwam/`). */
	base: string;
	t: (key: string) => string;
	references: ReadonlyMap<string, Reference>;
	/** The references list is in this document: citations link to it. */
	referencesInDocument: boolean;
	instruments: ReadonlyMap<string, Instrument>;
	studentInstruments: ReadonlyMap<string, StudentInstrument>;
	/** Typst heading level of a `##` section. */
	sectionLevel: number;
	/** External links get their address as a footnote (the book), or not (a one-page sheet). */
	footnoteLinks: boolean;
}

/** A chapter or component the PDF edition cannot render. */
export class PdfContentError extends Error {
	constructor(
		readonly file: string,
		readonly line: number | undefined,
		readonly element: string,
		reason: string,
	) {
		super(`${file}${line ? `:${line}` : ''}: the PDF edition cannot render ${element}: ${reason}`);
		this.name = 'PdfContentError';
	}
}

export type Node = MdastNode & { type: string; children?: Node[]; value?: string; position?: { start: { line: number } } };

/** The tools a component's PDF form is written with. */
export interface Writer {
	ctx: ConvertContext;
	/** Block children as Typst markup. */
	blocks(nodes: readonly Node[] | undefined): string;
	/** Inline children as Typst markup. */
	inline(nodes: readonly Node[] | undefined): string;
	/** A string attribute; `required` fails naming the component. */
	attr(node: Node, name: string, required?: boolean): string | undefined;
	/** A number attribute (`lines={4}`). */
	numberAttr(node: Node, name: string): number | undefined;
	/** A boolean attribute (`box`, `narrative`). */
	flag(node: Node, name: string): boolean;
	/** The current heading level (for a card's part labels, one under their heading). */
	headingLevel(): number;
	/** Fails naming the file, the line and the element. */
	fail(node: Node, reason: string): never;
	/** A link to a page of the site, in this language, or inside the document when the page is in it. */
	linkTo(href: string, content: string, options?: { pageRef?: boolean }): string;
	/** Where a citation of `key` points. */
	citationTarget(key: string): string;
}

export type ComponentForm = (node: Node, write: Writer) => string;

const lineOf = (node: Node) => node.position?.start.line;

export function elementName(node: Node): string {
	if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return `<${(node as { name?: string | null }).name ?? 'fragment'}>`;
	if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') return `the directive :::${(node as { name?: string }).name}`;
	return `a Markdown ${node.type}`;
}

const commentOnly = (code: string) => /^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(code);

const asideKinds = new Set(['note', 'tip', 'caution', 'danger']);

/** Converts one chapter's tree with the component forms given. */
export function convertTree(root: Node, ctx: ConvertContext, forms: Readonly<Record<string, ComponentForm>>): string {
	let level = ctx.sectionLevel - 1;

	const fail = (node: Node, reason: string): never => {
		throw new PdfContentError(ctx.file, lineOf(node), elementName(node), reason);
	};

	const attribute = (node: Node, name: string) =>
		((node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes ?? []).find(
			(a) => a.type === 'mdxJsxAttribute' && a.name === name,
		);

	const write: Writer = {
		ctx,
		blocks: (nodes) => (nodes ?? []).map(block).filter(Boolean).join('\n\n'),
		inline: (nodes) => joinInline((nodes ?? []).map(inline)),
		attr(node, name, required = false) {
			const found = attribute(node, name);
			if (found && typeof found.value === 'string') return found.value;
			if (found && found.value !== null && found.value !== undefined) fail(node, `${name} must be a string`);
			if (required) fail(node, `${name} is missing`);
			return undefined;
		},
		numberAttr(node, name) {
			const found = attribute(node, name);
			if (!found) return undefined;
			const raw = typeof found.value === 'string' ? found.value : (found.value as { value?: string } | null)?.value;
			const number = Number(raw);
			if (raw === undefined || raw === null || !Number.isFinite(number)) fail(node, `${name} must be a number`);
			return number;
		},
		flag(node, name) {
			const found = attribute(node, name);
			if (!found) return false;
			if (found.value === null || found.value === undefined) return true;
			const raw = typeof found.value === 'string' ? found.value : (found.value as { value?: string }).value;
			if (raw === 'true') return true;
			if (raw === 'false') return false;
			return fail(node, `${name} must be true or false`);
		},
		headingLevel: () => level,
		fail,
		linkTo(href, content, { pageRef = true } = {}) {
			const target = sharedTarget(href, { lang: ctx.lang, slug: ctx.slug, chapters: ctx.chapters, base: ctx.base });
			if (target) return `#link(${label(target)})[${content}]${pageRef ? `#pageref(${label(target)}, ${str(ctx.t('cwam.pdf.pageAbbr'))})` : ''}`;
			return `#link(${str(siteAddress(href, ctx))})[${content}]`;
		},
		citationTarget(key) {
			return ctx.referencesInDocument ? `ref-${key}` : `${ctx.siteUrl}${ctx.lang}/references/#${key}`;
		},
	};

	function heading(node: Node & { depth?: number }): string {
		const depth = node.depth ?? 2;
		if (depth < 2) fail(node, 'a chapter’s headings start at ## (its title is in the front matter)');
		level = ctx.sectionLevel + depth - 2;
		const id = (node.data as { hProperties?: { id?: string } } | undefined)?.hProperties?.id;
		const text = write.inline(node.children);
		return `#heading(level: ${level})[${text}]${id ? ` ${label(sectionAnchor(ctx.slug, id))}` : ''}`;
	}

	function component(node: Node): string {
		const name = (node as { name?: string | null }).name;
		const form = name ? forms[name] : undefined;
		if (!form) return fail(node, 'no PDF form for this component (add one to src/lib/pdf/components.ts)');
		return form(node, write);
	}

	function directive(node: Node & { name?: string }): string {
		if (node.type !== 'containerDirective' || !asideKinds.has(node.name ?? '')) return fail(node, 'only the asides :::note, :::tip, :::caution and :::danger have a PDF form');
		const children = node.children ?? [];
		const first = children[0] as Node | undefined;
		const titled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
		const title = titled ? write.inline(first.children) : markup(ctx.t(`cwam.pdf.aside.${node.name}`));
		return `#aside(kind: ${str(node.name!)}, title: [${title}])[${write.blocks(titled ? children.slice(1) : children)}]`;
	}

	function list(node: Node & { ordered?: boolean | null; start?: number | null }): string {
		const items = (node.children ?? []).map((item) => {
			if (item.type !== 'listItem') return fail(item, 'a list holds list items only');
			return `[${write.blocks(item.children)}]`;
		});
		if (node.ordered) return `#enum(start: ${node.start ?? 1}, ${items.join(', ')})`;
		return `#list(${items.join(', ')})`;
	}

	function table(node: Node & { align?: (string | null)[] | null }): string {
		const rows = node.children ?? [];
		const columns = Math.max(...rows.map((row) => row.children?.length ?? 0));
		const cell = (c: Node) => {
			const content = write.inline(c.children);
			// An empty cell is room to write in (a worksheet's table).
			return content.trim() === '' ? '[#v(1.5em)]' : `[${content}]`;
		};
		const align = (node.align ?? []).map((a) => (a === 'right' ? 'right' : a === 'center' ? 'center' : 'left'));
		const [head, ...body] = rows.map((row) => {
			const cells = (row.children ?? []).map(cell);
			while (cells.length < columns) cells.push('[]');
			return cells.join(', ');
		});
		const alignment = align.length ? `align: (${align.join(', ')},), ` : '';
		// A table to fill in (empty cells) spans the page; a table of text takes the room its words need.
		const fillIn = rows.slice(1).some((row) => (row.children ?? []).some((c) => write.inline(c.children).trim() === ''));
		const widths = fillIn ? `(${Array(columns).fill('1fr').join(', ')},)` : String(columns);
		return `#table(columns: ${widths}, ${alignment}table.header(${head ?? ''}), ${body.join(', ')})`;
	}

	function block(node: Node): string {
		switch (node.type) {
			case 'yaml':
			case 'mdxjsEsm':
				return '';
			case 'heading':
				return heading(node as Node & { depth?: number });
			case 'paragraph':
				return write.inline(node.children).trim();
			case 'list':
				return list(node);
			case 'table':
				return table(node);
			case 'blockquote':
				return `#quote(block: true)[${write.blocks(node.children)}]`;
			case 'thematicBreak':
				return '#pdf.artifact(line(length: 100%, stroke: 0.5pt + rule))';
			case 'containerDirective':
			case 'leafDirective':
				return directive(node);
			case 'mdxJsxFlowElement':
				return component(node);
			case 'mdxFlowExpression':
				return commentOnly(node.value ?? '') ? '' : fail(node, 'an expression in braces has no PDF form (only {/* comments */})');
			case 'code':
				return `#raw(block: true, ${str(node.value ?? '')})`;
			default:
				return fail(node, 'no PDF form for this Markdown element');
		}
	}

	function inline(node: Node): string {
		switch (node.type) {
			case 'text':
				return markup(node.value ?? '');
			case 'emphasis':
				return `#emph[${write.inline(node.children)}]`;
			case 'strong':
				return `#strong[${write.inline(node.children)}]`;
			case 'delete':
				return `#strike[${write.inline(node.children)}]`;
			case 'inlineCode':
				return `#raw(${str(node.value ?? '')})`;
			case 'break':
				return '#linebreak()';
			case 'link':
				return link(node as Node & { url: string });
			case 'mdxJsxTextElement':
				return component(node);
			case 'mdxTextExpression':
				return commentOnly(node.value ?? '') ? '' : fail(node, 'an expression in braces has no PDF form (only {/* comments */})');
			case 'textDirective':
				// `:word` in prose, as the site shows it: the directive syntax is not used in chapters' text.
				return `:${markup((node as { name?: string }).name ?? '')}${write.inline(node.children)}`;
			default:
				return fail(node, 'no PDF form for this Markdown element');
		}
	}

	function link(node: Node & { url: string }): string {
		const content = write.inline(node.children);
		if (/^(https?:|mailto:)/.test(node.url)) {
			const note = ctx.footnoteLinks && !node.url.startsWith('mailto:') ? `#footnote(link(${str(node.url)}))` : '';
			return `#link(${str(node.url)})[${content}]${note}`;
		}
		return write.linkTo(node.url, content);
	}

	return write.blocks(root.children);
}

/**
 * Inline pieces side by side. Text right after an embedded call that starts with `(` or `.`
 * would continue the call (`#emph[Science, 333](6045)`), and a `;` would end it unseen: that
 * first character is escaped.
 */
export function joinInline(pieces: readonly string[]): string {
	let out = '';
	for (const piece of pieces) out += /[)\]]$/.test(out) && /^[(.;]/.test(piece) ? `\\${piece}` : piece;
	return out;
}

/** A site link (`/en/slug/#id`, `#id`) as a full address, for links that leave the document. */
export function siteAddress(href: string, ctx: Pick<ConvertContext, 'siteUrl' | 'base' | 'lang' | 'slug'>): string {
	if (href.startsWith('#')) return `${ctx.siteUrl}${ctx.lang}/${ctx.slug === 'index' ? '' : `${ctx.slug}/`}${href}`;
	const prefix = ctx.base.endsWith('/') ? ctx.base : `${ctx.base}/`;
	const path = href.startsWith(prefix) ? href.slice(prefix.length) : href.replace(/^\//, '');
	return new URL(path, ctx.siteUrl).href;
}
