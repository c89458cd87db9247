/**
 * Student voice in both languages: a session by touch and one by keyboard, the read-aloud
 * button (speech synthesis recorded), the courtesy screen that keeps the teacher's data out of
 * reach until the teacher presses and holds, the two views and the expected list of gaps from
 * known answers, a paper form typed in, and export → import keeping both sides.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { fill as fillTemplate } from '../../src/lib/self-check-strings';
import { expect, expectNoAxeViolations, test } from './fixtures';

type Lang = 'en' | 'fr';
const STORAGE_KEY = 'cwam.self-check';
const i18n = (lang: Lang) => JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const voiceText = (lang: Lang, name: string, values: Record<string, string | number> = {}) => fillTemplate(i18n(lang)[`cwam.voice.${name}`]!, values);
const student = parse(readFileSync(new URL('../../content/instruments/student/cwai-student.yaml', import.meta.url), 'utf8')) as {
	items: { id: string; mirrors: string; topic: Record<Lang, string>; text: Record<Lang, string> }[];
	scale: { label: Record<Lang, string> }[];
};
const pageOf = (lang: Lang, query = '') => `/${lang}/student-voice/${query}`;

// The teacher's self-check for J.T., three days ago, and the student's answers to give, in question order.
const teacherAnswers = { b1: 4, t1: 4, g2: 3, b2: 5, g1: 4, t3: 3, b3: 5, g3: 4, t2: 4, b4: 5, t4: 4, g4: 3 };
const studentPicks = [2, 3, 3, 5, 4, 3, 2, 4, 4, 1, 4, 5];
/** The gaps these answers give, largest first, then in question order: [teacher item, teacher answer, student answer]. */
const expectedGaps: [string, number, number][] = [
	['b4', 5, 1],
	['b3', 5, 2],
	['b1', 4, 2],
	['g4', 3, 5],
];
const teacherScale = (parse(readFileSync(new URL('../../content/instruments/cwai-teacher.yaml', import.meta.url), 'utf8')) as { scale: { label: Record<Lang, string> }[] }).scale;
/** A gap as the page says it: the teacher's answer in the self-check's words, the student's in the student's. */
const gapLine = (lang: Lang, [mirrors, teacher, answer]: [string, number, number]) => {
	const item = student.items.find((one) => one.mirrors === mirrors)!;
	const word = (scale: { label: Record<Lang, string> }[], value: number) => scale[value - 1]!.label[lang].toLowerCase();
	const line = voiceText(lang, 'gap', { topic: item.topic[lang], teacher: word(teacherScale, teacher), student: 'J.T.', answer: word(student.scale, answer) });
	return line.charAt(0).toUpperCase() + line.slice(1);
};

/** A teacher check for J.T., and a speech synthesis that records what it is asked to say. */
async function prepare(page: Page, withCheck = true) {
	await page.addInitScript(
		({ key, answers, withCheck }) => {
			const spoken: { text: string; lang: string }[] = [];
			(window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
			const voices = [{ lang: 'en-CA', name: 'English' }, { lang: 'fr-CA', name: 'Français' }];
			Object.defineProperty(window, 'speechSynthesis', {
				configurable: true,
				value: { getVoices: () => voices, speak: (words: { text: string; lang: string }) => spoken.push({ text: words.text, lang: words.lang }), cancel: () => {}, addEventListener: () => {} },
			});
			(window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
				lang = '';
				constructor(readonly text: string) {}
			};
			if (withCheck && !sessionStorage.getItem('seeded')) {
				sessionStorage.setItem('seeded', '1');
				const date = new Date(Date.now() - 3 * 86_400_000).toISOString();
				localStorage.setItem(key, JSON.stringify({ format: 'cwam-self-check', version: 3, students: [{ label: 'J.T.', checks: [{ instrument: 'cwai-teacher', version: 1, date, answers }], plans: [], notes: [] }], drafts: {} }));
			}
		},
		{ key: STORAGE_KEY, answers: teacherAnswers, withCheck },
	);
}

const dialog = (page: Page) => page.locator('[data-sv-child]');
const stored = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STORAGE_KEY);

/** The teacher presses and holds the finish button until the child's screen closes. */
async function teacherHolds(page: Page, by: 'mouse' | 'keyboard') {
	const hold = page.locator('[data-sv-hold]');
	if (by === 'mouse') {
		await hold.hover();
		await page.mouse.down();
		await expect(dialog(page)).toBeHidden();
		await page.mouse.up();
	} else {
		await hold.focus();
		await page.keyboard.down('Enter');
		await expect(dialog(page)).toBeHidden();
		await page.keyboard.up('Enter');
	}
}

async function expectBothViews(page: Page, lang: Lang) {
	await expect(page.locator('[data-s="result-title"]')).toHaveText(voiceText(lang, 'resultsTitle', { student: 'J.T.' }));
	await expect(page.locator('[data-s="result-title"]')).toBeFocused();
	await expect(page.locator('[data-s="rows"] tr')).toHaveCount(2);
	await expect(page.locator('[data-s="rows"] tr').first()).toContainText(lang === 'en' ? '4.75' : '4,75');
	await expect(page.locator('[data-s="rows"] tr').first()).toContainText(lang === 'en' ? '2.5' : '2,5');
	await expect(page.locator('[data-s="gaps"] li')).toHaveText(expectedGaps.map((gap) => gapLine(lang, gap)));
	await expect(page.locator('.sv-pairs rect.sv-bar-student')).toHaveCount(2);
}

for (const lang of ['en', 'fr'] as const) {
	test.describe(`student voice (${lang})`, () => {
		test.describe('on a phone', () => {
			test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
		test('a session by touch: one question per screen, read aloud, no score for the child, then both views and the gaps', async ({ page }) => {
			await prepare(page);
			await page.goto(pageOf(lang));
			await page.locator('[data-sv-label]').tap();
			await page.locator('[data-sv-label]').fill('J.T.');
			await page.locator('[data-sv-hand]').tap();
			await expect(dialog(page)).toBeVisible();
			await page.locator('[data-sv-begin]').tap();
			for (const [index, pick] of studentPicks.entries()) {
				await expect(page.locator('[data-sv-text]')).toHaveText(student.items[index]!.text[lang]);
				await expect(page.locator('[data-s="progress"]')).toHaveText(voiceText(lang, 'progress', { n: index + 1, total: 12 }));
				if (index === 0) {
					// Next with no answer asks for one.
					await page.locator('[data-sv-next]').tap();
					await expect(page.locator('[data-sv-choose]')).toBeVisible();
					await page.locator('[data-sv-read]').tap();
					const spoken = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
					expect(spoken).toEqual([{ text: `${student.items[0]!.text[lang]} ${student.scale.map((point) => point.label[lang]).join(', ')}.`, lang: `${lang}-CA` }]);
				}
				await page.locator('.sv-option').nth(pick - 1).tap();
				await page.locator('[data-sv-next]').tap();
			}
			await expect(page.locator('[data-sv-thanks]')).toBeVisible();
			// The child sees no score.
			await expect(dialog(page)).not.toContainText(/\d[.,]\d/);
			await teacherHolds(page, 'mouse');
			await expectBothViews(page, lang);
			const saved = await stored(page);
			const check = saved.students[0].checks.find((one: { instrument: string }) => one.instrument === 'cwai-student');
			expect(Object.values(check.answers)).toEqual(studentPicks);
			expect(saved.drafts).toEqual({});
		});
		});

		test('a session by keyboard alone, and the teacher’s data out of reach until the teacher holds the button', async ({ page }) => {
			await prepare(page);
			await page.goto(pageOf(lang));
			await page.locator('[data-sv-label]').focus();
			await page.keyboard.type('J.T.');
			await page.keyboard.press('Enter');
			await expect(dialog(page)).toBeVisible();
			await expect(page.locator('[data-sv-setup]')).toBeHidden();
			await expect(page.locator('[data-sv-result]')).toBeHidden();
			await expectNoAxeViolations(page);
			await page.keyboard.press('Tab');
			await expect(page.locator('[data-sv-begin]')).toBeFocused();
			await page.keyboard.press('Enter');
			for (const [index, pick] of studentPicks.entries()) {
				await expect(page.locator('[data-sv-text]')).toBeFocused();
				await expect(page.locator('[data-sv-text]')).toHaveText(student.items[index]!.text[lang]);
				if (index === 1) await expectNoAxeViolations(page);
				// Read it to me, then the answers: arrows move among them.
				await page.keyboard.press('Tab');
				await expect(page.locator('[data-sv-read]')).toBeFocused();
				await page.keyboard.press('Tab');
				const radios = page.locator('[data-sv-question] input[type="radio"]');
				if (index === 0) await expect(radios.first()).toBeFocused();
				// Space picks the focused answer; the arrows move to the one wanted.
				await page.keyboard.press('Space');
				const current = await radios.evaluateAll((list) => list.findIndex((radio) => (radio as HTMLInputElement).checked));
				for (let step = current; step < pick - 1; step++) await page.keyboard.press('ArrowRight');
				for (let step = current; step > pick - 1; step--) await page.keyboard.press('ArrowLeft');
				await expect(radios.nth(pick - 1)).toBeChecked();
				await page.keyboard.press('Tab');
				await page.keyboard.press('Tab');
				await expect(page.locator('[data-sv-next]')).toBeFocused();
				await page.keyboard.press('Enter');
			}
			await expect(page.locator('[data-sv-thanks]')).toBeVisible();
			// Escape does not close the child's screen, and Tab never leaves it.
			await page.keyboard.press('Escape');
			await expect(dialog(page)).toBeVisible();
			for (let i = 0; i < 6; i++) {
				await page.keyboard.press('Tab');
				expect(await page.evaluate(() => !!document.activeElement?.closest('[data-sv-child]') || document.activeElement === document.body)).toBe(true);
			}
			// The page behind is out of reach: a tap on the menu or the My students link meets the child's screen.
			const behind = await page.evaluate(() => {
				const target = document.querySelector('a[href$="/my-students/"]')!.getBoundingClientRect();
				return !!document.elementFromPoint(target.x + 2, target.y + 2)?.closest('[data-sv-child]');
			});
			expect(behind).toBe(true);
			// A short press does not end the session.
			await page.locator('[data-sv-hold]').focus();
			await page.keyboard.press('Enter');
			await expect(dialog(page)).toBeVisible();
			await expectNoAxeViolations(page);
			await teacherHolds(page, 'keyboard');
			await expectBothViews(page, lang);
			await expectNoAxeViolations(page);
		});

		test('an unfinished session is kept to finish later; a paper form is typed in, every answer required', async ({ page }) => {
			await prepare(page);
			await page.goto(pageOf(lang));
			await page.locator('[data-sv-label]').fill('J.T.');
			await page.locator('[data-sv-hand]').click();
			await page.locator('[data-sv-begin]').click();
			await page.locator('.sv-option').nth(1).click();
			await page.locator('[data-sv-next]').click();
			await teacherHolds(page, 'mouse');
			await expect(page.locator('[data-sv-resume] [data-s="unfinished"]')).toHaveText(voiceText(lang, 'unfinished', { answered: 1, total: 12, student: 'J.T.' }));
			await page.locator('[data-sv-resume] button').click();
			await page.locator('[data-sv-begin]').click();
			await expect(page.locator('[data-sv-question] input[type="radio"]').nth(1)).toBeChecked();
			await teacherHolds(page, 'mouse');

			await page.locator('[data-sv-paper-open]').click();
			await expect(page.locator('[data-s="paper-title"]')).toHaveText(voiceText(lang, 'paperTitle', { student: 'J.T.' }));
			const rows = page.locator('.sv-paper-table tbody tr');
			for (const [index, pick] of studentPicks.entries()) if (index !== 4) await rows.nth(index).locator('input').nth(pick - 1).check();
			await page.getByRole('button', { name: voiceText(lang, 'paperSave') }).click();
			await expect(page.locator('[data-sv-paper-error]')).toHaveText(voiceText(lang, 'paperMissing', { n: 1 }));
			await expect(rows.nth(4).locator('input').first()).toBeFocused();
			await expectNoAxeViolations(page);
			await rows.nth(4).locator('input').nth(studentPicks[4]! - 1).check();
			await page.getByRole('button', { name: voiceText(lang, 'paperSave') }).click();
			await expectBothViews(page, lang);
		});

		test('export from My students, then import into a clean profile: both sides kept', async ({ page, browser }) => {
			await prepare(page);
			await page.goto(pageOf(lang));
			await page.locator('[data-sv-label]').fill('J.T.');
			await page.locator('[data-sv-paper-open]').click();
			const rows = page.locator('.sv-paper-table tbody tr');
			for (const [index, pick] of studentPicks.entries()) await rows.nth(index).locator('input').nth(pick - 1).check();
			await page.getByRole('button', { name: voiceText(lang, 'paperSave') }).click();
			await expectBothViews(page, lang);

			await page.goto(`/${lang}/my-students/`);
			const waiting = page.waitForEvent('download');
			await page.getByRole('button', { name: i18n(lang)['cwam.selfcheck.exportJson']! }).click();
			const backup = readFileSync((await (await waiting).path())!, 'utf8');
			const clean = await browser.newContext({ serviceWorkers: 'block' });
			const other = await clean.newPage();
			await other.goto(`/${lang}/my-students/`);
			await other.locator('[data-sc-import]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
			await expect(other.locator('[data-sc-status]')).toHaveText(fillTemplate(i18n(lang)['cwam.selfcheck.imported']!, { checks: 2, plans: 0, notes: 0 }));
			await other.goto(pageOf(lang, '?student=J.T.'));
			await expectBothViews(other, lang);
			expect((await stored(other)).students).toEqual((await stored(page)).students);
			await clean.close();
		});

		test('with no self-check near the answers, it says so and links to the self-check', async ({ page }) => {
			await prepare(page, false);
			await page.goto(pageOf(lang));
			await page.locator('[data-sv-label]').fill('K.M.');
			await page.locator('[data-sv-paper-open]').click();
			const rows = page.locator('.sv-paper-table tbody tr');
			for (const [index, pick] of studentPicks.entries()) await rows.nth(index).locator('input').nth(pick - 1).check();
			await page.getByRole('button', { name: voiceText(lang, 'paperSave') }).click();
			await expect(page.locator('[data-s="no-pair"]')).toContainText(voiceText(lang, 'noPair', { student: 'K.M.' }));
			await expect(page.locator('[data-s="no-pair"] a')).toHaveAttribute('href', `/${lang}/self-check/?student=K.M.`);
			await expect(page.locator('[data-s="views"]')).toBeHidden();
			await expectNoAxeViolations(page);
			// Deleting the answers, after confirming, leaves nothing of them.
			page.once('dialog', (question) => question.accept());
			await page.locator('[data-sv-delete]').click();
			await expect(page.locator('[data-sc-status]')).toHaveText(voiceText(lang, 'deleted', { student: 'K.M.' }));
			await expect(page.locator('[data-sv-setup]')).toBeVisible();
			expect((await stored(page)).students).toEqual([]);
		});
	});
}
