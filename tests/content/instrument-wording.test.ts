/**
 * The self-check's wording is the project's own: no item or instruction reuses a phrase of the
 * published Working Alliance Inventory (WAI), nor goes back to a first-edition wording the
 * review found too close to it (content-review.md §2).
 *
 * This is a tripwire for verbatim reuse, not a judgement of closeness: a reworded item can still
 * be too close in structure, and that stays with the editor.
 *
 * The WAI phrases below are only those quoted in shared/research/cwai-facts.md or
 * content-review.md, plus shorter fragments of the same phrases that catch near-copies. Neither
 * file gives the WAI's wording for t1 ("t1 is close too"), and neither gives any French WAI
 * phrase: the French side is guarded by the retired wordings only.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { instrumentSchema, type Instrument } from '../../src/lib/instrument';

/** Published WAI phrases (cwai-facts.md, content-review.md §2) and fragments of them. */
const waiPhrases = [
	'confident in my ability to help', // b2
	'trust one another', // b4
	'mutually agreed upon goals', // g2
	'working towards mutually agreed upon goals', // g2
	'what is important to work on', // t3
	'what is important for me to work on', // t3
	'important to work on',
	'important for me to work on',
	'mutually agreed',
	'in my ability to help',
];

/** First-edition wordings retired for being too close to the WAI, or calques (content-review.md §2). */
const retiredWordings = [
	'I am confident that I can help this student',
	'most important to work on',
	'trust each other',
	'goals that we set together',
	'agree on what they need to do to improve',
	'confiance en ma capacité',
	'J’ai confiance que',
	'Il n’y a pas de bonnes réponses',
	// The French of the other retired items, so that they do not come back either.
	'ce qu’il faut faire pour améliorer',
	'objectifs que nous avons fixés ensemble',
	'le plus important de travailler',
	'nous faisons confiance',
];

/** The first edition's texts (cwai-teacher.yaml version 1 before issue 9): each must trip a phrase. */
const firstEdition = [
	'The student and I agree on what they need to do to improve their schoolwork.',
	'L’élève et moi sommes d’accord sur ce qu’il faut faire pour améliorer ses travaux scolaires.',
	'We work toward goals that we set together.',
	'Nous travaillons à des objectifs que nous avons fixés ensemble.',
	'I am confident that I can help this student.',
	'J’ai confiance en ma capacité d’aider cet élève.',
	'We agree on what is most important to work on.',
	'Nous sommes d’accord sur ce qu’il est le plus important de travailler.',
	'J’ai confiance que ce que nous faisons ensemble aide l’élève là où il a du mal.',
	'The student and I trust each other.',
	'L’élève et moi nous faisons confiance.',
	'Pensez à l’élève que vous avez nommé et aux dernières semaines. Il n’y a pas de bonnes réponses.',
];

/** Lower case, one kind of apostrophe, single spaces, no ellipsis. */
const normalise = (text: string) =>
	text
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/…|\.\.\./g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

const phrases = [...waiPhrases, ...retiredWordings].map(normalise);
const found = (text: string) => phrases.filter((phrase) => normalise(text).includes(phrase));

/** Every text of an instrument a reader sees, labelled by where it is. */
function texts(instrument: Instrument): [string, string][] {
	return [
		...(['en', 'fr'] as const).map((lang): [string, string] => [`instructions.${lang}`, instrument.instructions[lang]]),
		...instrument.items.flatMap((item) => (['en', 'fr'] as const).map((lang): [string, string] => [`item ${item.id} (${lang})`, item.text[lang]])),
	];
}

const files = readdirSync('content/instruments').filter((name) => /\.ya?ml$/.test(name));

describe('the self-check wording', () => {
	it('the phrase lists still catch every first-edition wording they were made for', () => {
		for (const text of firstEdition) expect(found(text), text).not.toEqual([]);
		// With the fragments, the WAI list alone catches the old t3.
		expect(normalise('We agree on what is most important to work on.')).toContain(normalise(waiPhrases[6]!));
	});

	it.each(files)('content/instruments/%s uses no WAI phrase and no retired wording', (name) => {
		const instrument = instrumentSchema.parse(parseYaml(readFileSync(`content/instruments/${name}`, 'utf8')));
		const hits = texts(instrument).flatMap(([where, text]) => found(text).map((phrase) => `content/instruments/${name} ${where}: "${phrase}"`));
		expect(hits).toEqual([]);
	});
});
