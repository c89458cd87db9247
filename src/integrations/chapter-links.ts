import { defineMdastPlugin } from 'satteri';
import { printUrl, withBase } from '../lib/base-path';

/**
 * Markdown plugin for chapter links: prefixes the deployment's base path to root-relative
 * links, and records each link's full address for print (handouts show where links lead).
 */
export function chapterLinksPlugin(base: string, site: string) {
	return defineMdastPlugin({
		name: 'cwam-chapter-links',
		link(node, context) {
			const url = withBase(node.url, base);
			if (url !== node.url) context.setProperty(node, 'url', url);
			const full = printUrl(url, site);
			if (full) context.setProperty(node, 'data', { ...node.data, hProperties: { ...(node.data?.hProperties as object), 'data-print-url': full } });
		},
	});
}
