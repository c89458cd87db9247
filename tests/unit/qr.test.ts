import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { qrMask, qrPath, qrSvg } from '../../src/lib/qr';

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

	it('draws nothing for a blank matrix', () => {
		expect(qrPath([[false, false], [false, false]])).toBe('');
	});
});

describe('qrSvg', () => {
	it('is an image labelled with its address, escaped', () => {
		const svg = qrSvg([[true]], 'QR code for https://x.org/?a=1&b="2"');
		expect(svg).toContain('role="img"');
		expect(svg).toContain('aria-label="QR code for https://x.org/?a=1&amp;b=&quot;2&quot;"');
		expect(svg).toContain('viewBox="0 0 1 1"');
	});

	it('stays small: about a kilobyte for a page address', () => {
		const { data } = encode('https://example.org/cwam/en/repairing-the-relationship/', { border: 2, ecc: 'M' });
		expect(qrSvg(data, 'QR').length).toBeLessThan(6000);
	});
});
