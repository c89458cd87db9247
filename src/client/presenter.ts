/**
 * Presentation view (`?present`): navigation hidden, large type, one h2 section at a time.
 * The script of the page tools (src/pages/[lang]/page-tools.astro), which src/client/chapter-tools.ts
 * fetches only when a trainer presents a page, so readers never download it. Its controls, and the
 * figure for the page's QR code (drawn here), are rendered at build time in a <template> there.
 * It does nothing on its own: chapter-tools imports it and calls createPresenter.
 */
import { moveSlide, presentParam, presentationUrl, slideMoveForKey, slideNumbers } from '../lib/slides';
import { qrMatrix, qrPath } from '../lib/qr';

// The same as fill() in src/lib/self-check-strings.ts, kept here on purpose: importing that one
// would make the bundler share a chunk between the self-check and this file.
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

export interface Presenter {
	/** Enters and puts `?present` in the address, so the view can be bookmarked and Back leaves it. */
	start(): void;
	enter(): void;
	exit(): void;
}

export function createPresenter(content: HTMLElement, template: HTMLTemplateElement, announce: (message: string) => void): Presenter {
	const root = document.documentElement;
	const blocks = [...content.children] as HTMLElement[];
	const slides = slideNumbers(blocks.map((block) => block.matches('.sl-heading-wrapper.level-h2, h2')));
	const count = (slides.at(-1) ?? 0) + 1;
	const controls = document.importNode(template.content.querySelector('.present-controls')!, true) as HTMLElement;
	// The QR code goes first in the content, so it belongs to the first slide, with the title.
	content.prepend(qrFigure(template));
	const position = controls.querySelector<HTMLElement>('.present-position')!;
	const positionText = position.dataset.text!;
	let current = 0;

	controls.querySelector('.present-previous')!.addEventListener('click', () => show(moveSlide(current, count, 'previous'), true));
	controls.querySelector('.present-next')!.addEventListener('click', () => show(moveSlide(current, count, 'next'), true));
	controls.querySelector('.present-exit')!.addEventListener('click', exit);

	function show(slide: number, moveFocus: boolean) {
		current = slide;
		root.dataset.slide = String(slide);
		blocks.forEach((block, i) => block.classList.toggle('slide-hidden', slides[i] !== slide));
		const first = blocks[slides.indexOf(slide)];
		const heading = slide === 0 ? document.querySelector<HTMLElement>('h1') : first?.querySelector<HTMLElement>('h2');
		const label = fill(positionText, { n: slide + 1, total: count });
		position.textContent = label;
		scrollTo(0, 0);
		if (moveFocus && heading) {
			heading.tabIndex = -1;
			heading.focus();
		}
		announce(`${label}: ${heading?.textContent?.trim() ?? ''}`);
	}

	function onKey(event: KeyboardEvent) {
		if (event.altKey || event.ctrlKey || event.metaKey) return;
		if ((event.target as HTMLElement).closest('input, select, textarea, [contenteditable]')) return;
		const move = slideMoveForKey(event.key);
		if (!move) return;
		event.preventDefault();
		if (move === 'exit') exit();
		else show(moveSlide(current, count, move), true);
	}

	function enter() {
		if (root.hasAttribute('data-presenting')) return;
		root.dataset.presenting = '';
		document.body.append(controls);
		addEventListener('keydown', onKey);
		// A link to /page/?present#section opens the deck at that section.
		const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
		const index = target ? blocks.findIndex((block) => block.contains(target)) : -1;
		show(index >= 0 ? slides[index]! : 0, true);
	}

	function exit() {
		if (!root.hasAttribute('data-presenting')) return;
		delete root.dataset.presenting;
		delete root.dataset.slide;
		blocks.forEach((block) => block.classList.remove('slide-hidden'));
		controls.remove();
		removeEventListener('keydown', onKey);
		if (new URLSearchParams(location.search).has(presentParam)) history.pushState(null, '', presentationUrl(location.href, false));
		document.querySelector<HTMLElement>('.present-toggle')?.focus();
	}

	// Back and Forward move between the page and its presentation view.
	addEventListener('popstate', () => (new URLSearchParams(location.search).has(presentParam) ? enter() : exit()));

	return {
		start: () => {
			history.pushState(null, '', presentationUrl(location.href, true));
			enter();
		},
		enter,
		exit,
	};
}

/** The page's QR code (of its canonical address: the public one), in the figure from the template. */
function qrFigure(template: HTMLTemplateElement): HTMLElement {
	const figure = document.importNode(template.content.querySelector('.present-qr')!, true) as HTMLElement;
	const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.replace(/[?#].*$/, '');
	const svg = figure.querySelector('svg')!;
	const modules = qrMatrix(url, { border: 2, ecc: 'M' });
	const size = String(modules.length);
	svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
	svg.setAttribute('aria-label', fill(svg.dataset.label!, { url }));
	svg.querySelector('rect')!.setAttribute('width', size);
	svg.querySelector('rect')!.setAttribute('height', size);
	svg.querySelector('path')!.setAttribute('d', qrPath(modules));
	figure.querySelector('.present-url')!.textContent = url;
	return figure;
}
