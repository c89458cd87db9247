import { defineMdastPlugin } from 'satteri';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { printUrl, withBase } from '../lib/base-path';

/**
 * Markdown plugin for chapter links: prefixes the deployment's base path to root-relative
 * links, and records each link's full address for print (handouts show where links lead).
 * Components' `href` props (e.g. <StartLink href="/en/…/">) get the base path too.
 */
export function chapterLinksPlugin(base: string, site: string) {
	const componentHref = (node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>, context: { replaceNode: (node: never, replacement: never) => void }) => {
		let changed = false;
		const attributes = node.attributes.map((attribute) => {
			if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== 'href' || typeof attribute.value !== 'string') return attribute;
			const url = withBase(attribute.value, base);
			if (url === attribute.value) return attribute;
			changed = true;
			return { ...attribute, value: url };
		});
		// Satteri cannot set `attributes` in place: put a copy with the new href where the element was.
		if (changed) context.replaceNode(node as never, { ...node, attributes } as never);
	};
	return defineMdastPlugin({
		name: 'cwam-chapter-links',
		mdxJsxFlowElement: componentHref,
		mdxJsxTextElement: componentHref,
		link(node, context) {
			const url = withBase(node.url, base);
			if (url !== node.url) context.setProperty(node, 'url', url);
			const full = printUrl(url, site);
			if (full) context.setProperty(node, 'data', { ...node.data, hProperties: { ...(node.data?.hProperties as object), 'data-print-url': full } });
		},
	});
}
