/**
 * Every page right on every screen, at 320 px (a small phone, and WCAG 1.4.10's reflow width)
 * and 1280 px: no horizontal scroll, no text clipped by its box, and pointer targets of at
 * least 24×24 CSS px (WCAG 2.2 2.5.8) in the self-check and the trainer tools. Then the
 * self-check in forced colours (Windows high contrast). The audits are in ./layout-audit.ts;
 * each failure lists every offender at once, with the page (and state), the element and its text.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, sitemapPaths, test } from './fixtures';
import { auditClippedText, auditForcedColours, auditReflow, auditTargets } from './layout-audit';

type Lang = 'en' | 'fr';
const langs: Lang[] = ['en', 'fr'];
const widths = [320, 1280];
const paths = [...sitemapPaths(), '/404.html'];

/** The self-check's own controls; the trainer tools (copy-link buttons, presentation toggle, worksheet print button). */
const selfCheckScope = '[data-sc-check], [data-sc-students]';
const trainerScope = '.page-tools, .copy-link';

/**
 * Every layout problem of the page as it is now, each line starting with `where`: sideways
 * scrolling of the whole page, clipped text in `scope` (the whole page unless given; the site's
 * header is audited on every page by the sitemap test), small targets in `targetScope`.
 */
async function audit(page: Page, where: string, targetScope: string, scope = 'body'): Promise<string[]> {
	const found = [...(await page.evaluate(auditReflow)), ...(await page.evaluate(auditClippedText, scope)), ...(await page.evaluate(auditTargets, targetScope))];
	return found.map((line) => `${where}: ${line}`);
}

// The self-check, filled in through its own form.
const STORAGE_KEY = 'cwam.self-check';
const order = ['b1', 't1', 'g2', 'b2', 'g1', 't3', 'b3', 'g3', 't2', 'b4', 't4', 'g4'];
const i18n = (lang: Lang) => JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const words = Object.fromEntries(
	langs.map((lang) => {
		const strings = i18n(lang);
		return [lang, { submit: strings['cwam.selfcheck.submit']!, newCheck: strings['cwam.selfcheck.newCheck']!, deleteStudent: strings['cwam.selfcheck.deleteStudent']!, deleted: strings['cwam.selfcheck.deletedStudent']! }];
	}),
) as Record<Lang, { submit: string; newCheck: string; deleteStudent: string; deleted: string }>;

async function openSelfCheck(page: Page, lang: Lang) {
	await page.goto(`/${lang}/self-check/`);
	await expect(page.locator('[data-sc-actions]')).toBeVisible(); // the script has run
}

async function complete(page: Page, lang: Lang, label: string, answer: (index: number) => number) {
	await page.locator('[data-sc-student]').fill(label);
	for (const [index, item] of order.entries()) await page.locator(`input[name="sc-cwai-teacher-${item}"][value="${answer(index)}"]`).check();
	await page.getByRole('button', { name: words[lang].submit }).click();
	await expect(page.locator('[data-sc-results]').getByRole('heading')).toContainText(label);
}

/** A class of up to 25 students (long and accented labels among them), some checked three times, in the store's format. */
function classOf(size: number): string {
	const labels = ['A.B.', 'Zoé', 'M.-È.', 'Jean-Philippe-Alexandre', 'K', 'LL', 'Noor', 'T.J.', 'Éloïse R.', 'Sam', 'R2', 'Ayaan', 'B.C.', 'Yuki', 'Olu', 'Maëlle', 'Léo P.', 'Chris', 'Dev', 'Ife', 'Mo', 'Xav', 'Pat', 'Quinn', 'Wren'].slice(0, size);
	const students = labels.map((label, s) => ({
		label,
		checks: Array.from({ length: s % 4 === 0 ? 3 : 1 }, (_, c) => ({
			instrument: 'cwai-teacher',
			version: 1,
			date: new Date(Date.UTC(2025, 8 + c, 1 + s, 14)).toISOString(),
			answers: Object.fromEntries(order.map((item, i) => [item, 1 + ((s * 7 + i * (c + 1) + (item.startsWith('b') ? s : 0)) % 5)])),
		})),
	}));
	return JSON.stringify({ format: 'cwam-self-check', version: 2, students, drafts: {} });
}

for (const width of widths) {
	test.describe(`${width} px wide`, () => {
		test.use({ viewport: { width, height: width < 500 ? 760 : 900 } });

		test('every page of the sitemap and the 404 page: no sideways scroll, no clipped text, trainer tools big enough', async ({ page }) => {
			const problems: string[] = [];
			for (const path of paths) {
				await page.goto(path);
				problems.push(...(await audit(page, path, trainerScope)));
			}
			expect(problems, `layout problems at ${width} px`).toEqual([]);
		});

		for (const lang of langs) {
			test(`the self-check in every state (${lang})`, async ({ page }) => {
				const problems: string[] = [];
				const check = async (state: string) => problems.push(...(await audit(page, `/${lang}/self-check/ (${state})`, selfCheckScope, selfCheckScope)));
				page.on('dialog', (dialog) => dialog.accept());

				await openSelfCheck(page, lang);
				await check('questionnaire, nobody saved');
				await page.getByRole('button', { name: words[lang].submit }).click();
				await expect(page.locator('[data-sc-errors] a').first()).toBeVisible();
				await check('unanswered statements listed');

				await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, classOf(25)]);
				await openSelfCheck(page, lang);
				await complete(page, lang, 'Jean-Philippe-Alexandre', (index) => 1 + (index % 5));
				await expect(page.locator('[data-sc-results] [data-s="compare"] li')).toHaveCount(2);
				await check('results, with the comparison');
				await page.getByRole('button', { name: words[lang].newCheck }).click();
				await expect(page.locator('[data-sc-results]')).toBeHidden();

				// My students: the class, one student, the plan form with its errors, a deletion.
				const checkStudents = async (state: string) => problems.push(...(await audit(page, `/${lang}/my-students/ (${state})`, selfCheckScope, selfCheckScope)));
				await page.goto(`/${lang}/my-students/`);
				await expect(page.locator('[data-s="class-rows"] tr')).toHaveCount(25);
				await page.locator('[data-sc-movement]').check();
				await page.locator('[data-sc-highlight]').selectOption('Jean-Philippe-Alexandre');
				await expect(page.locator('svg.sc-scatter .sc-move').first()).toBeAttached();
				await checkStudents('the class of 25, movement and a highlight');
				await page.goto(`/${lang}/my-students/?student=A.B.#plan`);
				await expect(page.locator('[data-sc-plan-form]')).toBeVisible();
				await page.locator('[data-sc-plan-form] button[type="submit"]').click();
				await expect(page.locator('[data-s="plan-errors"] li')).toHaveCount(2);
				await checkStudents('one student, the plan form with its errors');
				// Deleting asks first with the browser's own confirm() (not part of the page, so not measured).
				await page.getByRole('button', { name: words[lang].deleteStudent.replace('{label}', 'A.B.'), exact: true }).click();
				await expect(page.locator('[data-s="class-rows"] tr')).toHaveCount(24);
				await checkStudents('a student deleted, after confirming');

				await page.evaluate((key) => localStorage.setItem(key, '{"format":"cwam-self-check","version":2,"students":[{'), STORAGE_KEY);
				await openSelfCheck(page, lang);
				await expect(page.locator('[data-sc-notice] button')).toHaveCount(2);
				await check('unreadable storage notice');
				expect(problems, `layout problems at ${width} px`).toEqual([]);
			});

			test(`the presentation view, every slide (${lang})`, async ({ page }) => {
				const problems: string[] = [];
				await page.goto(`/${lang}/building-the-bond/?present`);
				const position = page.locator('.present-position');
				await expect(position).toHaveText(/1\D+\d+$/);
				const slides = Number((await position.innerText()).match(/(\d+)$/)![1]);
				for (let slide = 1; slide <= slides; slide++) {
					await expect(position).toHaveText(new RegExp(`\\b${slide}\\D+${slides}$`));
					problems.push(...(await audit(page, `/${lang}/building-the-bond/?present, slide ${slide}`, '.present-controls')));
					await page.keyboard.press('ArrowRight');
				}
				expect(problems, `layout problems at ${width} px`).toEqual([]);
			});
		}
	});
}

test.describe('forced colours (Windows high contrast)', () => {
	for (const scheme of ['light', 'dark'] as const) {
		test.describe(`${scheme} system colours`, () => {
			test.use({ forcedColors: 'active', colorScheme: scheme });
			for (const lang of langs) {
				const audit = async (page: Page, state: string) => (await page.evaluate(auditForcedColours)).map((line) => `/${lang}/self-check/ (${state}): ${line}`);
				/** A few students saved, one more checked: results, chart and My students with its scatter chart. */
				const showResults = async (page: Page) => {
					await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, classOf(6)]);
					await openSelfCheck(page, lang);
					await complete(page, lang, 'Wren', (index) => 1 + ((index * 3) % 5));
					await expect(page.locator('[data-sc-results] svg.sc-bars rect.sc-bar')).toHaveCount(2);
				};
				/** My students: the class chart with movement, then one student's timeline. */
				const showStudents = async (page: Page, state: string) => {
					await page.goto(`/${lang}/my-students/`);
					await expect(page.locator('[data-s="class-rows"] tr')).toHaveCount(7);
					await page.locator('[data-sc-movement]').check();
					await expect(page.locator('svg.sc-scatter')).toContainText('Wren');
					const found = await audit(page, `${state}, My students`);
					await page.goto(`/${lang}/my-students/?student=A.B.`);
					await expect(page.locator('[data-sc-view="student"] svg.sc-chart polyline.sc-line')).toHaveCount(2);
					return [...found, ...(await audit(page, `${state}, one student`))];
				};

				test(`the questionnaire: radio buttons, progress and buttons stand out; axe passes (${lang})`, async ({ page }) => {
					await openSelfCheck(page, lang);
					expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
					await page.locator('input[name="sc-cwai-teacher-b1"][value="3"]').check();
					await expect(page.locator('[data-sc-progress]')).toContainText('1');
					expect(await audit(page, 'questionnaire'), 'forced-colours problems').toEqual([]);
					await expectNoAxeViolations(page);
				});

				test(`results and My students: charts in system colours, Bond and Collaboration told apart; axe passes (${lang})`, async ({ page }) => {
					await openSelfCheck(page, lang);
					await showResults(page);
					expect(await audit(page, 'results'), 'forced-colours problems').toEqual([]);
					await expectNoAxeViolations(page);
					expect(await showStudents(page, 'results'), 'forced-colours problems').toEqual([]);
					await expectNoAxeViolations(page);
				});

				// The site's theme chosen the other way round (Starlight's theme menu): the system colours
				// must still win, in the charts too. Not scanned by axe: in forced colours axe reads
				// -webkit-text-fill-color, which Chromium reports unforced, from the site's theme, so it
				// flags all of Starlight's text although it is drawn in system colours.
				const siteTheme = scheme === 'light' ? 'dark' : 'light';
				test(`results and My students with the site's theme set to ${siteTheme}: still system colours (${lang})`, async ({ page }) => {
					await page.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), siteTheme);
					await openSelfCheck(page, lang);
					await expect(page.locator('html')).toHaveAttribute('data-theme', siteTheme);
					await showResults(page);
					expect(await audit(page, `results, site theme ${siteTheme}`), 'forced-colours problems').toEqual([]);
					expect(await showStudents(page, `site theme ${siteTheme}`), 'forced-colours problems').toEqual([]);
				});
			}
		});
	}
});
