import { presentParam } from './present-param';

/**
 * Presentation view: a page becomes one slide per h2 section, the title and introduction first.
 * Pure logic here; src/client/presenter.ts applies it to the page.
 */

/** The slide of each top-level block of a chapter: a new slide starts at every h2 after the first block. */
export function slideNumbers(startsSection: readonly boolean[]): number[] {
	let slide = 0;
	return startsSection.map((starts, i) => (starts && i > 0 ? ++slide : slide));
}

export type SlideMove = 'next' | 'previous' | 'first' | 'last' | 'exit';

/** What a key does in presentation view; undefined leaves the key to the page (forms, links). */
export function slideMoveForKey(key: string): SlideMove | undefined {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
			return 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'Escape':
			return 'exit';
		default:
			return undefined;
	}
}

/** The slide a move leads to, kept within the deck. */
export function moveSlide(current: number, count: number, move: Exclude<SlideMove, 'exit'>): number {
	const last = Math.max(count - 1, 0);
	if (move === 'first') return 0;
	if (move === 'last') return last;
	return Math.min(Math.max(current + (move === 'next' ? 1 : -1), 0), last);
}

/** The URL parameter that opens a page in presentation view. */
export { presentParam };

/** The page's URL with presentation view on or off, everything else kept. */
export function presentationUrl(href: string, on: boolean): string {
	const url = new URL(href);
	if (on) url.searchParams.set(presentParam, '');
	else url.searchParams.delete(presentParam);
	return url.pathname + url.search.replace(/=(?=&|$)/g, '') + url.hash;
}
