/**
 * The self-check, in both languages: keyboard completion, scores, the comparison with the
 * previous check, saving, bad data, storage problems, print. My students (plans, notes, export,
 * import, deletion) is tested in my-students.spec.ts. The shared fixture fails any test in
 * which a request leaves the origin, the CSP blocks something, or a script throws.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fill as fillTemplate } from '../../src/lib/self-check-strings';
import { blockStorageKey, expect, expectNoAxeViolations, test } from './fixtures';

type Lang = 'en' | 'fr';
const langs: Lang[] = ['en', 'fr'];
const STORAGE_KEY = 'cwam.self-check';

const i18n = (lang: Lang) => JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
/** A self-check string with its {placeholders} filled, as the page shows it (the page's own `fill`). */
const text = (lang: Lang, name: string, values: Record<string, string | number> = {}) => fillTemplate(i18n(lang)[`cwam.selfcheck.${name}`]!, values);
/** Strategy links are named by the chapters' headings (the strategies collection), in the page's language. */
const headingOf = {
	greeting: { en: 'Greeting at the door', fr: 'L’accueil à la porte' },
	'goal-check-ins': { en: 'Checking in on goals', fr: 'Faire le point sur les objectifs' },
};

/** Items in the order they are asked, and a known pattern of answers. */
const order = ['b1', 't1', 'g2', 'b2', 'g1', 't3', 'b3', 'g3', 't2', 'b4', 't4', 'g4'];
// Bond (4 + 4 + 3 + 4) / 4 = 3.75; Task 17 / 4 = 4.25; Goal 18 / 4 = 4.5;
// Collaboration 35 / 8 = 4.375; Overall 50 / 12 = 4.1666…
const pattern: Record<string, number> = { b1: 4, t1: 4, g2: 4, b2: 4, g1: 5, t3: 4, b3: 3, g3: 4, t2: 5, b4: 4, t4: 4, g4: 5 };
const allOften = Object.fromEntries(order.map((item) => [item, 4]));
const expected = {
	en: { bond: 'Bond: 3.75 on the 1 to 5 scale, between sometimes and often', collaboration: 'Collaboration: 4.38 on the 1 to 5 scale, between often and always', task: 'Task: 4.25', goal: 'Goal: 4.5', overall: 'Overall: 4.17' },
	fr: { bond: 'Lien\u00a0: 3,75 sur l’échelle de 1 à 5, entre parfois et souvent', collaboration: 'Collaboration\u00a0: 4,38 sur l’échelle de 1 à 5, entre souvent et toujours', task: 'Tâches\u00a0: 4,25', goal: 'Objectifs\u00a0: 4,5', overall: 'Global\u00a0: 4,17' },
};

const url = (lang: Lang) => `/${lang}/self-check/`;
const form = (page: Page) => page.locator('[data-sc-check] form');
const results = (page: Page) => page.locator('[data-sc-results]');
const classRows = (page: Page) => page.locator('[data-sc-view="class"] [data-s="class-rows"] tr');
/** The storage notice: shown once, in the first self-check element of the page. */
const notice = (page: Page) => page.locator('[data-sc-notice]').first();
const radio = (page: Page, item: string, value: number) => page.locator(`input[name="sc-cwai-teacher-${item}"][value="${value}"]`);

async function open(page: Page, lang: Lang) {
	await page.goto(url(lang));
	// The script has run once the submit button is shown.
	await expect(page.locator('[data-sc-actions]')).toBeVisible();
	await expect(page.locator('[data-sc-nojs]')).toHaveCount(1);
	await expect(page.locator('[data-sc-nojs]').first()).toBeHidden();
}

async function fill(page: Page, label: string, answers: Record<string, number>) {
	await page.locator('[data-sc-student]').fill(label);
	for (const [item, value] of Object.entries(answers)) await radio(page, item, value).check();
}

async function complete(page: Page, lang: Lang, label: string, answers = pattern) {
	await fill(page, label, answers);
	await page.getByRole('button', { name: text(lang, 'submit') }).click();
	await expect(results(page)).toBeVisible();
	await expect(results(page).getByRole('heading')).toHaveText(text(lang, 'resultsTitle', { label }));
}

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
const acceptDialogs = (page: Page) => page.on('dialog', (dialog) => dialog.accept());

for (const lang of langs) {
	test.describe(`self-check (${lang})`, () => {
		test('is completed by keyboard alone and shows the scores of a known pattern', async ({ page }) => {
			await open(page, lang);
			await expectNoAxeViolations(page);
			await page.locator('[data-sc-student]').focus();
			await page.keyboard.type('K.B.');
			for (const item of order) {
				await page.keyboard.press('Tab'); // into the group: its first choice (1)
				await expect(page.locator(`input[name="sc-cwai-teacher-${item}"][value="1"]`)).toBeFocused();
				await page.keyboard.press('Space');
				for (let step = 1; step < pattern[item]!; step++) await page.keyboard.press('ArrowRight');
			}
			await expect(page.locator('[data-sc-progress]')).toHaveText(text(lang, 'progress', { n: 12, total: 12 }));
			await page.keyboard.press('Tab');
			await expect(page.getByRole('button', { name: text(lang, 'submit') })).toBeFocused();
			await page.keyboard.press('Enter');

			const shown = results(page);
			await expect(shown).toBeVisible();
			await expect(shown.getByRole('heading')).toHaveText(text(lang, 'resultsTitle', { label: 'K.B.' }));
			await expect(shown).toContainText(text(lang, 'reflection'));
			for (const line of Object.values(expected[lang])) await expect(shown).toContainText(line);
			// Bond is the lower side: its strategies, in this language, by stable id.
			await expect(shown).toContainText(text(lang, 'lower', { lower: lang === 'en' ? 'Bond' : 'Lien', label: 'K.B.' }));
			await expect(shown.locator(`a[href="/${lang}/building-the-bond/#greeting"]`)).toBeVisible();
			await expect(shown.locator(`a[href="/${lang}/building-the-bond/#greeting"]`)).toHaveText(headingOf.greeting[lang]);
			await expect(shown.locator(`a[href^="/${lang}/building-collaboration/"]`)).toHaveCount(0);
			await expect(shown.locator(`a[href="/${lang}/using-results/"]`)).toBeVisible();
			await expect(shown.locator('svg[role="img"] rect.sc-bar')).toHaveCount(2);
			await expect(page.locator('[data-sc-announce]')).toContainText(expected[lang].bond);
			await expect(shown).toContainText(text(lang, 'saved', { label: 'K.B.', n: 1 }));
			await expectNoAxeViolations(page);

			// The completed check is in the saved history, with its answers.
			const saved = JSON.parse((await stored(page))!);
			expect(saved.students).toEqual([{ label: 'K.B.', checks: [expect.objectContaining({ instrument: 'cwai-teacher', version: 1, answers: pattern })], plans: [], notes: [] }]);
			expect(saved.version).toBe(3);
			// The way on: a plan for this student, in My students.
			await expect(shown.getByRole('link', { name: text(lang, 'makePlan', { label: 'K.B.' }) })).toHaveAttribute('href', `/${lang}/my-students/?student=K.B.#plan`);
			await expect(shown.locator('[data-s="compare-box"]')).toBeHidden();
			expect(saved.drafts).toEqual({});
		});

		test('lists unanswered statements, moves focus to the first, and passes axe with errors', async ({ page }) => {
			await open(page, lang);
			await page.getByRole('button', { name: text(lang, 'submit') }).click();
			const errors = page.locator('[data-sc-errors]');
			await expect(errors).toContainText(text(lang, 'missingLabel'));
			await expect(page.locator('[data-sc-student]')).toBeFocused();
			await expect(page.locator('[data-sc-student]')).toHaveAttribute('aria-invalid', '');
			await expectNoAxeViolations(page);

			const { b1: _b1, g1: _g1, ...some } = pattern;
			await fill(page, 'R', some);
			await page.getByRole('button', { name: text(lang, 'submit') }).click();
			await expect(errors).not.toContainText(text(lang, 'missingLabel'));
			await expect(errors.getByRole('link')).toHaveText([text(lang, 'itemRef', { n: 1 }), text(lang, 'itemRef', { n: 5 })]);
			await expect(radio(page, 'b1', 1)).toBeFocused();
			await expect(results(page)).toBeHidden();
			await expectNoAxeViolations(page);

			// The list shrinks as answers come; a link takes focus to its statement.
			await radio(page, 'b1', 4).check();
			await expect(errors.getByRole('link')).toHaveText([text(lang, 'itemRef', { n: 5 })]);
			await errors.getByRole('link').click();
			await expect(radio(page, 'g1', 1)).toBeFocused();
			await radio(page, 'g1', 5).check();
			await expect(errors).toBeEmpty();
		});

		test('keeps answers through a reload mid-way', async ({ page }) => {
			await open(page, lang);
			await fill(page, 'M.-È.', { b1: 2, t1: 5, g2: 1, b2: 3, g1: 4 });
			await page.reload();
			await expect(page.locator('[data-sc-actions]')).toBeVisible();
			await expect(page.locator('[data-sc-student]')).toHaveValue('M.-È.');
			for (const [item, value] of Object.entries({ b1: 2, t1: 5, g2: 1, b2: 3, g1: 4 })) await expect(radio(page, item, value)).toBeChecked();
			await expect(page.locator('[data-sc-progress]')).toHaveText(text(lang, 'progress', { n: 5, total: 12 }));
		});

		test('keeps a second student apart, and compares a later check with the previous one', async ({ page }) => {
			await open(page, lang);
			await complete(page, lang, 'AB');
			await page.getByRole('button', { name: text(lang, 'newCheck') }).click();
			await expect(page.locator('[data-sc-student]')).toBeFocused();
			await complete(page, lang, 'CD', allOften);
			// Bond and Collaboration level: strategies for both sides.
			await expect(results(page)).toContainText(text(lang, 'level', { label: 'CD' }));
			await expect(results(page).locator(`a[href="/${lang}/building-the-bond/#greeting"]`)).toBeVisible();
			await expect(results(page).locator(`a[href="/${lang}/building-collaboration/#agreeing-on-steps"]`)).toBeVisible();
			await expect(results(page).locator(`a[href="/${lang}/building-collaboration/#goal-check-ins"]`)).toHaveText(headingOf['goal-check-ins'][lang]);
			await expect(results(page).locator('[data-s="compare-box"]')).toBeHidden();
			await complete(page, lang, 'ab', allOften); // the same student, whatever the case
			await expect(results(page)).toContainText(text(lang, 'saved', { label: 'ab', n: 2 }));
			// Bond 3.75 → 4 and Collaboration 4.375 → 4, in the scale's words.
			const compare = results(page).locator('[data-s="compare"] li');
			const words = {
				en: ['Bond rose from 3.75, between sometimes and often, to 4, often.', 'Collaboration fell from 4.38, between often and always, to 4, often.'],
				fr: ['Lien a augmenté\u00a0: de 3,75, entre parfois et souvent, à 4, souvent.', 'Collaboration a diminué\u00a0: de 4,38, entre souvent et toujours, à 4, souvent.'],
			};
			await expect(compare).toHaveText(words[lang]);
			await expectNoAxeViolations(page);

			await page.goto(`/${lang}/my-students/`);
			await expect(classRows(page)).toHaveCount(2);
			// Student, latest date, Bond, Collaboration, change, plan.
			await expect(classRows(page).first().locator('td').nth(1)).toHaveText('4');
			const chart = page.locator('svg.sc-scatter');
			await expect(chart.locator('circle.sc-dot')).toHaveCount(1); // both at (4, 4): one dot, both students
			await expect(chart).toContainText('AB, CD');
			await expectNoAxeViolations(page);
		});

		test('shows checks saved in another tab', async ({ page, context }) => {
			await page.goto(`/${lang}/my-students/`);
			await expect(page.locator('[data-sc-view="class"]')).toBeVisible();
			const other = await context.newPage();
			await open(other, lang);
			await complete(other, lang, 'UV');
			await expect(classRows(page).filter({ hasText: 'UV' })).toHaveCount(1);
		});

		test('reports corrupt storage, offers it raw, never wipes it silently', async ({ page }) => {
			const corrupt = '{"format":"cwam-self-check","version":2,"students":[{"label":"AB"';
			await page.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [STORAGE_KEY, corrupt]);
			await open(page, lang);
			await expect(notice(page)).toContainText(text(lang, 'corrupt'));
			await expectNoAxeViolations(page);

			const rawDownload = page.waitForEvent('download');
			await notice(page).getByRole('button', { name: text(lang, 'exportRaw') }).click();
			expect(readFileSync((await (await rawDownload).path())!, 'utf8')).toBe(corrupt);

			// The check still works, in memory, and the unreadable data stays as it was.
			await complete(page, lang, 'GH');
			await expect(results(page)).toContainText(text(lang, 'notSaved'));
			expect(await stored(page)).toBe(corrupt);

			// Starting over (confirmed) replaces it with what is in memory.
			acceptDialogs(page);
			await notice(page).getByRole('button', { name: text(lang, 'startOver') }).click();
			await expect(notice(page)).toBeHidden();
			expect(JSON.parse((await stored(page))!).students[0].label).toBe('GH');
		});

		test('works in memory, with a notice, when storage is blocked', async ({ page }) => {
			await blockStorageKey(page, STORAGE_KEY);
			await open(page, lang);
			await expect(notice(page)).toContainText(text(lang, 'unavailable'));
			await complete(page, lang, 'IJ');
			for (const line of Object.values(expected[lang])) await expect(results(page)).toContainText(line);
			await expect(results(page)).toContainText(text(lang, 'notSaved'));
			await expectNoAxeViolations(page);
		});

		test('switches to memory, with a notice, when storage is full', async ({ page }) => {
			await page.addInitScript((key) => {
				const { setItem } = Storage.prototype;
				Storage.prototype.setItem = function (name, value) {
					if (name === key) throw new DOMException('Quota exceeded', 'QuotaExceededError');
					return setItem.call(this, name, value);
				};
			}, STORAGE_KEY);
			await open(page, lang);
			await expect(notice(page)).toBeHidden();
			await radio(page, 'b1', 3).check();
			await expect(notice(page)).toContainText(text(lang, 'unavailable'));
			await complete(page, lang, 'KL');
			await expect(results(page)).toContainText(text(lang, 'notSaved'));
		});

		test('makes no request at all after load while checking and saving', async ({ page, watch }) => {
			await open(page, lang);
			await page.waitForLoadState('networkidle');
			const start = watch.requests.length;
			await complete(page, lang, 'NO');
			await complete(page, lang, 'NO', allOften);
			await expect(results(page).locator('[data-s="compare"] li')).toHaveCount(2);
			expect(watch.requests.slice(start)).toEqual([]);
		});

		test('prints cleanly: no navigation, results and chart in black and white', async ({ page }) => {
			await open(page, lang);
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('.sidebar-pane')).toBeHidden();
			await expect(page.locator('header.header')).toBeHidden();
			await expect(page.locator('[data-sc-key]')).toBeVisible();
			await expect(form(page).locator('fieldset').first()).toBeVisible();
			await expect(page.getByRole('button', { name: text(lang, 'submit') })).toBeHidden();
			// The blank questionnaire, printed alone, is a one- or two-page paper form.
			const pages = pdfPages(await pdfOf(page, '[data-sc-check]'));
			expect(pages).toBeGreaterThanOrEqual(1);
			expect(pages).toBeLessThanOrEqual(2);

			await page.emulateMedia({ media: 'screen' });
			await open(page, lang);
			await complete(page, lang, 'PR');
			await page.emulateMedia({ media: 'print' });
			await expect(results(page)).toBeVisible();
			await expect(form(page)).toBeHidden();
			await expect(results(page).getByRole('button', { name: text(lang, 'newCheck') })).toBeHidden();
			const fills = await page.locator('svg.sc-chart rect.sc-bar').evaluateAll((shapes) => shapes.map((shape) => getComputedStyle(shape).fill));
			expect(fills.length).toBe(2);
			for (const fill of fills) expect(['rgb(0, 0, 0)', 'rgb(255, 255, 255)', 'rgb(136, 136, 136)']).toContain(fill);
		});

		test('shows data saved in the other language, in this language', async ({ page }) => {
			const other: Lang = lang === 'en' ? 'fr' : 'en';
			await open(page, other);
			await complete(page, other, 'ST');
			await page.goto(`/${lang}/my-students/?student=ST`);
			const history = page.locator('[data-sc-view="student"] table');
			await expect(history.locator('tbody tr')).toHaveCount(1);
			await expect(history.locator('thead')).toContainText(lang === 'en' ? 'Collaboration' : 'Tâches');
			await expect(history.locator('tbody tr')).toContainText(lang === 'en' ? '3.75' : '3,75');
		});

		test('migrates data saved in the older format', async ({ page }) => {
			const v1 = { version: 1, students: { 'Old one': [{ date: '2024-03-01T15:00:00.000Z', answers: pattern }] } };
			await page.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(v1)]);
			await open(page, lang);
			await expect(notice(page)).toBeHidden();
			await complete(page, lang, 'New one');
			const saved = JSON.parse((await stored(page))!);
			expect(saved.version).toBe(3);
			await page.goto(`/${lang}/my-students/`);
			await expect(classRows(page).filter({ hasText: 'Old one' }).locator('td').nth(2)).toHaveText(lang === 'en' ? '4.38' : '4,38');
			expect(saved.students.map((s: { label: string }) => s.label)).toEqual(['Old one', 'New one']);
		});
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	for (const lang of langs) {
		test(`the questionnaire and its scoring key can be read (${lang})`, async ({ page }) => {
			await page.goto(url(lang));
			await expect(form(page).locator('fieldset')).toHaveCount(12);
			await expect(form(page).locator('fieldset').first().locator('input[type="radio"]')).toHaveCount(5);
			await expect(page.locator('[data-sc-key]')).toContainText(text(lang, 'keyTitle'));
			await expect(page.locator('[data-sc-actions]')).toBeHidden();
			await expect(page.getByText(text(lang, 'withoutScript'))).toBeVisible();
			// (axe needs JavaScript in the page: the same markup is scanned in the tests above.)
		});
	}
});

/** Pages in a PDF made by Chromium. */
function pdfPages(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** A PDF of one part of the page only: everything else is hidden (through the CSSOM, which the CSP allows). */
async function pdfOf(page: Page, selector: string): Promise<Buffer> {
	await page.evaluate((keep) => {
		for (let node = document.querySelector(keep)!; node.parentElement; node = node.parentElement) {
			for (const sibling of node.parentElement.children) if (sibling !== node) (sibling as HTMLElement).style.setProperty('display', 'none', 'important');
		}
	}, selector);
	return page.pdf({ format: 'Letter', printBackground: false });
}
