/**
 * Chapter tools, added when JavaScript runs (without it, pages stay plain, readable documents):
 * - a "copy link" button beside each h2/h3, with visible and announced feedback;
 * - a presentation view (`?present` in the URL): navigation hidden, large type, one h2 section at a time;
 * - on worksheets, a print button.
 */
import { moveSlide, presentParam, presentationUrl, slideMoveForKey, slideNumbers } from '../lib/slides';

// The same as fill() in src/lib/self-check-strings.ts, kept here on purpose: importing that one
// makes the bundler split a shared chunk, one more request on every page.
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

interface ToolStrings {
	copyLink: string;
	copied: string;
	copyFailed: string;
	previous: string;
	next: string;
	exit: string;
	position: string;
	controls: string;
}

const tools = document.querySelector<HTMLElement>('.page-tools');
const content = document.querySelector<HTMLElement>('.sl-markdown-content');
if (tools && content) setUp(tools, content, JSON.parse(tools.dataset.strings ?? '{}') as ToolStrings);

function setUp(tools: HTMLElement, content: HTMLElement, strings: ToolStrings) {
	// One polite live region for the page: "Link copied", "Section 2 of 6: …".
	const status = document.createElement('p');
	status.className = 'sr-only';
	status.setAttribute('role', 'status');
	document.body.append(status);
	const announce = (message: string) => {
		status.textContent = '';
		// A fresh text node after a tick, so the same message twice is announced twice.
		setTimeout(() => (status.textContent = message), 50);
	};

	addCopyLinks(content, strings, announce);
	tools.querySelector('.print-page')?.addEventListener('click', () => print());

	const toggle = tools.querySelector<HTMLAnchorElement>('.present-toggle');
	if (!toggle) return;
	tools.hidden = false;
	const presenter = createPresenter(content, strings, announce);
	toggle.addEventListener('click', (event) => {
		event.preventDefault();
		history.pushState(null, '', presentationUrl(location.href, true));
		presenter.enter();
	});
	addEventListener('popstate', () => presenter.sync());
	presenter.sync();
}

function addCopyLinks(content: HTMLElement, strings: ToolStrings, announce: (message: string) => void) {
	for (const wrapper of content.querySelectorAll<HTMLElement>('.sl-heading-wrapper')) {
		const heading = wrapper.querySelector<HTMLElement>('h2[id], h3[id]');
		if (!heading) continue;
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'copy-link';
		button.setAttribute('aria-label', fill(strings.copyLink, { heading: heading.textContent ?? '' }));
		button.innerHTML =
			'<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1"/></svg>';
		const feedback = document.createElement('span');
		feedback.className = 'copy-link-feedback';
		feedback.setAttribute('aria-hidden', 'true');
		button.append(feedback);
		let timer: ReturnType<typeof setTimeout> | undefined;
		button.addEventListener('click', async () => {
			const url = `${location.origin}${location.pathname}#${heading.id}`;
			let message = strings.copied;
			try {
				await navigator.clipboard.writeText(url);
			} catch {
				// No clipboard (an http page, a refused permission): the address bar holds the link instead.
				history.replaceState(history.state, '', `#${heading.id}`);
				message = strings.copyFailed;
			}
			feedback.textContent = message;
			announce(message);
			clearTimeout(timer);
			timer = setTimeout(() => (feedback.textContent = ''), 3000);
		});
		wrapper.append(button);
	}
}

function createPresenter(content: HTMLElement, strings: ToolStrings, announce: (message: string) => void) {
	const root = document.documentElement;
	const blocks = [...content.children] as HTMLElement[];
	const slides = slideNumbers(blocks.map((block) => block.matches('.sl-heading-wrapper.level-h2, h2')));
	const count = (slides.at(-1) ?? 0) + 1;
	let current = 0;
	let controls: HTMLElement | undefined;
	let position: HTMLElement | undefined;

	const button = (label: string, className: string, onClick: () => void) => {
		const element = document.createElement('button');
		element.type = 'button';
		element.className = className;
		element.textContent = label;
		element.addEventListener('click', onClick);
		return element;
	};

	function show(slide: number, moveFocus: boolean) {
		current = slide;
		root.dataset.slide = String(slide);
		blocks.forEach((block, i) => block.classList.toggle('slide-hidden', slides[i] !== slide));
		const first = blocks[slides.indexOf(slide)];
		const heading = slide === 0 ? document.querySelector<HTMLElement>('h1') : first?.querySelector<HTMLElement>('h2');
		const label = fill(strings.position, { n: slide + 1, total: count });
		if (position) position.textContent = label;
		scrollTo(0, 0);
		if (moveFocus && heading) {
			heading.tabIndex = -1;
			heading.focus();
		}
		announce(`${label}: ${heading?.textContent?.trim() ?? ''}`);
	}

	function onKey(event: KeyboardEvent) {
		if (event.altKey || event.ctrlKey || event.metaKey) return;
		const target = event.target as HTMLElement;
		if (target.closest('input, select, textarea, [contenteditable]')) return;
		const move = slideMoveForKey(event.key);
		if (!move) return;
		event.preventDefault();
		if (move === 'exit') exit();
		else show(moveSlide(current, count, move), true);
	}

	function enter() {
		if (root.hasAttribute('data-presenting')) return;
		root.dataset.presenting = '';
		controls = document.createElement('nav');
		controls.className = 'present-controls';
		controls.setAttribute('aria-label', strings.controls);
		position = document.createElement('span');
		position.className = 'present-position';
		controls.append(
			button(strings.previous, 'present-previous', () => show(moveSlide(current, count, 'previous'), true)),
			position,
			button(strings.next, 'present-next', () => show(moveSlide(current, count, 'next'), true)),
			button(strings.exit, 'present-exit', exit),
		);
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
		controls?.remove();
		removeEventListener('keydown', onKey);
		if (new URLSearchParams(location.search).has(presentParam)) history.pushState(null, '', presentationUrl(location.href, false));
		document.querySelector<HTMLElement>('.present-toggle')?.focus();
	}

	return {
		enter,
		exit,
		sync: () => (new URLSearchParams(location.search).has(presentParam) ? enter() : exit()),
	};
}
