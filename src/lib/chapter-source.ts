/**
 * Reads what the manual's checks need from a chapter's MDX source: its front matter, sections,
 * components, citations and prose. Plain text processing, no MDX compiler: the checks must name
 * the file and the problem even when the build would fail on it.
 */

export interface Heading {
	depth: 2 | 3;
	text: string;
	id: string | undefined;
	line: number;
}

export interface ComponentUse {
	name: string;
	attributes: Record<string, string>;
	line: number;
}

/** The source without front matter, and the front matter's top-level `key: value` lines. */
export function splitFrontmatter(source: string): { data: Record<string, string>; body: string; bodyStartLine: number } {
	const match = source.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
	if (!match) return { data: {}, body: source, bodyStartLine: 1 };
	const data: Record<string, string> = {};
	for (const line of match[1]!.split(/\r?\n/)) {
		const pair = line.match(/^([A-Za-z][\w-]*):\s*(.*)$/);
		if (pair) data[pair[1]!] = pair[2]!.replace(/^(['"])(.*)\1$/, '$2');
	}
	return { data, body: source.slice(match[0].length), bodyStartLine: match[0].split('\n').length };
}

/** Lines of the body that are Markdown, not fenced code. */
function markdownLines(body: string, startLine: number): { text: string; line: number }[] {
	const lines: { text: string; line: number }[] = [];
	let fenced = false;
	body.split(/\r?\n/).forEach((text, i) => {
		if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
		else if (!fenced) lines.push({ text, line: startLine + i });
	});
	return lines;
}

/** `##` and `###` headings, with the `{#id}` each should end with. */
export function headings(source: string): Heading[] {
	const { body, bodyStartLine } = splitFrontmatter(source);
	return markdownLines(body, bodyStartLine).flatMap(({ text, line }) => {
		const match = text.match(/^(#{2,3})\s+(.*?)\s*$/);
		if (!match) return [];
		const idMatch = match[2]!.match(/^(.*?)\s*\{#([a-z0-9][a-z0-9-]*)\}$/);
		return [{ depth: match[1]!.length as 2 | 3, text: (idMatch ? idMatch[1] : match[2])!, id: idMatch?.[2], line }];
	});
}

/** Every use of a capitalised (component) tag, in order, with its string attributes. */
export function components(source: string): ComponentUse[] {
	const { body, bodyStartLine } = splitFrontmatter(source);
	const uses: ComponentUse[] = [];
	const pattern = /<([A-Z][A-Za-z0-9]*)((?:\s+[A-Za-z-]+(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*)\s*\/?>/g;
	for (const match of body.matchAll(pattern)) {
		const attributes: Record<string, string> = {};
		for (const attr of match[2]!.matchAll(/([A-Za-z-]+)(?:=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\}))?/g)) {
			attributes[attr[1]!] = attr[2] ?? attr[3] ?? attr[4] ?? 'true';
		}
		uses.push({ name: match[1]!, attributes, line: bodyStartLine + body.slice(0, match.index).split('\n').length - 1 });
	}
	return uses;
}

/** The citation keys used, in order (a `<Cite id="a b" />` gives two). */
export function citations(source: string): string[] {
	return components(source)
		.filter((use) => use.name === 'Cite')
		.flatMap((use) => (use.attributes.id ?? '').split(/[\s,]+/).filter(Boolean));
}

/**
 * The words a reader reads: body text without imports, component tags, heading ids, link
 * targets, Markdown markers or code, plus string props that are prose (a strategy's time).
 */
export function prose(source: string): string {
	const { body } = splitFrontmatter(source);
	const proseProps = components(source).flatMap((use) => (use.attributes.time ? [use.attributes.time] : []));
	const text = markdownLines(body, 1)
		.map(({ text }) => text)
		.filter((line) => !/^\s*(import|export)\s/.test(line))
		.join('\n')
		.replace(/<\/?[A-Z][^>]*>/g, ' ') // component tags
		.replace(/\{#[a-z0-9-]+\}/g, ' ') // heading ids
		.replace(/^\s*:::\w*(\[([^\]]*)\])?/gm, ' $2 ') // aside markers, keeping their titles
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep the text
		.replace(/`[^`]*`/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/^\s*(#{1,6}|[-*+]|\d+\.|>|\|)\s?/gm, ' ')
		.replace(/[*_]{1,3}/g, '')
		.replace(/\|/g, ' ');
	return [text, ...proseProps].join('\n');
}

export function countWords(text: string): number {
	return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Quebec typography in French prose: « » with no-break spaces, and a no-break space before : ; ! ? */
export function frenchTypographyProblems(text: string): string[] {
	const problems: string[] = [];
	const spaced = '[\\u00a0\\u202f]';
	const context = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 25), index + 5));
	for (const match of text.matchAll(/"/g)) problems.push(`straight quote " in ${context(match.index)}`);
	for (const match of text.matchAll(new RegExp(`(?<!${spaced})[;:!?](?=\\s|$|»)`, 'g'))) {
		problems.push(`no no-break space before "${match[0]}" in ${context(match.index)}`);
	}
	for (const match of text.matchAll(new RegExp(`«(?!${spaced})`, 'g'))) problems.push(`no no-break space after « in ${context(match.index)}`);
	for (const match of text.matchAll(new RegExp(`(?<!${spaced})»`, 'g'))) problems.push(`no no-break space before » in ${context(match.index)}`);
	return problems;
}

/** One line of what a reader reads, with its line number in the file. */
export interface ProseLine {
	line: number;
	text: string;
	/** The line starts a new block (heading, list item, table cell, aside, component, blank line): no sentence runs into it. */
	start: boolean;
}

/** Replaces a match with spaces, keeping its line breaks, so every later line keeps its number. */
const blank = (match: string) => match.replace(/[^\n]/g, ' ');

/** String props of components that readers read (a strategy's time, a start link's title and description). */
const proseProps = ['time', 'title', 'description'] as const;

/**
 * The prose of a chapter line by line, with the line numbers of the file: the front matter's
 * title and description, the body without imports, comments, component tags, heading ids, link
 * targets, code or Markdown markers (a table row gives one entry per cell), and the prose props
 * of components (a strategy card's `time`, a start link's `title` and `description`).
 */
export function proseLines(source: string): ProseLine[] {
	const { data, body, bodyStartLine } = splitFrontmatter(source);
	const lines: ProseLine[] = [];
	const frontmatter = source.split(/\r?\n/).slice(0, Math.max(0, bodyStartLine - 1));
	for (const key of ['title', 'description']) {
		const index = frontmatter.findIndex((line) => line.startsWith(`${key}:`));
		if (index !== -1 && data[key]) lines.push({ line: index + 1, text: data[key]!, start: true });
	}
	let fenced = false;
	const unfenced = body
		.split(/\r?\n/)
		.map((text) => {
			if (/^\s*(```|~~~)/.test(text)) {
				fenced = !fenced;
				return '';
			}
			return fenced || /^\s*(import|export)\s/.test(text) ? '' : text;
		})
		.join('\n');
	const text = unfenced
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank) // MDX comments
		.replace(/<!--[\s\S]*?-->/g, blank)
		.replace(/<Cite\b[^>]*\bnarrative\b[^>]*>/g, (tag) => `Ref${blank(tag).slice(3)}`) // a narrative citation reads as a name
		.replace(/<\/?[A-Z][^>]*>/g, blank) // component tags (a line holding only tags becomes a boundary)
		.replace(/<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/g, blank) // HTML tags
		.replace(/\{#[a-z0-9-]+\}/g, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`[^`\n]*`/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/\*{1,3}|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])/gu, '');
	let breakNext = true; // the line after a heading, an aside's title or a table row starts a block
	text.split('\n').forEach((raw, i) => {
		const line = bodyStartLine + i;
		let start = breakNext || raw.trim() === '';
		let content = raw;
		breakNext = false;
		const aside = content.match(/^\s*:::\w*(?:\[([^\]]*)\])?\s*$/);
		if (aside) {
			lines.push({ line, text: aside[1] ?? '', start: true });
			breakNext = true;
			return;
		}
		if (/^\s*\|/.test(content)) {
			breakNext = true;
			if (/^\s*\|[\s|:-]*$/.test(content)) return;
			for (const cell of content.replace(/^\s*\||\|\s*$/g, '').split('|')) lines.push({ line, text: cell.trim(), start: true });
			return;
		}
		const marker = content.match(/^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?)/);
		if (marker) {
			start = true;
			breakNext = marker[1]!.startsWith('#');
			content = content.slice(marker[0].length);
		}
		lines.push({ line, text: content.trim().replace(/[ \t]{2,}/g, ' '), start });
	});
	for (const use of components(source)) {
		for (const prop of proseProps) if (use.attributes[prop]) lines.push({ line: use.line, text: use.attributes[prop]!, start: true });
	}
	return lines;
}

/** The prose as one text (a space between the lines of a block, a line break between blocks), and the line of any index. */
export function joinProse(lines: ProseLine[]): { text: string; lineAt: (index: number) => ProseLine } {
	const starts: number[] = [];
	let text = '';
	for (const entry of lines) {
		if (starts.length) text += entry.start ? '\n' : ' ';
		starts.push(text.length);
		text += entry.text;
	}
	const lineAt = (index: number) => {
		let i = starts.length - 1;
		while (i > 0 && starts[i]! > index) i--;
		return lines[i]!;
	};
	return { text, lineAt };
}

/** A match in prose, with the line it starts on. */
export interface ProseMatch {
	line: number;
	match: string;
	/** The whole prose line the match starts on. */
	text: string;
}

/**
 * Every match of `pattern` (made global) in the lines, as if each block were one line: a phrase
 * broken across two source lines is found and reported on the line where it starts.
 */
export function findInProse(lines: ProseLine[], pattern: RegExp): ProseMatch[] {
	const { text, lineAt } = joinProse(lines);
	const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
	return [...text.matchAll(new RegExp(pattern.source, flags))].map((match) => {
		const at = lineAt(match.index);
		return { line: at.line, match: match[0], text: at.text };
	});
}

/** A sentence of prose, the line it starts on and its length in words. */
export interface Sentence {
	line: number;
	words: number;
	text: string;
}

// Words a period follows without ending the sentence (a single letter, "K.B." or "J. R.", is an initial).
const abbreviations = /(?:^|[\s(«"])(?:\p{L}|M|Mr|Ms|Mrs|Dr|Dre|St|al|ex|e\.g|i\.e|cf|vs|art|no|vol|éd|ed|eds|approx|env)\.$/iu;

/**
 * The sentences of the prose: a sentence ends at . ? ! or … followed by a space and a capital,
 * a quotation mark, a parenthesis or a digit, and at every block boundary (blank line, heading,
 * list item, table cell, aside, component). Never after an abbreviation (M., Mr., et al., p. ex.,
 * e.g.), an initial or inside a number.
 */
export function sentences(lines: ProseLine[]): Sentence[] {
	const result: Sentence[] = [];
	const blocks: ProseLine[][] = [];
	for (const entry of lines) {
		if (entry.start || !blocks.length) blocks.push([]);
		blocks.at(-1)!.push(entry);
	}
	for (const block of blocks) {
		const { text, lineAt } = joinProse(block.map((entry) => ({ ...entry, start: false })));
		const end = /[.?!…]+(?:[\s\u00a0\u202f]*[»"”’)\]*])*(?=\s+[«"“(\[*\p{Lu}\p{N}])|$/gu;
		let from = 0;
		for (const match of text.matchAll(end)) {
			const before = text.slice(0, match.index + 1);
			if (match[0].startsWith('.') && (abbreviations.test(before) || /\bp\. ex\.$/i.test(before))) continue;
			const piece = text.slice(from, match.index + match[0].length).trim().replace(/\s+/g, ' ');
			if (piece) result.push({ line: lineAt(from + (text.slice(from).length - text.slice(from).trimStart().length)).line, words: countWords(piece), text: piece });
			from = match.index + match[0].length;
		}
	}
	return result;
}

/**
 * Quebec spacing around numbers in French prose: a no-break space on both sides of × (« 2 × 10 »),
 * after « M. » and « Mme », and between a number and the unit or counted word that follows it.
 */
export function frenchSpacingProblems(text: string, units: readonly string[] = []): string[] {
	const problems: string[] = [];
	const context = (index: number, length: number) => JSON.stringify(text.slice(Math.max(0, index - 20), index + length + 20));
	for (const match of text.matchAll(/\d[ \t]+×|×[ \t]+\d/g)) problems.push(`plain space beside × in ${context(match.index, match[0].length)}`);
	for (const match of text.matchAll(/(?<![\p{L}])(M\.|Mme)[ \t]+(?=\p{Lu})/gu)) problems.push(`plain space after ${match[1]} in ${context(match.index, match[0].length)}`);
	if (units.length) {
		const unitPattern = new RegExp(`\\d[ \\t]+(${units.join('|')})(?![\\p{L}])`, 'gu');
		for (const match of text.matchAll(unitPattern)) problems.push(`plain space between a number and « ${match[1]} » in ${context(match.index, match[0].length)}`);
	}
	return problems;
}

/**
 * Masculine plural generics (« les enseignants ») that no feminine form introduces just before
 * (« les enseignantes et les enseignants » and « les enseignantes ou enseignants » pass).
 * `pairs` maps each masculine plural to its feminine.
 */
export function masculineGenerics(text: string, pairs: Record<string, string>, determiners: readonly string[]): { match: string; index: number }[] {
	const found: { match: string; index: number }[] = [];
	for (const [masculine, feminine] of Object.entries(pairs)) {
		const pattern = new RegExp(`(?<![\\p{L}])(?:(?:${determiners.join('|')})\\s+|d['’])${masculine}(?![\\p{L}])`, 'giu');
		for (const match of text.matchAll(pattern)) {
			const before = text.slice(Math.max(0, match.index - 80), match.index);
			if (new RegExp(`(?<![\\p{L}])${feminine}\\s+(?:et|ou)\\s+$`, 'iu').test(before)) continue;
			found.push({ match: match[0], index: match.index });
		}
	}
	return found.sort((a, b) => a.index - b.index);
}

/** Quotations « … » that say « vous », « votre » or « vos »: in this manual, pupils say « tu ». */
export function quotationsWithVous(text: string): { match: string; index: number }[] {
	const found: { match: string; index: number }[] = [];
	for (const match of text.matchAll(/«[^«»]*»/g)) {
		if (/(?<![\p{L}])(vous|votre|vos)(?![\p{L}])/iu.test(match[0])) found.push({ match: match[0], index: match.index });
	}
	return found;
}

/**
 * A style-list pattern as a regular expression: global, case-insensitive, Unicode, and `\b` a
 * boundary between a letter or digit and anything else (so « é » counts as a letter).
 */
export function stylePattern(source: string): RegExp {
	const boundary = '(?:(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_]))';
	return new RegExp(source.replace(/(?<!\\)\\b/g, boundary), 'giu');
}
