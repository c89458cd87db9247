import { defineMdastPlugin } from 'satteri';
import { withBase } from '../lib/base-path';

/** Markdown plugin: prefixes the deployment's base path to root-relative links in chapters. */
export function baseLinksPlugin(base: string) {
	return defineMdastPlugin({
		name: 'cwam-base-links',
		link(node, context) {
			const url = withBase(node.url, base);
			if (url !== node.url) context.setProperty(node, 'url', url);
		},
	});
}
