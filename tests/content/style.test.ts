/**
 * The style guide, checked (content/STYLE.md; the lists are in content/style.yaml): French
 * calques, one term per concept, the reader addressed without gender, no masculine generics,
 * pupils who say « tu », Quebec spacing, at most 3 sentences over 45 words per language, the
 * retired claims kept out and the youth-protection wording kept in. Every failure names the file
 * and line, and what to write instead:
 *   content/docs/fr/why-relationships-matter.mdx:107 « plus souvent qu’autrement » → la plupart du temps
 * One file only: npx vitest run --config tests/vitest.config.ts tests/content/style.test.ts -t why-relationships
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, isPair, isScalar, parse as parseYaml, parseDocument, visit } from 'yaml';
import { allChapters, parseNavigation } from '../../src/lib/navigation';
import {
	citations,
	findInProse,
	frenchSpacingProblems,
	frenchTypographyProblems,
	joinProse,
	masculineGenerics,
	proseLines,
	quotationsWithVous,
	sentences,
	splitFrontmatter,
	stylePattern,
	type ProseLine,
} from '../../src/lib/chapter-source';

type Lang = 'en' | 'fr';
interface Rule {
	find: string;
	use: string;
}
interface Allowance {
	file: string;
	text: string;
	check?: string;
	reason: string;
}
interface StyleLists {
	calques: Rule[];
	terms: Rule[];
	reader: Rule[];
	english: Rule[];
	generics: { pairs: Record<string, string>; determiners: string[] };
	units: string[];
	allow: Allowance[];
}

const style = parseYaml(readFileSync('content/style.yaml', 'utf8')) as StyleLists;
const languages: Lang[] = ['en', 'fr'];
const maxLongSentences = 3;
const longSentence = 45;

// What is checked: every chapter of the navigation, the interface strings, the instrument's texts.
interface Text {
	file: string;
	lang: Lang;
	lines: ProseLine[];
	/** The source, for chapters (citations, safety wording). */
	source?: string;
}

const navigation = parseNavigation(JSON.parse(readFileSync('content/navigation.json', 'utf8')));
const slugs = allChapters(navigation).map((chapter) => chapter.slug);
const chapterFile = (lang: Lang, slug: string) => ['mdx', 'md'].map((ext) => `content/docs/${lang}/${slug}.${ext}`).find((path) => existsSync(path));
// A chapter listed but not yet written is left to manual.test.ts ("every chapter exists in both languages").
const chapters: Text[] = languages.flatMap((lang) =>
	slugs.flatMap((slug) => {
		const file = chapterFile(lang, slug);
		if (!file) return [];
		const source = readFileSync(file, 'utf8');
		return [{ file, lang, lines: proseLines(source), source }];
	}),
);

const placeholders = /\{[\w.]+\}/g;

function i18nText(lang: Lang): Text {
	const file = `content/i18n/${lang}.json`;
	const raw = readFileSync(file, 'utf8').split('\n');
	const strings = JSON.parse(raw.join('\n')) as Record<string, string>;
	const lines = Object.entries(strings).map(([key, value]) => ({
		line: raw.findIndex((line) => line.includes(JSON.stringify(key))) + 1,
		text: String(value).replace(placeholders, ' '),
		start: true,
	}));
	return { file, lang, lines };
}

function instrumentText(lang: Lang): Text {
	const file = 'content/instruments/cwai-teacher.yaml';
	const lineCounter = new LineCounter();
	const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
	const lines: ProseLine[] = [];
	visit(document, {
		Pair(_, pair) {
			if (isPair(pair) && isScalar(pair.key) && pair.key.value === lang && isScalar(pair.value) && typeof pair.value.value === 'string') {
				lines.push({ line: lineCounter.linePos(pair.value.range![0]).line, text: pair.value.value, start: true });
			}
		},
	});
	return { file, lang, lines };
}

const texts: Text[] = [...chapters, ...languages.flatMap((lang) => [i18nText(lang), instrumentText(lang)])];
const french = texts.filter((text) => text.lang === 'fr');

function allowed(check: string, file: string, lineText: string, match: string): boolean {
	return style.allow.some(
		(allowance) => allowance.file === file && (!allowance.check || allowance.check === check) && (lineText.includes(allowance.text) || match.includes(allowance.text)),
	);
}

function ruleProblems(text: Text, check: string, rules: Rule[]): string[] {
	return rules.flatMap((rule) =>
		findInProse(text.lines, stylePattern(rule.find))
			.filter((found) => !allowed(check, text.file, found.text, found.match))
			.map((found) => ({ line: found.line, message: `${text.file}:${found.line} « ${found.match.trim()} » → ${rule.use}` })),
	)
		.sort((a, b) => a.line - b.line)
		.map((problem) => problem.message)
		.filter((message, i, all) => all.indexOf(message) === i);
}

/** Problems found by a function over the joined prose, with the line of each. */
function joinedProblems(text: Text, check: string, find: (joined: string) => { match: string; index: number }[], advice: string): string[] {
	const { text: joined, lineAt } = joinProse(text.lines);
	return find(joined)
		.map((found) => ({ found, at: lineAt(found.index) }))
		.filter(({ found, at }) => !allowed(check, text.file, at.text, found.match))
		.map(({ found, at }) => `${text.file}:${at.line} « ${found.match.replace(/\s+/g, ' ').replace(/^«\s*|\s*»$/g, '')} » → ${advice}`);
}

/** Problems a line-by-line checker finds, with the line. */
function lineProblems(text: Text, check: string, find: (line: string) => string[]): string[] {
	return text.lines.flatMap((entry) => find(entry.text).filter((problem) => !allowed(check, text.file, entry.text, problem)).map((problem) => `${text.file}:${entry.line} ${problem}`));
}

/** Fails listing every problem, one per line (the list is the message, so every reporter shows it). */
function expectNone(problems: string[], advice: string) {
	expect(problems.length, `${problems.length} to fix (${advice}):\n${problems.join('\n')}\n`).toBe(0);
}

describe.each(french.map((text) => [text.file, text] as const))('French style: %s', (_, text) => {
	it('has no calque (content/style.yaml calques)', () => {
		expectNone(ruleProblems(text, 'calques', style.calques), 'calques: write the replacement');
	});

	it('uses one term per concept (content/style.yaml terms)', () => {
		expectNone(ruleProblems(text, 'terms', style.terms), 'terms: use the manual’s term');
	});

	it('addresses the reader without gender (content/style.yaml reader)', () => {
		expectNone(ruleProblems(text, 'reader', style.reader), 'reader: rephrase');
	});

	it('has no masculine generic (STYLE.md §1)', () => {
		const problems = joinedProblems(
			text,
			'generics',
			(joined) => masculineGenerics(joined, style.generics.pairs, style.generics.determiners),
			'un mot collectif ou épicène (« le personnel enseignant », « les personnes participantes ») ou un doublet, féminin d’abord',
		);
		expectNone(problems, 'generics: rephrase, or add to allow in content/style.yaml with a reason');
	});

	it('lets pupils say « tu » (STYLE.md §2)', () => {
		const problems = joinedProblems(text, 'vous', quotationsWithVous, 'les élèves disent « tu » (« vous » seulement entre adultes : ajouter à allow avec la raison)');
		expectNone(problems, 'quotations with « vous »');
	});

	it('spaces numbers, × and M./Mme the Quebec way (STYLE.md §4)', () => {
		expectNone(lineProblems(text, 'spacing', (line) => frenchSpacingProblems(line, style.units)), 'spacing: use a no-break space (U+00A0)');
	});

	it('sets quotation marks and punctuation the Quebec way', () => {
		expectNone(lineProblems(text, 'typography', frenchTypographyProblems), 'typography: U+00A0 before : and inside « », U+202F before ; ! ?');
	});
});

describe.each(texts.filter((text) => text.lang === 'en').map((text) => [text.file, text] as const))('English style: %s', (_, text) => {
	it('uses the manual’s English terms (content/style.yaml english)', () => {
		expectNone(ruleProblems(text, 'english', style.english), 'english terms');
	});
});

describe('sentences', () => {
	it.each(languages)(`at most ${maxLongSentences} sentences over ${longSentence} words in the whole manual (%s)`, (lang) => {
		const long = texts
			.filter((text) => text.lang === lang)
			.flatMap((text) =>
				sentences(text.lines)
					.filter((sentence) => sentence.words > longSentence)
					.map((sentence) => `${text.file}:${sentence.line} (${sentence.words} words) ${sentence.text.slice(0, 70)}…`),
			);
		expect(long.length, `${long.length} sentences over ${longSentence} words (split them; aim for 30):\n${long.join('\n')}\n`).toBeLessThanOrEqual(maxLongSentences);
	});
});

// The first edition said teachers rated stronger alliances with better-behaved, more cooperative
// students (Toste et al. 2015): no source we can check says it (issue 9). It must not come back.
const retired: Record<Lang, RegExp> = {
	en: /better[- ]behaved|more cooperative/i,
	fr: /se comportaient mieux|coopéraient davantage|plus coopératifs|plus coopérative?s?|mieux se comporter et coopérer/i,
};
const behaviour: Record<Lang, RegExp> = { en: /behav/i, fr: /comport/i };

describe.each(chapters.map((text) => [text.file, text] as const))('claims: %s', (_, text) => {
	it('does not bring back the retired Toste 2015 claim', () => {
		const problems = findInProse(text.lines, retired[text.lang]).map((found) => `${text.file}:${found.line} « ${found.match} »: retired claim (no source says it)`);
		// toste2015 cited in a sentence about behaviour: the citation sits inside its sentence in the source.
		const { body, bodyStartLine } = splitFrontmatter(text.source!);
		for (const match of body.matchAll(/[^.!?]*<Cite id="[^"]*\btoste2015\b[^"]*"[^>]*>[^.!?]*/g)) {
			if (behaviour[text.lang].test(match[0].replace(/<[^>]*>/g, ''))) {
				const line = bodyStartLine + body.slice(0, match.index + match[0].indexOf('<Cite')).split('\n').length - 1;
				problems.push(`${text.file}:${line} toste2015 cited for behaviour: Toste et al. 2015 does not report it (cite knowles2018 or rogers2015 as references.md says)`);
			}
		}
		expectNone(problems, 'the claim is retired');
	});
});

// Where the manual meets a child at risk, it says that every teacher must report to the DPJ (plan §0.5).
const safetyPages = ['hard-to-reach-students', 'repairing-the-relationship', 'training/facilitator-guide', 'training/session-repair'];

describe('youth protection', () => {
	it.each(safetyPages.flatMap((slug) => languages.map((lang) => [`content/docs/${lang}/${slug}.mdx`, lang, slug] as const)))('%s names the DPJ and cites lpj', (file, lang, slug) => {
		const path = chapterFile(lang, slug);
		expect(path, `${file} does not exist yet`).toBeDefined();
		const source = readFileSync(path!, 'utf8');
		expect(source.includes('DPJ'), `${file}: say that every teacher reports to the DPJ without delay (plan §0.5)`).toBe(true);
		expect(citations(source), `${file}: cite the Youth Protection Act with <Cite id="lpj" />`).toContain('lpj');
	});
});

describe('content/style.yaml', () => {
	it('gives every allowance a reason, and each still matches its file', () => {
		const problems = style.allow.flatMap((allowance) => {
			const text = texts.find((candidate) => candidate.file === allowance.file);
			if (!allowance.reason?.trim()) return [`${allowance.file} « ${allowance.text} »: no reason given`];
			if (!text) return [`${allowance.file}: no such file in the manual`];
			return text.lines.some((entry) => entry.text.includes(allowance.text)) ? [] : [`${allowance.file} « ${allowance.text} »: no longer in the file, remove the allowance`];
		});
		expectNone(problems, 'allow');
	});

	it('holds valid patterns', () => {
		for (const rule of [...style.calques, ...style.terms, ...style.reader, ...style.english]) {
			expect(() => stylePattern(rule.find), rule.find).not.toThrow();
			expect(rule.use, rule.find).toBeTruthy();
		}
	});
});
