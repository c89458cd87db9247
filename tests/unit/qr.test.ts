import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encode } from 'uqr';
import { qrMask, qrMatrix, qrPath } from '../../src/lib/qr';

/** Redraws the path's rectangles into a matrix, to compare with what was encoded. */
function draw(path: string, size: number): boolean[][] {
	const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
	for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
		for (let i = 0; i < Number(width); i++) grid[Number(y)]![Number(x) + i] = true;
	}
	return grid;
}

describe('qrPath', () => {
	it('draws exactly the dark modules of a real code', () => {
		const { data } = encode('https://example.org/cwam/fr/building-the-bond/', { border: 2, maskPattern: qrMask });
		expect(draw(qrPath(data), data.length)).toEqual(data);
	});

	it('merges a run of dark modules into one rectangle', () => {
		expect(qrPath([[true, true, false, true]])).toBe('M0 0h2v1h-2zM3 0h1v1h-1z');
	});

	it('stays small: a couple of kilobytes for a page address', () => {
		const { data } = encode('https://example.org/cwam/en/repairing-the-relationship/', { border: 2, ecc: 'M' });
		expect(qrPath(data).length).toBeLessThan(6000);
	});

	it('draws nothing for a blank matrix', () => {
		expect(qrPath([[false, false], [false, false]])).toBe('');
	});
});

describe('qrMatrix', () => {
	type Ecc = 'L' | 'M' | 'Q' | 'H';
	const reference = (text: string, ecc: Ecc, mask: number, border: number) => encode(text, { ecc, maskPattern: mask, border }).data;

	it('makes the matrix uqr makes for a page address, as the presentation view asks for it', () => {
		for (const url of ['http://127.0.0.1:4321/en/building-the-bond/', 'https://example.org/cwam/fr/building-the-bond/', 'https://example.org/fr/l’alliance/']) {
			expect(qrMatrix(url)).toEqual(reference(url, 'M', qrMask, 2));
		}
	});

	it('makes the matrix uqr makes, for any text, level, mask and border', () => {
		const text = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 120 }),
			fc.webUrl(),
			fc.stringMatching(/^[0-9]{0,200}$/),
			fc.stringMatching(/^[A-Z0-9 $%*+./:-]{0,200}$/),
		);
		fc.assert(
			fc.property(text, fc.constantFrom<Ecc>('L', 'M', 'Q', 'H'), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 }), (value, ecc, mask, border) => {
				expect(qrMatrix(value, { ecc, mask, border })).toEqual(reference(value, ecc, mask, border));
			}),
			{ numRuns: 100 },
		);
		// Each run compares two full encodings: give a busy 2-core machine room (it takes ~2 s alone).
	}, 30_000);

	it('agrees with uqr on large versions (version bits, many blocks, version 32’s spacing) and on the limit', () => {
		for (const [text, ecc] of [
			['x'.repeat(200), 'M'],
			['9'.repeat(1800), 'L'],
			['A'.repeat(1500), 'Q'],
			['é'.repeat(600), 'H'],
			['z'.repeat(2331), 'L'],
		] as const) {
			expect(qrMatrix(text, { ecc, mask: 5, border: 1 })).toEqual(reference(text, ecc, 5, 1));
		}
		expect(qrMatrix('w'.repeat(1500), { ecc: 'M' }).length).toBe(32 * 4 + 17 + 4);
		expect(qrMatrix('w'.repeat(1500), { ecc: 'M' })).toEqual(reference('w'.repeat(1500), 'M', qrMask, 2));
		expect(() => qrMatrix('z'.repeat(3000), { ecc: 'L' })).toThrow(/too long/);
		expect(() => reference('z'.repeat(3000), 'L', 0, 0)).toThrow(/too long/);
	});
});
