/** What the self-check components need at build time: the instrument, the strategies and the page's words. */
import type { AstroGlobal } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { clientInstrument, type ClientInstrument, type Instrument } from '../lib/instrument';
import type { Lang } from '../lib/references';
import { selfCheckStringNames, type SelfCheckStrings } from '../lib/self-check-strings';
import type { StrategyFactor } from '../lib/strategies';
import { localeOf, pageUrl } from '../lib/site-paths';
import type { ScoringModel } from '../lib/scoring';
import { mirrorInstrument, voiceStringNames, type Mirrored, type Picture, type VoiceStrings } from '../lib/student-voice';

/** A strategy of the manual as the plan form offers it, in the page's language. */
export interface PageStrategy {
	id: string;
	name: string;
	factor: StrategyFactor;
	href: string;
}

/** Handed to the browser script as JSON, inside the component. */
export interface SelfCheckPageData {
	lang: Lang;
	instrument: ClientInstrument;
	strings: SelfCheckStrings;
	/** Every strategy card of the manual: the instrument's own first, then the others in catalogue order. */
	strategies: PageStrategy[];
	/** The names of the two sides, as the strategy cards say them. */
	factors: Record<StrategyFactor, string>;
	usingResults: string;
	selfCheck: string;
	myStudents: string;
	/** On the student voice page: the student's questions, mirrored on the teacher's items. */
	voice?: VoicePageData;
}

/** Student voice's questions and words, in the page's language. */
export interface VoicePageData {
	id: string;
	version: number;
	items: { id: string; mirrors: string; factor: string; text: string; topic: string }[];
	scale: { value: number; label: string; picture: Picture }[];
	model: ScoringModel;
	about: string;
	instructions: string;
	thanks: string;
	strings: VoiceStrings;
	/** The chapters that help with a gap: the bond, collaboration, repair. */
	help: { href: string; label: string }[];
}

/** For <StudentVoice instrument="cwai-student" />: the teacher's self-check data, plus the student's questions. */
export async function loadStudentVoice(page: AstroGlobal<{ instrument: string }>): Promise<{ lang: Lang; mirrored: Mirrored; data: SelfCheckPageData }> {
	const id = page.props.instrument;
	const entry = await getEntry('studentInstruments', id);
	if (!entry) throw new Error(`student voice on ${page.url.pathname}: no instrument "${id}" in content/instruments/student/`);
	const { lang, instrument: teacher, data } = await loadSelfCheck(page, entry.data.mirrorOf);
	const mirrored = mirrorInstrument(entry.data, teacher, entry.filePath ?? `content/instruments/student/${id}.yaml`);
	const t = (key: string): string => page.locals.t(key as never);
	const help = await Promise.all(
		['building-the-bond', 'building-collaboration', 'repairing-the-relationship'].map(async (slug) => ({ href: pageUrl(lang, slug), label: (await getEntry('docs', `${lang}/${slug}`))!.data.title })),
	);
	const student = entry.data;
	data.voice = {
		id: student.id,
		version: student.version,
		items: mirrored.items.map((item) => ({ id: item.id, mirrors: item.mirrors, factor: item.factor, text: item.text[lang], topic: item.topic[lang] })),
		scale: student.scale.map((point) => ({ value: point.value, label: point.label[lang], picture: point.picture })),
		model: mirrored.model,
		about: student.about[lang],
		instructions: student.instructions[lang],
		thanks: student.thanks[lang],
		strings: Object.fromEntries(voiceStringNames.map((name) => [name, t(`cwam.voice.${name}`)])) as VoiceStrings,
		help,
	};
	return { lang, mirrored, data };
}

/** For a component used as <SelfCheck instrument="…" /> or <MyStudents instrument="…" />, on the page being built. */
export async function loadSelfCheck(page: AstroGlobal<{ instrument: string }>, id = page.props.instrument): Promise<{ lang: Lang; instrument: Instrument; data: SelfCheckPageData }> {
	const lang = localeOf(page.currentLocale);
	const entry = await getEntry('instruments', id);
	if (!entry) throw new Error(`self-check on ${page.url.pathname}: no instrument "${id}" in content/instruments/`);
	const t = (key: string): string => page.locals.t(key as never);
	// The strategy links of each score, checked against the strategies collection (the chapters'
	// cards): an unknown id stops the build, naming the instrument's file, the field and the id.
	const catalogue = (await getCollection('strategies')).map((strategy) => strategy.data);
	const source = entry.filePath ?? `content/instruments/${id}.yaml`;
	const strings = Object.fromEntries(selfCheckStringNames.map((name) => [name, t(`cwam.selfcheck.${name}`)])) as SelfCheckStrings;
	const instrument = clientInstrument(entry.data, lang, (page) => pageUrl(lang, page), catalogue, source);
	const first = instrument.scoreInfo.flatMap((info) => info.strategies.map((strategy) => strategy.id));
	const rank = (strategyId: string) => (first.includes(strategyId) ? first.indexOf(strategyId) : first.length);
	const strategies = catalogue
		.map((strategy, index) => ({ strategy, index }))
		.sort((a, b) => rank(a.strategy.id) - rank(b.strategy.id) || a.index - b.index)
		.map(({ strategy }) => ({ id: strategy.id, name: strategy.name[lang], factor: strategy.factor, href: `${pageUrl(lang, strategy.page)}#${strategy.id}` }));
	return {
		lang,
		instrument: entry.data,
		data: {
			lang,
			instrument,
			strings,
			strategies,
			factors: { bond: t('cwam.strategy.factor.bond'), collaboration: t('cwam.strategy.factor.collaboration') },
			usingResults: pageUrl(lang, 'using-results'),
			selfCheck: pageUrl(lang, 'self-check'),
			myStudents: pageUrl(lang, 'my-students'),
		},
	};
}

/** JSON safe inside <script type="application/json">: no `</script>` can end it early. */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}
