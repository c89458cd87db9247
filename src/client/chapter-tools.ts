/**
 * Chapter tools, added when JavaScript runs (without it, pages stay plain, readable documents):
 * - a "copy link" button beside each h2/h3, with visible and announced feedback;
 * - on worksheets, a print button;
 * - "Present this page" (`?present`): the presentation view, src/client/presenter.ts, loaded
 *   only when a trainer uses it.
 * The markup (buttons, controls, their words) is rendered at build time by
 * src/components/overrides/MarkdownContent.astro in <template>s that this code clones.
 */
import { presentParam } from '../lib/present-param';
import type { Presenter } from './presenter';

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
	const controls = tools.querySelector<HTMLTemplateElement>('template[data-present-controls]');
	if (!toggle || !controls) return;
	tools.hidden = false;
	let presenter: Promise<Presenter> | undefined;
	const load = () => (presenter ??= import('./presenter').then(({ createPresenter }) => createPresenter(content, controls, announce)));
	toggle.addEventListener('click', (event) => {
		event.preventDefault();
		void load().then((deck) => deck.start());
	});
	if (new URLSearchParams(location.search).has(presentParam)) void load().then((deck) => deck.enter());
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
