/**
 * Chapter tools, added when JavaScript runs (without it, pages stay plain, readable documents):
 * - a "copy link" button beside each h2/h3, with visible and announced feedback;
 * - on worksheets, a print button;
 * - "Present this page" (`?present`): the presentation view, src/client/presenter.ts, loaded
 *   with its markup from the page tools only when a trainer uses it.
 * The markup (buttons, their words) is rendered at build time by
 * src/components/overrides/MarkdownContent.astro in a <template> that this code clones; the
 * presentation view's controls come with it (src/pages/[lang]/page-tools.astro).
 */
import type { Presenter } from './presenter';
import { fetchPageTools } from './page-tools';

const tools = document.querySelector<HTMLElement>('.page-tools');
const content = document.querySelector<HTMLElement>('.sl-markdown-content');
const status = document.querySelector<HTMLElement>('[data-tools-status]');
if (tools && content && status) setUp(tools, content, status);

function setUp(tools: HTMLElement, content: HTMLElement, status: HTMLElement) {
	// One polite live region for the page: "Link copied", "Section 2 of 6: …".
	const announce = (message: string) => {
		status.textContent = '';
		// A fresh text node after a tick, so the same message twice is announced twice.
		setTimeout(() => (status.textContent = message), 50);
	};
	const copyLink = tools.querySelector<HTMLTemplateElement>('template[data-copy-link]');
	if (copyLink) addCopyLinks(content, copyLink, announce);
	tools.querySelector('.print-page')?.addEventListener('click', () => print());

	const toggle = tools.querySelector<HTMLAnchorElement>('.present-toggle');
	if (!toggle) return;
	tools.hidden = false;
	let presenter: Promise<Presenter> | undefined;
	const load = () => (presenter ??= loadPresenter(content, announce));
	// If the presentation view cannot load (offline before the site was ever kept), say so; try again next time.
	const failed = (error: unknown) => {
		console.error(error);
		presenter = undefined;
		announce(toggle.dataset.failed!);
	};
	toggle.addEventListener('click', (event) => {
		event.preventDefault();
		load().then((deck) => deck.start(), failed);
	});
	// The toggle's own address names the parameter (`?present`, from src/lib/present-param.ts): importing
	// that module here would make it a script file of its own, shared with the presentation code.
	const param = new URL(toggle.href).search.slice(1);
	if (new URLSearchParams(location.search).has(param)) load().then((deck) => deck.enter(), failed);
}

/**
 * The presentation view: its markup (a <template>) and its script both come from the page tools,
 * fetched the first time a page is presented; the service worker keeps them offline.
 */
async function loadPresenter(content: HTMLElement, announce: (message: string) => void): Promise<Presenter> {
	const { url, tools } = await fetchPageTools();
	const template = tools.querySelector<HTMLTemplateElement>('template[data-present-controls]');
	// The page's own script (Astro names the file after the page; the page may load others).
	const script = tools.querySelector('script[type="module"][src*="page-tools"]')?.getAttribute('src');
	if (!template || !script) throw new Error(`presentation view: ${url} has no presentation <template> or script`);
	const { createPresenter } = (await import(/* @vite-ignore */ new URL(script, location.href).href)) as typeof import('./presenter');
	return createPresenter(content, template, announce);
}

function addCopyLinks(content: HTMLElement, template: HTMLTemplateElement, announce: (message: string) => void) {
	for (const wrapper of content.querySelectorAll<HTMLElement>('.sl-heading-wrapper')) {
		const heading = wrapper.querySelector<HTMLElement>('h2[id], h3[id]');
		if (!heading) continue;
		const button = template.content.firstElementChild!.cloneNode(true) as HTMLButtonElement;
		const { label, copied, failed } = button.dataset as { label: string; copied: string; failed: string };
		button.setAttribute('aria-label', label.replace('{heading}', heading.textContent ?? ''));
		const feedback = button.querySelector<HTMLElement>('.copy-link-feedback')!;
		let timer: ReturnType<typeof setTimeout> | undefined;
		button.addEventListener('click', async () => {
			let message = copied;
			try {
				await navigator.clipboard.writeText(`${location.origin}${location.pathname}#${heading.id}`);
			} catch {
				// No clipboard (an http page, a refused permission): the address bar holds the link instead.
				history.replaceState(history.state, '', `#${heading.id}`);
				message = failed;
			}
			feedback.textContent = message;
			announce(message);
			clearTimeout(timer);
			timer = setTimeout(() => (feedback.textContent = ''), 3000);
		});
		wrapper.append(button);
	}
}
