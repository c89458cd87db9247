import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describeProblems, instrumentSchema, scoringModel } from '../../src/lib/instrument';
import {
	bothSides,
	gapText,
	gaps,
	mirrorInstrument,
	pairChart,
	pairViews,
	pictureSvg,
	picturePath,
	type StudentInstrument,
} from '../../src/lib/student-voice';
import { studentInstrumentSchema } from '../../src/lib/student-instrument';

const teacher = instrumentSchema.parse(parse(readFileSync('content/instruments/cwai-teacher.yaml', 'utf8')));
const raw = parse(readFileSync('content/instruments/student/cwai-student.yaml', 'utf8'));
const student = studentInstrumentSchema.parse(raw);
const problems = (data: unknown) => {
	const result = studentInstrumentSchema.safeParse(data);
	return result.success ? [] : describeProblems(result.error);
};
const edited = (edit: (copy: typeof raw) => void) => {
	const copy = structuredClone(raw);
	edit(copy);
	return copy;
};

describe('the student questions as data', () => {
	it('has twelve questions, each naming the teacher item it mirrors, in both languages, with a picture for every answer', () => {
		expect(student.items).toHaveLength(12);
		expect(student.scale.map((point) => point.picture)).toEqual(['none', 'quarter', 'half', 'three-quarters', 'full']);
		for (const item of student.items) {
			expect(item.text.en).toMatch(/\?$/);
			expect(item.text.fr).toMatch(/\u202f\?$/);
		}
	});

	it('refuses a reverse-keyed question, a missing translation, a missing mirror, a bad picture or scale, a repeated id', () => {
		expect(problems(edited((c) => (c.items[0].reverse = true)))).toEqual([expect.stringMatching(/^items\.0: .*reverse/)]);
		expect(problems(edited((c) => delete c.items[3].text.fr))).toEqual(['items.3.text.fr: missing French text (missing translation)']);
		expect(problems(edited((c) => delete c.items[2].mirrors))).toEqual(['items.2.mirrors: missing id']);
		expect(problems(edited((c) => (c.scale[1].picture = 'smiley')))).toEqual([expect.stringMatching(/^scale\.1\.picture: picture must be one of none, quarter/)]);
		expect(problems(edited((c) => c.scale.pop()))).toEqual(['scale: the scale must have exactly 5 points']);
		expect(problems(edited((c) => (c.scale[0].value = 0)))).toEqual(['scale.0.value: scale values must be 1 to 5 in order; found 0 at position 1']);
		expect(problems(edited((c) => (c.items[1].id = c.items[0].id)))).toEqual(['items.1.id: duplicate id "s-b1" in items']);
		expect(problems(edited((c) => delete c.about))).toEqual(['about: Invalid input: expected object, received undefined']);
	});
});

describe('mirroring the teacher instrument', () => {
	const mirrored = mirrorInstrument(student, teacher);

	it('gives each question its teacher item’s side, and scores the student like the teacher (no overall)', () => {
		expect(mirrored.items.find((item) => item.id === 's-b4')).toMatchObject({ mirrors: 'b4', factor: 'bond', component: 'bond' });
		expect(mirrored.model.scores.map((score) => score.id)).toEqual(['bond', 'collaboration', 'task', 'goal']);
		const bond = mirrored.model.scores.find((score) => score.id === 'bond')!.items;
		expect(bond.map((id) => id.replace('s-', ''))).toEqual(teacher.items.filter((item) => item.factor === 'bond').map((item) => item.id));
		expect(mirrored.model.items.every((item) => !item.reverse)).toBe(true);
	});

	it('fails naming the file and the field when a mirror is wrong, repeated or missing', () => {
		const broken = (edit: (copy: StudentInstrument) => void) => {
			const copy = structuredClone(student);
			edit(copy);
			return () => mirrorInstrument(copy, teacher, 'content/instruments/student/cwai-student.yaml');
		};
		expect(broken((c) => (c.items[0]!.mirrors = 'b9'))).toThrow(
			/^content\/instruments\/student\/cwai-student\.yaml: items\.0\.mirrors: "b9" is not an item of cwai-teacher .*; items: no question mirrors cwai-teacher item "b1"$/,
		);
		expect(broken((c) => (c.items[1]!.mirrors = 'b1'))).toThrow(/items\.1\.mirrors: "b1" is already mirrored by items\.0; items: no question mirrors cwai-teacher item "t1"/);
		expect(broken((c) => (c.mirrorOf = 'other'))).toThrow(/mirrorOf: "other" is not the instrument "cwai-teacher"/);
	});
});

describe('the two views', () => {
	const check = (date: string, answers: Record<string, number> = {}) => ({ date, answers });

	it('pairs the latest student answers with the closest teacher check within 30 days', () => {
		const teachers = [check('2026-09-01T10:00:00Z'), check('2026-10-20T10:00:00Z'), check('2026-11-10T10:00:00Z')];
		expect(pairViews(teachers, [])).toBeUndefined();
		expect(pairViews(teachers, [check('2026-03-01T10:00:00Z'), check('2026-11-01T10:00:00Z')])).toEqual({ teacher: teachers[2], student: check('2026-11-01T10:00:00Z'), days: 9 });
		expect(pairViews(teachers, [check('2027-02-01T10:00:00Z')])).toBeUndefined();
		// A tie goes to the later check.
		expect(pairViews([check('2026-11-01T08:00:00Z'), check('2026-11-05T08:00:00Z')], [check('2026-11-03T20:00:00Z')])?.teacher.date).toBe('2026-11-05T08:00:00Z');
		expect(pairViews(teachers, [check('2026-12-10T10:00:00Z')], 30)?.days).toBe(30);
	});

	const mirrored = mirrorInstrument(student, teacher);
	const teacherAnswers = { b1: 4, t1: 4, g2: 3, b2: 5, g1: 4, t3: 3, b3: 5, g3: 4, t2: 4, b4: 5, t4: 4, g4: 3 };
	const studentAnswers = { 's-b1': 2, 's-t1': 3, 's-g2': 3, 's-b2': 5, 's-g1': 4, 's-t3': 3, 's-b3': 2, 's-g3': 4, 's-t2': 4, 's-b4': 1, 's-t4': 4, 's-g4': 5 };

	it('lists the pairs two points or more apart, largest first, then in question order', () => {
		const found = gaps(mirrored.items, teacherAnswers, studentAnswers);
		expect(found.map((gap) => [gap.item.mirrors, gap.teacher, gap.student, gap.difference])).toEqual([
			['b4', 5, 1, -4],
			['b3', 5, 2, -3],
			['b1', 4, 2, -2],
			['g4', 3, 5, 2],
		]);
		expect(gaps(mirrored.items, teacherAnswers, studentAnswers, 3)).toHaveLength(2);
		expect(gaps(mirrored.items, {}, studentAnswers)).toEqual([]);
	});

	it('says a gap as something to talk about', () => {
		const [first] = gaps(mirrored.items.map((item) => ({ ...item, topic: item.topic.en })), teacherAnswers, studentAnswers);
		const words = { teacher: ['never', 'rarely', 'sometimes', 'often', 'always'], student: ['never', 'not often', 'sometimes', 'often', 'always'] };
		expect(gapText(first!, '{topic}: you answered {teacher}; {student} chose {answer}.', words, 'J.T.')).toBe('Trust between you: you answered always; J.T. chose never.');
		// Each answer in its own scale's words: the teacher's "rarely", the student's "not often".
		expect(gapText({ ...first!, teacher: 2, student: 2 }, '{teacher} / {answer}', words, 'x')).toBe('Rarely / not often');
		expect(gapText({ ...first!, teacher: 9 }, '{teacher}', { teacher: [], student: [] }, 'x')).toBe('9');
	});

	it('scores both sides on the same scale', () => {
		const sides = bothSides(['bond', 'collaboration'], scoringModel(teacher), mirrored.model, teacherAnswers, studentAnswers);
		expect(sides).toEqual([
			{ id: 'bond', teacher: 4.75, student: 2.5 },
			{ id: 'collaboration', teacher: 3.625, student: 3.75 },
		]);
		expect(bothSides(['bond'], scoringModel(teacher), mirrored.model, teacherAnswers, {})).toEqual([{ id: 'bond', teacher: 4.75, student: null }]);
	});

	it('draws both views as labelled bars, each side with its name', () => {
		const chart = pairChart(
			[{ label: 'Bond', teacher: { label: 'You', value: 4.75, text: '4.75' }, student: { label: 'J.T.', value: 2.5, text: '2.5' } }],
			{ min: 1, max: 5 },
			'Both views',
		);
		expect(chart.attrs['aria-label']).toBe('Both views');
		const texts = JSON.stringify(chart);
		for (const word of ['Bond', 'You', 'J.T.', '4.75', '2.5']) expect(texts).toContain(`"text":"${word}"`);
		expect(chart.children!.filter((node) => node.tag === 'rect').map((node) => node.attrs.class)).toEqual(['sc-bar sv-bar-teacher', 'sc-bar sv-bar-student']);
	});
});

describe('the answers’ pictures', () => {
	it('fills a circle as often as the answer says', () => {
		expect(picturePath('none')).toBe('');
		expect(picturePath('quarter')).toBe('M12 12V2A10 10 0 0 1 22 12z');
		expect(picturePath('half')).toBe('M12 12V2A10 10 0 0 1 12 22z');
		expect(picturePath('three-quarters')).toBe('M12 12V2A10 10 0 1 1 2 12z');
		expect(picturePath('full')).toMatch(/^M12 2a10 10/);
		expect(pictureSvg('none')).not.toContain('<path');
		expect(pictureSvg('half')).toContain('<path d="M12 12V2A10 10 0 0 1 12 22z"');
	});
});
