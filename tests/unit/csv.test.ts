import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checksCsv, csvField, csvRows, csvStyles, parseCsv, parseNumber, plansNotesCsv, type ChecksCsvSpec, type CsvStyle, type PlansCsvSpec } from '../../src/lib/csv';
import { addCheck, addNote, addPlan, emptyStore, readStore, type Check, type Store } from '../../src/lib/self-check-store';
import { computeScores, type ScoringModel } from '../../src/lib/scoring';

const { en, fr } = csvStyles;
const items = ['b1', 't1', 'g1', 'b2'];
const check = (date: string, answers: Record<string, number>): Check => ({ instrument: 'cwai-teacher', version: 1, date, answers });
const d1 = '2025-01-10T14:00:00.000Z';
const d2 = '2025-02-10T14:00:00.000Z';
const d3 = '2025-03-10T14:00:00.000Z';

describe('fields', () => {
	it('writes numbers with at most 3 decimals and the style’s decimal mark', () => {
		expect([3.5, 1 / 3, 2, -3, -0.0001, 1234567.8915].map((n) => csvField(n, en))).toEqual(['3.5', '0.333', '2', '-3', '0', '1234567.892']);
		expect([3.5, 1 / 3, 2, -3, 4.25].map((n) => csvField(n, fr))).toEqual(['3,5', '0,333', '2', '-3', '4,25']);
		expect(csvField(Number.NaN, fr)).toBe('');
		expect(csvField(null, en)).toBe('');
	});

	it('quotes a field holding the separator, a quote, CR or LF', () => {
		expect(csvField('a,b', en)).toBe('"a,b"');
		expect(csvField('a,b', fr)).toBe('a,b');
		expect(csvField('a;b', fr)).toBe('"a;b"');
		expect(csvField('a;b', en)).toBe('a;b');
		expect(csvField('say "hi"', fr)).toBe('"say ""hi"""');
		expect(csvField('line\nbreak', en)).toBe('"line\nbreak"');
		expect(csvField('line\rbreak', fr)).toBe('"line\rbreak"');
		expect(csvField('Éloïse', fr)).toBe('Éloïse');
		expect(csvField(3.5, { separator: ',', decimal: ',' })).toBe('"3,5"');
	});

	it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
		expect(csvField('=1+2', en)).toBe("'=1+2");
		expect(csvField('+33 6', en)).toBe("'+33 6");
		expect(csvField('-3', fr)).toBe("'-3");
		expect(csvField('@SUM(A1)', en)).toBe("'@SUM(A1)");
		expect(csvField('\tx', en)).toBe("'\tx");
		expect(csvField('\rx', en)).toBe(`"'\rx"`);
		expect(csvField('=HYPERLINK("http://x";"y")', fr)).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
		expect(csvField(-3, en)).toBe('-3');
		expect(csvField('a=b', en)).toBe('a=b');
	});

	it('joins rows with the separator, each ended by CRLF, without a BOM', () => {
		expect(
			csvRows(
				[
					['a', 1.5, null],
					['b;c', -2, 'x'],
				],
				fr,
			),
		).toBe('a;1,5;\r\n"b;c";-2;x\r\n');
		expect(csvRows([['a', 1.5]], en)).toBe('a,1.5\r\n');
		expect(csvRows([], en)).toBe('');
	});
});

describe('reading CSV back', () => {
	it('reads quotes, doubled quotes, separators and line breaks inside quotes', () => {
		expect(parseCsv('a;"b;c";"say ""hi"""\r\n"two\r\nlines";;x\r\n', ';')).toEqual([
			['a', 'b;c', 'say "hi"'],
			['two\r\nlines', '', 'x'],
		]);
	});

	it('takes CRLF, LF or CR line ends, drops a BOM, and does not add a row for the last line end', () => {
		expect(parseCsv('\uFEFFa,b\nc,d', ',')).toEqual([
			['a', 'b'],
			['c', 'd'],
		]);
		expect(parseCsv('a\rb\r\n', ',')).toEqual([['a'], ['b']]);
		expect(parseCsv('a,\r\n\r\nb', ',')).toEqual([['a', ''], [''], ['b']]);
		expect(parseCsv('""', ',')).toEqual([['']]);
		expect(parseCsv('"open', ',')).toEqual([['open']]);
		expect(parseCsv('', ',')).toEqual([]);
		expect(parseCsv('\uFEFF', ',')).toEqual([]);
	});

	it('reads numbers written in the style, and nothing else', () => {
		expect(parseNumber('3,5', fr)).toBe(3.5);
		expect(parseNumber(' -2 ', fr)).toBe(-2);
		expect(parseNumber('3.5', fr)).toBeNull();
		expect(parseNumber('3.5', en)).toBe(3.5);
		expect(parseNumber('3,5', en)).toBeNull();
		expect(parseNumber('', en)).toBeNull();
		expect(parseNumber('1e3', en)).toBeNull();
		expect(parseNumber("'-3", en)).toBeNull();
	});

	it('gives back every row as written, in both styles', () => {
		const cell = fc.oneof(fc.constant(null), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.string({ unit: fc.constantFrom('a', 'é', ',', ';', '"', '\r', '\n', ' ', '=', '-', "'", '1', '.') }));
		fc.assert(
			fc.property(fc.constantFrom(en, fr), fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 }), (style, rows) => {
				const back = parseCsv(`\uFEFF${csvRows(rows, style)}`, style.separator);
				expect(back).toHaveLength(rows.length);
				rows.forEach((row, r) => {
					expect(back[r]).toHaveLength(row.length);
					row.forEach((value, c) => {
						const text = back[r]![c]!;
						if (value === null) expect(text).toBe('');
						else if (typeof value === 'number') expect(parseNumber(text, style)).toBe(Math.round(value * 1000) / 1000 || 0);
						else expect(text).toBe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
					});
				});
			}),
		);
	});
});

describe('the checks file', () => {
	const model: ScoringModel = {
		min: 1,
		max: 5,
		items: items.map((id) => ({ id, reverse: false })),
		scores: [
			{ id: 'bond', items: ['b1', 'b2'] },
			{ id: 'overall', items },
		],
	};
	const score = (answers: Record<string, number>) => computeScores(model, answers);
	const headers = (lang: 'en' | 'fr'): ChecksCsvSpec['headers'] =>
		lang === 'en'
			? { student: 'student', date: 'date', instrument: 'instrument', version: 'version', scores: { bond: 'Bond', overall: 'Overall' }, items: { b1: 'b1' } }
			: { student: 'élève', date: 'date', instrument: 'questionnaire', version: 'version', scores: { bond: 'Lien', overall: 'Global' }, items: { b1: 'b1' } };
	const spec = (lang: 'en' | 'fr'): ChecksCsvSpec => ({ id: 'cwai-teacher', items, scores: ['bond', 'overall'], headers: headers(lang) });
	const labels = ['Zoé; «la grande»', 'Dupont, Éloïse', 'Max "le chef"', 'Noé\n(2e groupe)', '=HYPERLINK("x")', '-J.T.'];
	/** Built directly: a label read from a file keeps its line break (addCheck would tidy it). */
	const store = (): Store => ({
		...emptyStore(),
		students: [
			...labels.map((label, n) => ({ label, checks: [check(d1, { b1: 1 + (n % 5), t1: 2, g1: 5, b2: 4 }), check(d2, { b1: 5, t1: 4, g1: 3, b2: 1 + (n % 3) })], plans: [], notes: [] })),
			{ label: 'Other instrument', checks: [{ ...check(d3, {}), instrument: 'mood' }], plans: [], notes: [] },
		],
	});
	const dateText = (iso: string) => `[${iso.slice(0, 10)}]`;

	it('writes one row per check with scores and answers, in English', () => {
		const csv = checksCsv(
			addCheck(addCheck(emptyStore(), 'AB', check(d2, { b1: 4, t1: 3, g1: 5, b2: 2 })), 'Zoé, "Z"', check(d3, { b1: 5, t1: 4, g1: 4, b2: 4 })),
			spec('en'),
			score,
			en,
			(iso) => iso,
		);
		expect(csv.split('\r\n')).toEqual(['student,date,instrument,version,Bond,Overall,b1,t1,g1,b2', `AB,${d2},cwai-teacher,1,3,3.5,4,3,5,2`, `"Zoé, ""Z""",${d3},cwai-teacher,1,4.5,4.25,5,4,4,4`, '']);
	});

	it('rounds scores to 3 decimals and leaves missing values empty', () => {
		const s = addCheck(emptyStore(), 'A', check(d1, { b1: 1, t1: 2, g1: 2, b2: 2 }));
		const csv = checksCsv(s, { ...spec('fr'), items: [...items, 'x9'], scores: ['third', 'none'] }, () => ({ third: 1 / 3, none: null }), fr, dateText);
		expect(csv.split('\r\n')).toEqual(['élève;date;questionnaire;version;third;none;b1;t1;g1;b2;x9', 'A;[2025-01-10];cwai-teacher;1;0,333;;1;2;2;2;', '']);
	});

	it.each([
		['en', en],
		['fr', fr],
	] as const)('reads back in a %s spreadsheet: same cells in every row, labels, scores and answers', (lang, style: CsvStyle) => {
		const s = store();
		const rows = parseCsv(checksCsv(s, spec(lang), score, style, dateText), style.separator);
		const [header, ...body] = rows;
		expect(header).toEqual([...Object.values(headers(lang)).slice(0, 4), ...Object.values(headers(lang).scores), ...items]);
		expect(body).toHaveLength(labels.length * 2);
		for (const row of rows) expect(row).toHaveLength(header!.length);
		body.forEach((row, n) => {
			const label = labels[Math.floor(n / 2)]!;
			expect(row[0]).toBe(/^[=+\-@]/.test(label) ? `'${label}` : label);
			const answers = s.students[Math.floor(n / 2)]!.checks[n % 2]!.answers;
			const scores = score(answers);
			expect(row[1]).toBe(dateText(n % 2 ? d2 : d1));
			expect(parseNumber(row[4]!, style)).toBe(Math.round(scores.bond! * 1000) / 1000);
			expect(parseNumber(row[5]!, style)).toBe(Math.round(scores.overall! * 1000) / 1000);
			expect(row.slice(6).map((cell) => parseNumber(cell, style))).toEqual(items.map((item) => answers[item]));
		});
	});
});

describe('the plans and notes file', () => {
	const names: Record<string, string> = {
		greeting: 'Accueil à la porte',
		'two-by-ten': '2 × 10',
		'shared-goals': 'Objectifs communs',
		'goal-check-ins': 'Suivi; objectifs',
		'self-monitoring': 'Autosurveillance',
		'banking-time': 'Temps privilégié',
	};
	const spec: PlansCsvSpec = {
		headers: { student: 'Élève', kind: 'Type', date: 'Date', strategies: 'Stratégies', action: 'Action', when: 'Quand', signs: 'Signes', recheck: 'Revoir le', ended: 'Terminé le', note: 'Note' },
		kinds: { plan: 'plan', note: 'note' },
		strategyName: (id) => names[id] ?? id,
	};
	const dateText = (iso: string) => (iso.length === 10 ? `jour ${iso}` : `moment ${iso}`);
	const fixture = () => {
		const result = readStore(readFileSync(new URL('../fixtures/store/v3.json', import.meta.url), 'utf8'), {});
		if (!result.ok) throw new Error(result.detail);
		return result.store;
	};

	it('writes one row per plan and note, per student, in date order, and reads back in a French spreadsheet', () => {
		const store = fixture();
		const rows = parseCsv(`\uFEFF${plansNotesCsv(store, spec, fr, dateText)}`, ';');
		expect(rows[0]).toEqual(Object.values(spec.headers));
		for (const row of rows) expect(row).toHaveLength(10);
		expect(rows.slice(1).map((row) => [row[0], row[1], row[2]])).toEqual([
			['Éloïse B.', 'plan', 'moment 2026-01-12T14:41:05.220Z'],
			['Éloïse B.', 'note', 'jour 2026-01-19'],
			['Éloïse B.', 'note', 'jour 2026-01-19'],
			['Éloïse B.', 'note', 'jour 2026-02-02'],
			['Éloïse B.', 'plan', 'moment 2026-02-23T15:10:00.000Z'],
			['Noé, 3e groupe', 'plan', 'moment 2026-03-02T19:20:00.000Z'],
			['Noé, 3e groupe', 'note', 'jour 2026-03-02'],
		]);
		const eloise = store.students[0]!;
		expect(rows[1]).toEqual([
			'Éloïse B.',
			'plan',
			'moment 2026-01-12T14:41:05.220Z',
			'Accueil à la porte / 2 × 10',
			eloise.plans[0]!.action,
			eloise.plans[0]!.when,
			eloise.plans[0]!.signs,
			'jour 2026-02-09',
			'moment 2026-02-23T15:10:00.000Z',
			'',
		]);
		expect(rows[2]!.slice(3)).toEqual(['', '', '', '', '', '', eloise.notes[0]!.text]);
		expect(rows[3]![9]).toBe('Second note, same day:\n- refused the group task\n- came back after recess');
		expect(rows[4]![9]).toBe(`'=not a formula; "quoted", and a comma`);
		expect(rows[5]!.slice(3, 9)).toEqual([
			'Objectifs communs / Suivi; objectifs / Autosurveillance',
			'Set one reading goal together; « check-in » on Fridays.',
			'Fridays, 10 min',
			'',
			'jour 2026-03-23',
			'',
		]);
		expect(rows[6]!.slice(3, 9)).toEqual(['Temps privilégié', 'Banking time: 10 minutes, his choice of activity.', 'Tuesdays and Thursdays at lunch', 'Seeks me out; asks for help.', '', '']);
	});

	it('orders a plan and a note of the same day by when they were written', () => {
		let store = addNote(emptyStore(), 'A', { id: 'n1', date: '2026-03-01', text: 'after the plan', created: '2026-03-01T12:00:00.000Z' });
		store = addPlan(store, 'A', { id: 'p1', created: '2026-03-01T09:00:00.000Z', strategies: ['x-card'], action: 'Act', when: '', signs: '', recheck: null });
		store = addNote(store, 'A', { id: 'n0', date: '2026-03-01', text: 'before', created: '2026-03-01T08:00:00.000Z' });
		const rows = parseCsv(
			plansNotesCsv(store, spec, en, (iso) => iso),
			',',
		);
		expect(rows.slice(1).map((row) => row[1])).toEqual(['note', 'plan', 'note']);
		expect(rows[2]![3]).toBe('x-card');
	});

	it('writes only the header for a store without plans or notes', () => {
		expect(plansNotesCsv(addCheck(emptyStore(), 'A', check(d1, {})), spec, en, (iso) => iso)).toBe('Élève,Type,Date,Stratégies,Action,Quand,Signes,Revoir le,Terminé le,Note\r\n');
	});
});
