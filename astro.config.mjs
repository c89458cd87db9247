// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import starlightLinksValidator from 'starlight-links-validator';
import { buildSidebar, parseNavigation } from './src/lib/navigation.ts';
import { completeCspIntegration } from './src/integrations/complete-csp.ts';
import { chapterLinksPlugin } from './src/integrations/chapter-links.ts';
import { serviceWorkerIntegration } from './src/integrations/service-worker.ts';
import { pdfEditionIntegration } from './src/integrations/pdf-edition.ts';
import { pageToolsPath } from './src/lib/page-tools.ts';

// Deployment is configured by environment, so `dist/` can go to any static host.
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH || '/';

// The site's title in each language is a UI string, like every other word (content/i18n/).
const siteTitle = Object.fromEntries(['en', 'fr'].map((lang) => [lang, JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8'))['cwam.siteTitle']]));
const navigation = parseNavigation(JSON.parse(readFileSync('content/navigation.json', 'utf8')));
const written = (/** @type {string} */ slug) =>
	['en', 'fr'].some((lang) => ['mdx', 'md'].some((ext) => existsSync(`content/docs/${lang}/${slug}.${ext}`)));

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// A strict Content-Security-Policy: scripts and styles by hash, nothing from elsewhere.
	// 'wasm-unsafe-eval' lets Pagefind (search) run its WebAssembly; it does not allow eval().
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
		},
	},
	// `## Heading {#id}` sets a section's id, the same in both languages, so links survive a language switch.
	markdown: {
		processor: satteri({ features: { headingAttributes: true }, mdastPlugins: [chapterLinksPlugin(base, site)] }),
		syntaxHighlight: false,
	},
	// content/ is reached through the src/content link: keep that path so Starlight knows each page's language.
	vite: {
		resolve: { preserveSymlinks: true },
		build: {
			// Astro writes small scripts into every page's HTML. Two of ours stay files: the <head>
			// script (page tools, offline reading, search ready when opened), cached once for the whole
			// site rather than repeated in every page, which keeps a chapter's HTML within the first
			// network round trip; and the presentation view's, which src/client/chapter-tools.ts imports
			// by its address (src/pages/[lang]/page-tools.astro).
			assetsInlineLimit: (file) => (/(^|\/)(Head|page-tools)\.astro_astro_type_script/.test(file) ? false : undefined),
		},
	},
	integrations: [
		// Starlight's own sitemap settings (languages), less the page tools, which are not for readers.
		sitemap({
			i18n: { defaultLocale: 'en', locales: { en: 'en', fr: 'fr' } },
			filter: (page) => !new URL(page).pathname.endsWith(`/${pageToolsPath}/`),
		}),
		starlight({
			title: siteTitle,
			description: 'A bilingual guide for elementary teachers to build a working alliance with every student.',
			favicon: '/favicon.svg',
			defaultLocale: 'en',
			// Not found belongs to both languages: src/pages/404.astro.
			disable404Route: true,
			locales: {
				en: { label: 'English', lang: 'en' },
				fr: { label: 'Français', lang: 'fr' },
			},
			sidebar: buildSidebar(navigation, written),
			customCss: ['./src/styles/site.css', './src/styles/components.css'],
			components: {
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
				Head: './src/components/overrides/Head.astro',
				SiteTitle: './src/components/overrides/SiteTitle.astro',
			},
			plugins: [starlightLinksValidator({ errorOnInconsistentLocale: true, errorOnLocalLinks: true })],
		}),
		// The PDF edition: the manual and its one-page sheets, typeset from content/ into dist/<lang>/pdf/.
		pdfEditionIntegration(),
		completeCspIntegration(),
		// Last: it precaches the final dist/ for offline reading.
		serviceWorkerIntegration(),
	],
});
