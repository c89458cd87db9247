import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { clientInstrument, describeProblems, instrumentSchema, scoreItemIds, scoringModel, type Instrument } from '../../src/lib/instrument';
import { computeScores } from '../../src/lib/scoring';
import type { Strategy } from '../../src/lib/strategies';

const yaml = (path: string) => load(readFileSync(path, 'utf8')) as Record<string, any>;
const cwai = () => yaml('content/instruments/cwai-teacher.yaml');
const fixture = () => yaml('tests/fixtures/instruments/two-factor-reversed.yaml');

/** A stand-in for the strategies collection (the real one is built from the chapters: tests/content/strategies.test.ts). */
const card = (id: string, page: string, factor: Strategy['factor'], en: string, fr: string): Strategy => ({
	id,
	page,
	factor,
	evidence: 'practice',
	name: { en, fr },
	time: { en: 'A minute', fr: 'Une minute' },
});
const catalogue: Strategy[] = [
	card('greeting', 'building-the-bond', 'bond', 'Greeting at the door', 'L’accueil à la porte'),
	...['two-by-ten', 'banking-time', 'interests', 'strengths', 'similarities', 'rituals'].map((id) => card(id, 'building-the-bond', 'bond', id, id)),
	...['agreeing-on-steps', 'purpose-of-work', 'feedback-conversations', 'shared-goals', 'goal-check-ins', 'voice-and-choice'].map((id) =>
		card(id, 'building-collaboration', 'collaboration', id, id),
	),
];

/** The problems the schema reports for an edited copy of the CWAI file, as `field: message`. */
function problems(edit: (data: Record<string, any>) => void): string[] {
	const data = cwai();
	edit(data);
	const result = instrumentSchema.safeParse(data);
	expect(result.success, 'the edited file should be rejected').toBe(false);
	return describeProblems(result.error!);
}

describe('the CWAI teacher instrument file', () => {
	const instrument = instrumentSchema.parse(cwai());

	it('has 12 items: 4 bond, 4 task, 4 goal, in two factors, none reversed', () => {
		expect(instrument.items).toHaveLength(12);
		const count = (component: string) => instrument.items.filter((item) => item.component === component).length;
		expect([count('bond'), count('task'), count('goal')]).toEqual([4, 4, 4]);
		expect(instrument.items.filter((item) => item.factor === 'bond').every((item) => item.component === 'bond')).toBe(true);
		expect(instrument.items.filter((item) => item.factor === 'collaboration').map((item) => item.component).sort()).toEqual([...Array(4).fill('goal'), ...Array(4).fill('task')]);
		expect(instrument.items.some((item) => item.reverse)).toBe(false);
	});

	it('interleaves the components: no two neighbours share one', () => {
		instrument.items.slice(1).forEach((item, index) => expect(item.component, item.id).not.toBe(instrument.items[index]!.component));
	});

	it('uses the frequency anchors Never … Always in both languages', () => {
		expect(instrument.scale.map((point) => point.label.en)).toEqual(['Never', 'Rarely', 'Sometimes', 'Often', 'Always']);
		expect(instrument.scale.map((point) => point.label.fr)).toEqual(['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Toujours']);
	});

	it('scores Bond from the 4 bond items, Collaboration from the 8 task and goal items, Overall from all 12', () => {
		const model = scoringModel(instrument);
		const items = (id: string) => model.scores.find((score) => score.id === id)!.items;
		expect(items('bond')).toEqual(['b1', 'b2', 'b3', 'b4']);
		expect(items('collaboration').sort()).toEqual(['g1', 'g2', 'g3', 'g4', 't1', 't2', 't3', 't4']);
		expect(items('task').sort()).toEqual(['t1', 't2', 't3', 't4']);
		expect(items('goal').sort()).toEqual(['g1', 'g2', 'g3', 'g4']);
		expect(items('overall')).toHaveLength(12);
		expect(model.scores.map((score) => score.id)).toEqual(['bond', 'collaboration', 'task', 'goal', 'overall']);
	});

	it('lists strategies by card id only, in display order', () => {
		const lists = Object.fromEntries(instrument.scores.map((score) => [score.id, score.strategies]));
		expect(lists).toEqual({
			bond: ['greeting', 'two-by-ten', 'banking-time', 'interests', 'strengths', 'similarities'],
			collaboration: [],
			task: ['agreeing-on-steps', 'purpose-of-work', 'feedback-conversations'],
			goal: ['shared-goals', 'goal-check-ins', 'voice-and-choice'],
			overall: [],
		});
	});

	it('gives the browser one language, with strategy links named by the cards in that language', () => {
		const fr = clientInstrument(instrument, 'fr', (page) => `/fr/${page}/`, catalogue);
		expect(fr.scaleLabels[0]).toBe('Jamais');
		expect(fr.itemNumbers).toMatchObject({ b1: 1, t1: 2, g4: 12 });
		expect(fr.scoreInfo.find((info) => info.id === 'bond')!.strategies[0]).toEqual({ id: 'greeting', href: '/fr/building-the-bond/#greeting', label: 'L’accueil à la porte' });
		expect(fr.scoreInfo.find((info) => info.id === 'goal')!.strategies.map((link) => link.href)).toEqual([
			'/fr/building-collaboration/#shared-goals',
			'/fr/building-collaboration/#goal-check-ins',
			'/fr/building-collaboration/#voice-and-choice',
		]);
		expect(JSON.stringify(fr)).not.toMatch(/Never|Greeting at the door/);
		expect(clientInstrument(instrument, 'en', (page) => `/en/${page}/`, catalogue).scoreInfo[0]!.strategies[0]!.label).toBe('Greeting at the door');
	});

	it('stops at a strategy id that is no card, naming the file, the field and the id', () => {
		const edited = instrumentSchema.parse({ ...cwai(), scores: cwai().scores.map((score: { id: string; strategies?: string[] }) => (score.id === 'goal' ? { ...score, strategies: ['shared-goals', 'goal-checkins'] } : score)) });
		expect(() => clientInstrument(edited, 'en', (page) => `/en/${page}/`, catalogue)).toThrow(
			/^content\/instruments\/cwai-teacher\.yaml scores\.3\.strategies \(score "goal"\): unknown strategy id "goal-checkins" \(known: greeting, /,
		);
		expect(() => clientInstrument(instrument, 'en', (page) => `/en/${page}/`, [], 'src/x.yaml')).toThrow(/^src\/x\.yaml scores\.0\.strategies \(score "bond"\): unknown strategy ids "greeting", /);
	});
});

describe('instrument validation names the field at fault', () => {
	it('rejects a missing translation', () => {
		expect(problems((data) => delete data.items[3].text.fr)).toEqual(['items.3.text.fr: missing French text (missing translation)']);
		expect(problems((data) => delete data.scale[2].label.en)).toEqual(['scale.2.label.en: missing English text']);
		expect(problems((data) => (data.instructions.fr = '  '))).toEqual(['instructions.fr: empty French text (missing translation)']);
	});

	it('rejects a duplicate item id', () => {
		expect(problems((data) => (data.items[5].id = 'b1'))).toContainEqual('items.5.id: duplicate id "b1" in items');
	});

	it('rejects a duplicate score id', () => {
		expect(problems((data) => (data.scores[1].id = 'bond'))).toEqual(['scores.1.id: duplicate id "bond" in scores']);
	});

	it('rejects an item in no factor', () => {
		expect(problems((data) => delete data.items[0].factor)).toEqual(['items.0.factor: each item needs a factor (an item in no factor is never scored)']);
		expect(problems((data) => (data.items[0].factor = 'warmth'))).toContainEqual(
			'items.0.factor: item "b1" is in no declared factor ("warmth" is not one of bond, collaboration)',
		);
	});

	it('rejects a factor with no items, and an unknown component', () => {
		expect(problems((data) => data.factors.push({ id: 'extra', label: { en: 'Extra', fr: 'Extra' } }))).toEqual(['factors: factor "extra" has no items']);
		expect(problems((data) => (data.items[1].component = 'tasks'))).toEqual(['items.1.component: item "t1" has an unknown component "tasks"']);
	});

	it('rejects a scale that is not 5 points, or not 1 to 5', () => {
		expect(problems((data) => data.scale.pop())).toEqual(['scale: the scale must have exactly 5 points']);
		expect(problems((data) => data.scale.push({ value: 6, label: { en: 'More', fr: 'Plus' } }))).toEqual(['scale: the scale must have exactly 5 points']);
		expect(problems((data) => (data.scale[0].value = 0))).toEqual(['scale.0.value: scale values must be 1 to 5 in order; found 0 at position 1']);
	});

	it('rejects a score that selects an unknown factor or component, and scores with no main score', () => {
		expect(problems((data) => (data.scores[0].items = { factor: 'bonds' }))).toEqual(['scores.0.items.factor: score "bond" uses an unknown factor "bonds"']);
		expect(problems((data) => (data.scores[2].items = { component: 'tsk' }))).toEqual(['scores.2.items.component: score "task" uses an unknown component "tsk"']);
		expect(problems((data) => data.scores.forEach((score: { role: string }) => (score.role = 'detail')))).toEqual(['scores: at least one score needs role "main"']);
	});

	it('rejects text or ids that are not text, and a missing id', () => {
		expect(problems((data) => (data.items[2].text.en = 42))).toEqual(['items.2.text.en: English text must be text']);
		expect(problems((data) => (data.items[2].id = 7))).toEqual(['items.2.id: id must be text']);
		expect(problems((data) => delete data.scores[4].id)).toEqual(['scores.4.id: missing id']);
	});

	it('rejects ids that are not lowercase words', () => {
		expect(problems((data) => (data.items[0].id = 'B 1'))).toEqual(['items.0.id: ids are lowercase letters and digits joined by hyphens']);
	});

	it('rejects a strategy given as a link instead of a card id', () => {
		expect(problems((data) => (data.scores[0].strategies[0] = { page: 'building-the-bond', id: 'greeting' }))).toEqual(['scores.0.strategies.0: id must be text']);
	});
});

describe('a second instrument file works with no code change', () => {
	const instrument: Instrument = instrumentSchema.parse(fixture());

	it('validates and derives its scoring model, reverse key included', () => {
		const model = scoringModel(instrument);
		expect(model.items).toEqual([
			{ id: 'c1', reverse: false },
			{ id: 'e1', reverse: false },
			{ id: 'c2', reverse: true },
			{ id: 'e2', reverse: false },
		]);
		expect(scoreItemIds(instrument, instrument.scores[0]!)).toEqual(['c1', 'c2']);
		// c1 = 4 and c2 = 2 reversed (→ 4): Ease 4. Drive (5 + 2) / 2 = 3.5. All (4 + 5 + 4 + 2) / 4 = 3.75.
		expect(computeScores(model, { c1: 4, e1: 5, c2: 2, e2: 2 })).toEqual({ ease: 4, drive: 3.5, all: 3.75 });
	});

	it('defaults a missing reverse flag to false and a missing strategies list to none', () => {
		expect(instrument.items[0]!.reverse).toBe(false);
		expect(instrument.scores[0]!.strategies).toEqual([]);
		expect(instrument.scores[2]!.strategies).toEqual(['rituals']);
		expect(clientInstrument(instrument, 'en', (page) => `/en/${page}/`, catalogue).scoreInfo[2]!.strategies).toEqual([{ id: 'rituals', href: '/en/building-the-bond/#rituals', label: 'rituals' }]);
	});
});
