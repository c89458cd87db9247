/**
 * Search that is there when the reader opens it.
 *
 * Starlight builds the search box (Pagefind's UI) in a requestIdleCallback with no deadline. On a
 * busy phone, or in a browser that paints no frames (a background tab, headless Chromium under
 * load), that can wait many seconds, and a reader who opens search meanwhile gets an empty
 * dialog. So, until the page has loaded, idle callbacks get a 2 s deadline, and opening search
 * (its button, or Ctrl/⌘+K) runs the ones still waiting at once; the search box takes the focus
 * when it appears. Runs before Starlight's search script (src/components/overrides/Head.astro).
 */
const idle = window.requestIdleCallback?.bind(window);
if (idle) {
	const waiting = new Map<number, IdleRequestCallback>();
	window.requestIdleCallback = (callback, options) => {
		const id = idle((deadline) => waiting.delete(id) && callback(deadline), { timeout: 2000, ...options });
		waiting.set(id, callback);
		return id;
	};
	// Starlight asks at DOMContentLoaded: after load, idle callbacks are the browser's own again.
	addEventListener('load', () => (window.requestIdleCallback = idle), { once: true });

	const openSearch = () => {
		for (const [id, callback] of waiting) {
			cancelIdleCallback(id);
			waiting.delete(id);
			// Starlight's callback is async: once it is done, the search box is in the dialog (if the
			// reader has closed it meanwhile, the box is hidden and focus() does nothing).
			void Promise.resolve(callback({ didTimeout: true, timeRemaining: () => 0 })).then(() => document.querySelector<HTMLElement>('#starlight__search input')?.focus());
		}
	};
	// Capture: before Starlight's own handlers open the dialog.
	addEventListener('click', (event) => (event.target as Element).closest?.('[data-open-modal]') && openSearch(), true);
	addEventListener('keydown', (event) => (event.metaKey || event.ctrlKey) && event.key == 'k' && openSearch(), true);
}
