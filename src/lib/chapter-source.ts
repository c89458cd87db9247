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
