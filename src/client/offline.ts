/**
 * Offline reading. Registers the service worker (dist/sw.js, written after the build by
 * src/integrations/service-worker.ts), which keeps every page, the assets and the search index,
 * so the manual and the self-check work offline after a first visit. When a new deployment's
 * worker takes over a page that an older one was already serving, the reader is told once, in
 * the page's language (the notice's markup is fetched then, from src/pages/[lang]/page-tools.astro).
 * Nothing is shown on the first install.
 */
import { fetchPageTools } from './page-tools';

const workers = navigator.serviceWorker; // undefined on plain http (other than localhost)
if (workers) {
	// Served by a worker when the page loaded: a later takeover is a new deployment.
	let controlled = !!workers.controller;
	let told = false;
	workers.addEventListener('controllerchange', async () => {
		if (controlled && !told) {
			told = true;
			// The notice's markup, in the page's language, served by the new worker. Without it, no notice.
			const page = await fetchPageTools().catch(() => undefined);
			const template = page?.tools.querySelector<HTMLTemplateElement>('template[data-offline-notice]');
			if (!template) return;
			const notice = document.importNode(template.content, true).firstElementChild as HTMLElement;
			const message = notice.querySelector('p')!;
			notice.querySelector('[data-reload]')!.addEventListener('click', () => location.reload());
			notice.querySelector('[data-dismiss]')!.addEventListener('click', () => notice.remove());
			document.body.append(notice);
			// The words arrive once the live region is in the page, so screen readers announce them.
			setTimeout(() => (message.textContent = message.dataset.message!), 50);
		}
		controlled = true;
	});
	// Refused in some private modes: the site then simply works online only.
	workers.register(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sw.js`).catch(() => {});
}
