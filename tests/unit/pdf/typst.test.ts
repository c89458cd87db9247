import { describe, expect, it } from 'vitest';
import { label, markup, str } from '../../../src/lib/pdf/typst';

describe('Typst source from text', () => {
	it('escapes what markup would read as syntax, and keeps quotes for Typst to curl', () => {
		expect(markup('a*b_c #d $e [f] <g> @h ~i =j -k +l /m `n` \\o')).toBe('a\\*b\\_c \\#d \\$e \\[f\\] \\<g\\> \\@h \\~i \\=j \\-k \\+l \\/m \\`n\\` \\\\o');
		expect(markup('"Why?" it\'s')).toBe('"Why?" it\'s');
		expect(markup('two\n  lines')).toBe('two lines');
		expect(markup('https://x.org // not a comment')).toBe('https:\\/\\/x.org \\/\\/ not a comment');
	});

	it('keeps a leading number from starting a list', () => {
		expect(markup('1. Not a list')).toBe('1\\. Not a list');
		expect(markup('In 2019. Fine')).toBe('In 2019. Fine');
	});

	it('writes string literals and labels', () => {
		expect(str('say "hi"\\\n\r')).toBe('"say \\"hi\\"\\\\\\n\\r"');
		expect(label('building-the-bond--greeting')).toBe('<building-the-bond--greeting>');
		expect(() => label('two words')).toThrow(/not a Typst label/);
	});
});
