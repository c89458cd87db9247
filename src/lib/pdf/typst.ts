/** Writing Typst source from text: markup that shows exactly the text, string literals, labels. */

// Characters with a meaning in Typst markup. Straight quotes and apostrophes are left alone:
// Typst curls them for the document's language, as the site's smart punctuation does.
const markupSpecial = /[\\#$*_`<>@[\]~=\-+/]/g;

/**
 * Text as Typst markup that reads exactly as the text: special characters escaped, line breaks
 * as spaces, and a leading `1.` kept from starting a numbered list.
 */
export function markup(text: string): string {
	return text
		.replace(/\s*\n\s*/g, ' ')
		.replace(markupSpecial, (char) => `\\${char}`)
		.replace(/^(\s*\d+)\./, '$1\\.');
}

/** A Typst string literal. */
export function str(text: string): string {
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** A Typst label's name: letters, digits and `-_.:` only (the anchors of chapter-anchors.ts are). */
export function label(name: string): string {
	if (!/^[\p{L}\p{N}_][\p{L}\p{N}_\-.:]*$/u.test(name)) throw new Error(`not a Typst label: ${JSON.stringify(name)}`);
	return `<${name}>`;
}
