import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moveSlide, presentationUrl, slideMoveForKey, slideNumbers } from '../../src/lib/slides';

describe('slideNumbers', () => {
	it('puts the introduction on slide 0 and starts a slide at each h2', () => {
		expect(slideNumbers([false, false, true, false, true])).toEqual([0, 0, 1, 1, 2]);
	});
	it('does not leave an empty first slide when the page opens with an h2', () => {
		expect(slideNumbers([true, false, true])).toEqual([0, 0, 1]);
	});
	it('never decreases and never skips', () => {
		fc.assert(
			fc.property(fc.array(fc.boolean()), (starts) => {
				const numbers = slideNumbers(starts);
				numbers.forEach((n, i) => i > 0 && expect(n - numbers[i - 1]!).toBeGreaterThanOrEqual(0));
				numbers.forEach((n, i) => i > 0 && expect(n - numbers[i - 1]!).toBeLessThanOrEqual(1));
			}),
		);
	});
});

describe('slideMoveForKey', () => {
	it.each([
		['ArrowRight', 'next'],
		['ArrowDown', 'next'],
		['PageDown', 'next'],
		['ArrowLeft', 'previous'],
		['ArrowUp', 'previous'],
		['PageUp', 'previous'],
		['Home', 'first'],
		['End', 'last'],
		['Escape', 'exit'],
		['Tab', undefined],
		['Enter', undefined],
	])('%s → %s', (key, move) => expect(slideMoveForKey(key)).toBe(move));
});

describe('moveSlide', () => {
	it('moves by one, to the ends, and stays within the deck', () => {
		expect(moveSlide(2, 5, 'next')).toBe(3);
		expect(moveSlide(2, 5, 'previous')).toBe(1);
		expect(moveSlide(4, 5, 'next')).toBe(4);
		expect(moveSlide(0, 5, 'previous')).toBe(0);
		expect(moveSlide(2, 5, 'first')).toBe(0);
		expect(moveSlide(2, 5, 'last')).toBe(4);
		expect(moveSlide(0, 0, 'last')).toBe(0);
	});
	it('always lands on a slide that exists', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(), fc.constantFrom('next', 'previous', 'first', 'last'), (count, at, move) => {
				const result = moveSlide(at % count, count, move as 'next');
				expect(result).toBeGreaterThanOrEqual(0);
				expect(result).toBeLessThan(count);
			}),
		);
	});
});

describe('presentationUrl', () => {
	it('adds ?present, keeping other parameters and the section', () => {
		expect(presentationUrl('https://x.org/en/a/#greeting', true)).toBe('/en/a/?present#greeting');
		expect(presentationUrl('https://x.org/en/a/?q=1', true)).toBe('/en/a/?q=1&present');
	});
	it('removes it, leaving a clean address', () => {
		expect(presentationUrl('https://x.org/en/a/?present#greeting', false)).toBe('/en/a/#greeting');
		expect(presentationUrl('https://x.org/en/a/?q=1&present', false)).toBe('/en/a/?q=1');
	});
});
