/**
 * The alliance cycle in both languages (My students): a class of 25 with three checks each
 * (tests/fixtures/e2e/class-25.json, its dates moved so that "today" is 2026-11-24 of the
 * fixture), re-checks due, the class chart, plans from the results and from a strategy card,
 * notes, the timeline, the one-page summary (a real PDF), export and import, the CSV in the
 * page's language, and the faults. The shared fixture fails any test in which a request leaves
 * the origin, the CSP blocks something, or a script throws.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { csvStyles, parseCsv, parseNumber } from '../../src/lib/csv';
import { computeScores, scaleWords } from '../../src/lib/scoring';
import { fill as fillTemplate } from '../../src/lib/self-check-strings';
import { blockStorageKey, expect, expectNoAxeViolations, settled, test } from './fixtures';

type Lang = 'en' | 'fr';
const langs: Lang[] = ['en', 'fr'];
const STORAGE_KEY = 'cwam.self-check';

const i18n = (lang: Lang) => JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const text = (lang: Lang, name: string, values: Record<string, string | number> = {}) => fillTemplate(i18n(lang)[`cwam.selfcheck.${name}`]!, values);

/* ---------- The class fixture, moved in time so that its "today" (2026-11-24) is today ---------- */

const DAY = 86_400_000;
const localToday = () => {
	const now = new Date();
	return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
const shift = Math.round((Date.parse(`${localToday()}T00:00:00Z`) - Date.parse('2026-11-24T00:00:00Z')) / DAY);
const moveDay = (day: string, days = shift) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const moveTime = (iso: string) => new Date(Date.parse(iso) + shift * DAY).toISOString();
interface FixtureStudent {
	label: string;
	checks: { date: string; answers: Record<string, number> }[];
	plans: { id: string; created: string; ended?: string; recheck: string | null; strategies: string[]; action: string }[];
	notes: { id: string; date: string; created: string; text: string }[];
}
const raw = JSON.parse(readFileSync(new URL('../fixtures/e2e/class-25.json', import.meta.url), 'utf8'));
const classStore = {
	...raw,
	students: (raw.students as FixtureStudent[]).map((student) => ({
		...student,
		checks: student.checks.map((check) => ({ ...check, date: moveTime(check.date) })),
		plans: student.plans.map((plan) => ({ ...plan, created: moveTime(plan.created), ...(plan.ended ? { ended: moveTime(plan.ended) } : {}), recheck: plan.recheck && moveDay(plan.recheck) })),
		notes: student.notes.map((note) => ({ ...note, date: moveDay(note.date), created: moveTime(note.created) })),
	})),
};
const classFile = { name: 'class-25.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(classStore)) };
const fixtureStudent = (label: string) => (classStore.students as FixtureStudent[]).find((student) => student.label === label)!;

/* ---------- The instrument, for expected scores and words ---------- */

const order = ['b1', 't1', 'g2', 'b2', 'g1', 't3', 'b3', 'g3', 't2', 'b4', 't4', 'g4'];
const model = {
	min: 1,
	max: 5,
	items: order.map((id) => ({ id, reverse: false })),
	scores: [
		{ id: 'bond', items: ['b1', 'b2', 'b3', 'b4'] },
		{ id: 'collaboration', items: order.filter((id) => !id.startsWith('b')) },
	],
};
// Bond 3.75, Collaboration 4.375: Bond is the lower side.
const pattern: Record<string, number> = { b1: 4, t1: 4, g2: 4, b2: 4, g1: 5, t3: 4, b3: 3, g3: 4, t2: 5, b4: 4, t4: 4, g4: 5 };
const scale = { en: ['never', 'rarely', 'sometimes', 'often', 'always'], fr: ['jamais', 'rarement', 'parfois', 'souvent', 'toujours'] };
const sides = { en: { bond: 'Bond', collaboration: 'Collaboration' }, fr: { bond: 'Lien', collaboration: 'Collaboration' } };
const num = (lang: Lang, value: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
const words = (lang: Lang, value: number) => {
	const found = scaleWords(model, scale[lang], value);
	return 'at' in found ? found.at : text(lang, 'between', { low: found.between[0], high: found.between[1] });
};
/** "Collaboration rose from 2.25, between rarely and sometimes, to 3, sometimes." */
const changeLine = (lang: Lang, side: 'bond' | 'collaboration', before: number, after: number) =>
	text(lang, after > before ? 'compareRose' : after < before ? 'compareFell' : 'compareSame', {
		score: sides[lang][side],
		before: num(lang, before),
		beforeWords: words(lang, before),
		after: num(lang, after),
		afterWords: words(lang, after),
	});
const dayText = (lang: Lang, day: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/* ---------- Page helpers ---------- */

const myStudents = (lang: Lang, query = '') => `/${lang}/my-students/${query}`;
const status = (page: Page) => page.locator('[data-sc-status]');
const classView = (page: Page) => page.locator('[data-sc-view="class"]');
const studentView = (page: Page) => page.locator('[data-sc-view="student"]');
const planForm = (page: Page) => page.locator('[data-sc-plan-form]');
const stored = async (page: Page) => JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY))!);
const acceptDialogs = (page: Page) => page.on('dialog', (dialog) => dialog.accept());

async function openClass(page: Page, lang: Lang) {
	await page.goto(myStudents(lang));
	await expect(classView(page)).toBeVisible();
	await expect(page.locator('[data-sc-nojs]')).toBeHidden();
}
async function importClass(page: Page, lang: Lang) {
	await openClass(page, lang);
	await page.locator('[data-sc-import]').setInputFiles(classFile);
	await expect(status(page)).toHaveText(text(lang, 'imported', { checks: 75, plans: 4, notes: 2 }));
}
/** What pdfinfo says a PDF has. poppler-utils is installed by .ci/run. */
function pdfInfo(pdf: Buffer): { pages: number; text: string } {
	const dir = mkdtempSync(join(tmpdir(), 'cwam-summary-'));
	const file = join(dir, 'summary.pdf');
	writeFileSync(file, pdf);
	let info: string;
	try {
		info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	} catch {
		throw new Error('pdfinfo is missing: install poppler-utils (apt-get install -y poppler-utils), as .ci/run does.');
	}
	return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
}
/** Two boxes overlap when they share more than a hairline. */
const overlap = (a: DOMRect | Box, b: DOMRect | Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

for (const lang of langs) {
	test.describe(`My students (${lang})`, () => {
		test('a class of 25: re-checks due first, the table, and a chart whose labels never overlap', async ({ page }) => {
			await importClass(page, lang);
			// Due first: the due list comes before the class table.
			const due = classView(page).locator('[data-s="due-list"] li');
			await expect(due).toHaveCount(1);
			await expect(due).toContainText('Éloïse B.');
			await expect(due).toContainText(text(lang, 'dueSince', { date: dayText(lang, moveDay('2026-11-17')) }));
			await expect(due.getByRole('link', { name: text(lang, 'recheckNow', { label: 'Éloïse B.' }) })).toHaveAttribute('href', `/${lang}/self-check/?student=%C3%89lo%C3%AFse+B.#take-the-check`);
			const upcoming = classView(page).locator('[data-s="upcoming-list"] li');
			await expect(upcoming).toHaveCount(1);
			await expect(upcoming).toContainText(text(lang, 'upcomingOn', { date: dayText(lang, moveDay('2026-11-28')) }));
			const dueFirst = await page.evaluate(() => {
				const list = document.querySelector('[data-s="due-list"]')!;
				const table = document.querySelector('[data-s="class-rows"]')!;
				return Boolean(list.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
			});
			expect(dueFirst).toBe(true);

			const rows = classView(page).locator('[data-s="class-rows"] tr');
			await expect(rows).toHaveCount(25);
			const jt = rows.filter({ has: page.getByRole('link', { name: 'J.T.', exact: true }) });
			const last = computeScores(model, fixtureStudent('J.T.').checks[2]!.answers);
			const before = computeScores(model, fixtureStudent('J.T.').checks[1]!.answers);
			await expect(jt.locator('td').nth(1)).toHaveText(num(lang, last.bond!));
			const signed = (value: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
			await expect(jt.locator('td').nth(3)).toHaveText(`${sides[lang].bond} ${signed(last.bond! - before.bond!)}, Collaboration ${signed(last.collaboration! - before.collaboration!)}`);

			// The chart: one dot per place, no label over another label or over a dot, all inside.
			const chart = classView(page).locator('svg.sc-scatter');
			const boxes = async () =>
				chart.evaluate((svg: SVGSVGElement) => {
					const box = (element: SVGGraphicsElement) => {
						const { x, y, width, height } = element.getBBox();
						return { x, y, width, height };
					};
					const { x, y, width, height } = svg.viewBox.baseVal;
					return {
						view: { x, y, width, height },
						labels: [...svg.querySelectorAll<SVGTextElement>('text.sc-dot-label, text.sc-dot-number')].map(box),
						dots: [...svg.querySelectorAll<SVGCircleElement>('circle.sc-dot')].map(box),
						keys: [...svg.querySelectorAll('circle.sc-dot')].flatMap((dot) => (dot.getAttribute('data-key') ?? '').split(' ').filter(Boolean)).length,
					};
				});
			const checkLayout = async () => {
				const { view, labels, dots } = await boxes();
				expect(labels.length).toBeGreaterThan(0);
				for (const [index, label] of labels.entries()) {
					expect(label.x, 'label inside the chart').toBeGreaterThanOrEqual(view.x);
					expect(label.x + label.width, 'label inside the chart').toBeLessThanOrEqual(view.x + view.width);
					expect(label.y).toBeGreaterThanOrEqual(view.y);
					expect(label.y + label.height).toBeLessThanOrEqual(view.y + view.height);
					for (const other of labels.slice(index + 1)) expect(overlap(label, other), `labels ${JSON.stringify(label)} and ${JSON.stringify(other)}`).toBe(false);
					for (const dot of dots) expect(overlap(label, dot), `label ${JSON.stringify(label)} over dot ${JSON.stringify(dot)}`).toBe(false);
				}
			};
			await checkLayout();
			expect((await boxes()).keys).toBeGreaterThanOrEqual(25);

			// Highlight one student, then show the movement since each previous check.
			await page.getByLabel(text(lang, 'highlight')).selectOption('J.T.');
			await expect(chart).toHaveAttribute('data-highlight', 'J.T.');
			await expect(chart.locator('circle.sc-dot-highlight')).toHaveCount(1);
			await expect(chart.locator('.sc-dim').first()).toBeAttached();
			await expect(chart.locator('.sc-move')).toHaveCount(0);
			await page.getByLabel(text(lang, 'movement')).check();
			await expect(chart.locator('.sc-move').first()).toBeAttached();
			expect(await chart.locator('.sc-move').count()).toBeGreaterThan(10);
			await expect(classView(page).locator('[data-s="moved-note"]')).toBeVisible();
			await checkLayout();
			await expectNoAxeViolations(page);
		});

		test('a plan from the results: the comparison, the lower side first, a re-check four weeks on', async ({ page }) => {
			await importClass(page, lang);
			await page.goto(`/${lang}/self-check/?student=J.T.#take-the-check`);
			await expect(page.locator('[data-sc-student]')).toHaveValue('J.T.');
			for (const [item, value] of Object.entries(pattern)) await page.locator(`input[name="sc-cwai-teacher-${item}"][value="${value}"]`).check();
			await page.getByRole('button', { name: text(lang, 'submit') }).click();
			const results = page.locator('[data-sc-results]');
			await expect(results).toBeVisible();

			// Each main score then and now, in the scale's words.
			const previous = computeScores(model, fixtureStudent('J.T.').checks[2]!.answers);
			const now = computeScores(model, pattern);
			const compare = results.locator('[data-s="compare"] li');
			await expect(compare).toHaveText([changeLine(lang, 'bond', previous.bond!, now.bond!), changeLine(lang, 'collaboration', previous.collaboration!, now.collaboration!)]);
			await expect(results).toContainText(text(lang, 'compareCaution'));
			await expect(results.locator('[data-s="plan-since"]')).toBeVisible();
			await expectNoAxeViolations(page);

			await results.getByRole('link', { name: text(lang, 'newPlan') }).click();
			await expect(planForm(page)).toBeVisible();
			await expect(planForm(page).getByRole('heading')).toBeFocused();
			await expect(planForm(page)).toContainText(text(lang, 'planReplaces'));
			// Bond was the lower side: its strategies are offered first.
			const groups = planForm(page).locator('.sc-strategy-group > legend');
			await expect(groups).toHaveText([text(lang, 'planGroup', { side: sides[lang].bond }), text(lang, 'planGroup', { side: sides[lang].collaboration })]);
			const recheck = moveDay(localToday(), 28);
			await expect(planForm(page).locator('[name="recheck"]')).toHaveValue(recheck);

			// Nothing chosen: the problems are listed, and focus goes to the first.
			await planForm(page).getByRole('button', { name: text(lang, 'planSave') }).click();
			const errors = planForm(page).locator('[data-s="plan-errors"] li');
			await expect(errors).toHaveText([text(lang, 'errStrategiesNone'), text(lang, 'errActionEmpty')]);
			await expect(planForm(page).locator('input[name="strategy"]').first()).toBeFocused();
			await expectNoAxeViolations(page);
			// Four strategies is one too many.
			const boxes = planForm(page).locator('input[name="strategy"]');
			for (let index = 0; index < 4; index++) await boxes.nth(index).check();
			await planForm(page).locator('[name="action"]').fill('Two minutes about hockey before the bell.');
			await planForm(page).getByRole('button', { name: text(lang, 'planSave') }).click();
			await expect(errors).toHaveText([text(lang, 'errStrategiesTooMany')]);
			// By keyboard: untick two with the space bar, then save with Enter from a field.
			for (const index of [3, 2]) {
				await boxes.nth(index).focus();
				await page.keyboard.press('Space');
			}
			await planForm(page).locator('[name="signs"]').fill('Comes to me with questions');
			await planForm(page).locator('[name="when"]').fill('Mondays, Wednesdays, Fridays');
			await page.keyboard.press('Enter'); // in a one-line field, Enter submits the form
			await expect(status(page)).toHaveText(text(lang, 'planSaved', { label: 'J.T.' }));
			await expect(planForm(page)).toBeHidden();

			const plan = studentView(page).locator('[data-s="plan"]');
			await expect(plan).toContainText('Two minutes about hockey before the bell.');
			await expect(plan.locator('[data-s="plan-recheck"]')).toHaveText(dayText(lang, recheck));
			await expect(plan.locator('[data-s="plan-strategies"] li')).toHaveCount(2);
			const saved = (await stored(page)).students.find((student: { label: string }) => student.label === 'J.T.');
			expect(saved.plans).toHaveLength(3);
			expect(saved.plans.filter((entry: { ended?: string }) => !entry.ended)).toHaveLength(1);
			expect(saved.plans[2]).toMatchObject({ action: 'Two minutes about hockey before the bell.', recheck, when: 'Mondays, Wednesdays, Fridays' });
			expect(saved.plans[2].strategies).toHaveLength(2);

			// The timeline: both scores over four checks, the three plan starts marked, and the events in date order.
			const chart = studentView(page).locator('svg.sc-chart');
			await expect(chart.locator('polyline.sc-line')).toHaveCount(2);
			await expect(chart.locator('.sc-mark')).toHaveCount(3);
			await expect(chart).toHaveAttribute('aria-label', new RegExp(`J\\.T\\.`));
			await expect(studentView(page).locator('[data-s="check-rows"] tr')).toHaveCount(4);
			const events = studentView(page).locator('[data-s="events"] time');
			const days = await events.evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
			expect(days).toHaveLength(4 + 3 + 2 + 2); // checks, plan starts, plan ends, notes
			expect([...days].sort()).toEqual(days);
			await expectNoAxeViolations(page);
		});

		test('a plan from a strategy card, for a new student, and back to the card', async ({ page }) => {
			await importClass(page, lang);
			await page.goto(`/${lang}/building-the-bond/#greeting`);
			const card = page.locator('[data-strategy="greeting"]');
			await card.getByRole('link', { name: i18n(lang)['cwam.strategy.use']! }).click();
			await expect(page).toHaveURL(new RegExp(`/${lang}/my-students/\\?strategy=greeting#plan$`));
			const pick = page.locator('[data-sc-pick]');
			await expect(pick.getByRole('heading')).toBeFocused();
			await expect(pick.getByRole('heading')).toHaveText(text(lang, 'pickTitle', { strategy: lang === 'en' ? 'Greeting at the door' : 'L’accueil à la porte' }));
			await expect(pick.getByRole('link', { name: 'Noah', exact: true })).toHaveAttribute('href', `/${lang}/my-students/?student=Noah&strategy=greeting#plan`);
			await expectNoAxeViolations(page);
			// Keyboard alone: a new label, then Enter.
			await pick.getByLabel(text(lang, 'pickNew')).focus();
			await page.keyboard.type('Z.Z.');
			await page.keyboard.press('Enter');
			await expect(planForm(page)).toBeVisible();
			await expect(planForm(page).locator('input[value="greeting"]')).toBeChecked();
			await expect(planForm(page).locator('input[name="strategy"]:checked')).toHaveCount(1);
			await planForm(page).locator('[name="action"]').fill('Greet Z.Z. by name at the door every morning.');
			await planForm(page).getByRole('button', { name: text(lang, 'planSave') }).click();
			await expect(status(page)).toHaveText(text(lang, 'planSaved', { label: 'Z.Z.' }));
			await expect(studentView(page).locator('[data-s="no-checks"]')).toHaveText(text(lang, 'noChecks', { label: 'Z.Z.' }));
			const back = studentView(page).locator('[data-s="back-to-strategy"] a');
			await expect(back).toHaveAttribute('href', `/${lang}/building-the-bond/#greeting`);
			await back.click();
			await expect(page).toHaveURL(new RegExp(`/${lang}/building-the-bond/#greeting$`));

			await openClass(page, lang);
			const row = classView(page).locator('[data-s="class-rows"] tr').filter({ hasText: 'Z.Z.' });
			await expect(row.locator('td').first()).toHaveText(text(lang, 'notChecked'));
			await expect(row.locator('td').last()).toHaveText(text(lang, 'planRecheckOn', { date: dayText(lang, moveDay(localToday(), 28)) }));
		});

		test('notes, a due re-check moved and cleared, and the one-page summary printed', async ({ page }) => {
			await importClass(page, lang);
			await classView(page).locator('[data-s="due-list"]').getByRole('link', { name: 'Éloïse B.', exact: true }).click();
			await expect(studentView(page)).toBeVisible();
			await expect(studentView(page).locator('[data-s="plan-due"]')).toHaveText(text(lang, 'planDue', { date: dayText(lang, moveDay('2026-11-17')) }));

			// Notes: an empty one is refused; two are added, and only the ticked one prints.
			const notes = page.locator('[data-sc-note-form]');
			await notes.getByRole('button', { name: text(lang, 'noteAdd') }).click();
			await expect(notes.locator('[data-s="note-errors"]')).toHaveText(text(lang, 'errNoteEmpty'));
			await expect(notes.getByLabel(text(lang, 'noteText'))).toBeFocused();
			await expectNoAxeViolations(page);
			await notes.getByLabel(text(lang, 'noteText')).fill('Banking time on Tuesday: she chose the puzzles and talked about her cat.');
			await expect(notes.locator('[data-s="note-count"]')).toHaveText(text(lang, 'noteCount', { n: 72, max: 1000 }));
			await notes.getByRole('button', { name: text(lang, 'noteAdd') }).click();
			await expect(status(page)).toHaveText(text(lang, 'noteAdded'));
			await notes.getByLabel(text(lang, 'noteText')).fill('Private: a hard morning at home, per her mother.');
			await notes.getByRole('button', { name: text(lang, 'noteAdd') }).click();
			const list = studentView(page).locator('[data-s="notes"] li');
			await expect(list).toHaveCount(2);
			await list.first().getByLabel(text(lang, 'noteInclude')).check();

			// Move the re-check date into next week: no longer due; then clear it.
			const recheck = studentView(page).locator('[data-sc-recheck-form]');
			const nextWeek = moveDay(localToday(), 7);
			await recheck.getByLabel(text(lang, 'planRecheck')).fill(nextWeek);
			await recheck.getByRole('button', { name: text(lang, 'saveRecheck') }).click();
			await expect(status(page)).toHaveText(text(lang, 'recheckSaved', { date: dayText(lang, nextWeek) }));
			await expect(studentView(page).locator('[data-s="plan-due"]')).toBeHidden();

			// The summary: one sheet, in this language, with the plan and only the ticked note.
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('.sidebar-pane')).toBeHidden();
			await expect(page.locator('[data-sc-note-form]')).toBeHidden();
			await expect(list.nth(1)).toBeHidden();
			const pdf = pdfInfo(await page.pdf({ format: 'Letter', printBackground: false }));
			expect(pdf.pages).toBe(1);
			expect(pdf.text).toContain('Éloïse B.');
			expect(pdf.text).toContain(text(lang, 'scoresTitle'));
			expect(pdf.text).toContain('Ten minutes of her choice of activity, twice a week.');
			expect(pdf.text).toContain('Banking time on Tuesday');
			expect(pdf.text).not.toContain('a hard morning at home');
			expect(pdf.text).toContain(text(lang, 'planTitle'));
			await page.emulateMedia({ media: 'screen' });

			await recheck.getByRole('button', { name: text(lang, 'clearRecheck') }).click();
			await expect(studentView(page).locator('[data-s="plan-recheck"]')).toHaveText(text(lang, 'planRecheckNone'));
			await openClass(page, lang);
			await expect(classView(page).locator('[data-s="due-none"]')).toBeVisible();
		});

		test('export, then import into a clean profile: checks, plans and notes intact; the CSV opens as a table in this language', async ({ page, browser }) => {
			await importClass(page, lang);
			await page.goto(myStudents(lang, '?student=J.T.'));
			await page.locator('[data-sc-note-form] textarea').fill('Asked for help with fractions; "first time", he said; 3;4');
			await page.locator('[data-sc-note-form]').getByRole('button', { name: text(lang, 'noteAdd') }).click();
			await expect(status(page)).toHaveText(text(lang, 'noteAdded'));
			await openClass(page, lang);

			const download = async (name: string) => {
				const waiting = page.waitForEvent('download');
				await page.getByRole('button', { name: text(lang, name) }).click();
				const file = await waiting;
				return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
			};
			const style = csvStyles[lang];
			const checks = await download('exportCsv');
			expect(checks.text.startsWith('\ufeff')).toBe(true);
			const table = parseCsv(checks.text, style.separator);
			expect(table).toHaveLength(76);
			for (const row of table) expect(row).toHaveLength(table[0]!.length);
			expect(table[0]!.slice(0, 4)).toEqual([text(lang, 'csvStudent'), text(lang, 'csvDate'), text(lang, 'csvInstrument'), text(lang, 'csvVersion')]);
			expect(table[0]).toContain(text(lang, 'csvItem', { n: 1, id: 'b1' }));
			expect(table[0]![4]).toBe(sides[lang].bond);
			const row = table.find((cells) => cells[0] === 'Éloïse B.')!;
			const scores = computeScores(model, fixtureStudent('Éloïse B.').checks[0]!.answers);
			expect(parseNumber(row[4]!, style)).toBeCloseTo(scores.bond!, 3);
			expect(parseNumber(row[5]!, style)).toBeCloseTo(scores.collaboration!, 3);
			if (lang === 'fr') expect(checks.text).not.toMatch(/\d\.\d/);

			const plans = parseCsv((await download('exportPlansCsv')).text, style.separator);
			expect(plans).toHaveLength(1 + 4 + 3);
			for (const cells of plans) expect(cells).toHaveLength(plans[0]!.length);
			expect(plans[0]![0]).toBe(text(lang, 'csvStudent'));
			expect(plans.some((cells) => cells.includes('Asked for help with fractions; "first time", he said; 3;4'))).toBe(true);

			const backup = await download('exportJson');
			expect(backup.name).toMatch(/^cwam-self-check-\d{4}-\d{2}-\d{2}\.json$/);
			const clean = await browser.newContext();
			const other = await clean.newPage();
			await openClass(other, lang);
			const file = { name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) };
			await other.locator('[data-sc-import]').setInputFiles(file);
			await expect(status(other)).toHaveText(text(lang, 'imported', { checks: 75, plans: 4, notes: 3 }));
			expect((await stored(other)).students).toEqual((await stored(page)).students);
			// The same file again: nothing is duplicated.
			await other.locator('[data-sc-import]').setInputFiles(file);
			await expect(status(other)).toHaveText(text(lang, 'importNothing'));
			expect((await stored(other)).students).toEqual((await stored(page)).students);
			await clean.close();
		});

		test('refuses a bad import of plans or notes with a clear message, and changes nothing', async ({ page }) => {
			await importClass(page, lang);
			const before = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
			const jt = classStore.students[0];
			const withJt = (student: object) => JSON.stringify({ ...classStore, students: [{ ...jt, ...student }] });
			const plan = { ...jt.plans[1], id: 'p-new' };
			const check = jt.checks[0]!;
			const bad: [string, string, string, Record<string, string>][] = [
				['not JSON', 'this is not { json', 'importNotJson', {}],
				['wrong shape', JSON.stringify({ hello: 'world' }), 'importWrongShape', {}],
				['wrong version', JSON.stringify({ ...classStore, version: 99 }), 'importWrongVersion', {}],
				['an answer out of range', withJt({ checks: [{ ...check, answers: { ...check.answers, b1: 7 } }] }), 'importOutOfRange', {}],
				['a re-check on 30 February', withJt({ plans: [{ ...plan, recheck: '2026-02-30' }] }), 'importBadDate', { value: '2026-02-30', label: 'J.T.' }],
				['an unknown strategy', withJt({ plans: [{ ...plan, strategies: ['mind-reading'] }] }), 'importUnknownStrategy', { value: 'mind-reading', label: 'J.T.' }],
				['a note over the limit', withJt({ notes: [{ ...jt.notes[0], id: 'n-long', text: 'x'.repeat(1001) }] }), 'importTooLong', { label: 'J.T.' }],
				['four strategies', withJt({ plans: [{ ...plan, strategies: ['greeting', 'two-by-ten', 'banking-time', 'interests'] }] }), 'importBadPlan', { label: 'J.T.' }],
			];
			for (const [name, content, message, values] of bad) {
				await page.locator('[data-sc-import]').setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(content) });
				await expect(status(page), name).toHaveText(text(lang, message, values));
				expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), name).toBe(before);
			}
		});

		test('makes no request after load while importing, planning, noting and exporting', async ({ page, watch }) => {
			await openClass(page, lang);
			await settled(page);
			const start = watch.requests.length;
			await page.locator('[data-sc-import]').setInputFiles(classFile);
			await expect(status(page)).toHaveText(text(lang, 'imported', { checks: 75, plans: 4, notes: 2 }));
			await page.getByLabel(text(lang, 'movement')).check();
			for (const name of ['exportCsv', 'exportPlansCsv', 'exportJson']) {
				const waiting = page.waitForEvent('download');
				await page.getByRole('button', { name: text(lang, name) }).click();
				await waiting;
			}
			expect(watch.requests.slice(start)).toEqual([]);
			// One student's page: a plan and a note, nothing sent.
			await page.goto(myStudents(lang, '?student=Noah'));
			await expect(studentView(page)).toBeVisible();
			await settled(page);
			const again = watch.requests.length;
			await page.locator('[data-sc-note-form] textarea').fill('Chose the blocks today.');
			await page.locator('[data-sc-note-form]').getByRole('button', { name: text(lang, 'noteAdd') }).click();
			await expect(status(page)).toHaveText(text(lang, 'noteAdded'));
			await page.getByRole('button', { name: text(lang, 'newPlan') }).click();
			await planForm(page).locator('input[name="strategy"]').first().check();
			await planForm(page).locator('[name="action"]').fill('Ask about the weekend.');
			await planForm(page).getByRole('button', { name: text(lang, 'planSave') }).click();
			await expect(status(page)).toHaveText(text(lang, 'planSaved', { label: 'Noah' }));
			expect(watch.requests.slice(again)).toEqual([]);
		});

		test('corrupt storage is kept and offered raw; blocked storage works in memory; another tab’s plan appears', async ({ page, context, browser }) => {
			const corrupt = '{"format":"cwam-self-check","version":3,"students":[{"label":"AB"';
			const broken = await browser.newContext();
			const corruptPage = await broken.newPage();
			await corruptPage.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [STORAGE_KEY, corrupt]);
			await openClass(corruptPage, lang);
			await expect(corruptPage.locator('[data-sc-notice]')).toContainText(text(lang, 'corrupt'));
			await expectNoAxeViolations(corruptPage);
			const rawDownload = corruptPage.waitForEvent('download');
			await corruptPage.getByRole('button', { name: text(lang, 'exportRaw') }).click();
			expect(readFileSync((await (await rawDownload).path())!, 'utf8')).toBe(corrupt);
			// A plan can still be made, in memory; the unreadable data stays as it was.
			await corruptPage.goto(myStudents(lang, '?student=AB&strategy=greeting#plan'));
			await corruptPage.locator('[data-sc-plan-form] [name="action"]').fill('Greet AB.');
			await corruptPage.locator('[data-sc-plan-form]').getByRole('button', { name: text(lang, 'planSave') }).click();
			await expect(corruptPage.locator('[data-sc-status]')).toHaveText(text(lang, 'planSaved', { label: 'AB' }));
			expect(await corruptPage.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(corrupt);
			await broken.close();

			// Blocked storage: a notice, and the cycle still works for this visit.
			const blocked = await browser.newContext();
			const blockedPage = await blocked.newPage();
			await blockStorageKey(blockedPage, STORAGE_KEY);
			await openClass(blockedPage, lang);
			await expect(blockedPage.locator('[data-sc-notice]')).toContainText(text(lang, 'unavailable'));
			await blockedPage.locator('[data-sc-import]').setInputFiles(classFile);
			await expect(blockedPage.locator('[data-sc-view="class"] [data-s="class-rows"] tr')).toHaveCount(25);
			await expectNoAxeViolations(blockedPage);
			await blocked.close();

			// Two tabs: a plan made in one appears in the other's class table.
			await openClass(page, lang);
			const other = await context.newPage();
			await other.goto(myStudents(lang, '?student=CD&strategy=interests#plan'));
			await other.locator('[data-sc-plan-form] [name="action"]').fill('Ask CD about the soccer game.');
			await other.locator('[data-sc-plan-form]').getByRole('button', { name: text(lang, 'planSave') }).click();
			await expect(other.locator('[data-sc-status]')).toHaveText(text(lang, 'planSaved', { label: 'CD' }));
			await expect(classView(page).locator('[data-s="class-rows"] tr').filter({ hasText: 'CD' })).toHaveCount(1);
		});

		test('deletes a note, a check, a student and everything, after confirmation', async ({ page }) => {
			await importClass(page, lang);
			await page.goto(myStudents(lang, '?student=J.T.'));
			await expect(studentView(page)).toBeVisible();
			// Cancelling changes nothing.
			page.once('dialog', (dialog) => dialog.dismiss());
			await studentView(page).getByRole('button', { name: text(lang, 'deleteStudent', { label: 'J.T.' }) }).click();
			await expect(studentView(page).locator('[data-s="check-rows"] tr')).toHaveCount(3);

			acceptDialogs(page);
			const notes = studentView(page).locator('[data-s="notes"] li');
			await expect(notes).toHaveCount(2);
			await notes.first().getByRole('button').click();
			await expect(notes).toHaveCount(1);
			await expect(status(page)).toHaveText(text(lang, 'noteDeleted'));
			await studentView(page).locator('[data-s="check-rows"] tr').first().getByRole('button', { name: text(lang, 'deleteCheck') }).click();
			await expect(studentView(page).locator('[data-s="check-rows"] tr')).toHaveCount(2);
			await expect(status(page)).toHaveText(text(lang, 'deletedCheck'));
			await studentView(page).getByRole('button', { name: text(lang, 'deleteStudent', { label: 'J.T.' }) }).click();
			await expect(classView(page)).toBeVisible();
			await expect(classView(page).locator('[data-s="class-rows"] tr')).toHaveCount(24);

			await page.getByRole('button', { name: text(lang, 'deleteAll') }).click();
			await expect(classView(page).locator('[data-s="class-empty"]')).toBeVisible();
			expect((await stored(page)).students).toEqual([]);
		});
	});
}

test('My students without JavaScript says what it needs', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(myStudents('fr'));
	await expect(page.getByText(text('fr', 'studentsWithoutScript'))).toBeVisible();
	await expect(page.locator('[data-sc-view]').first()).toBeHidden();
	await context.close();
});
