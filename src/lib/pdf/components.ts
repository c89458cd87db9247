/**
 * The PDF form of every component a chapter may use: the one place a new component gets one.
 * A component missing here fails the PDF build, naming the file, the line and the component.
 * The page design (cards, ruled lines, the questionnaire) is in src/pdf/cwam.typ.
 */
import { scoreItemIds, type Instrument } from '../instrument';
import { parseCiteIds, apaText, citationLabel, sortReferences } from '../references';
import { strategyEvidence, strategyFactors, strategyPartKinds } from '../strategies';
import { pictureSvg } from '../student-voice';
import { label, markup, str } from './typst';
import { joinInline, type ComponentForm, type Node, type Writer } from './convert';

const oneOf = <T extends string>(write: Writer, node: Node, name: string, allowed: readonly T[]): T => {
	const found = write.attr(node, name, true)!;
	if (!(allowed as readonly string[]).includes(found)) write.fail(node, `${name}="${found}" is not one of ${allowed.join(', ')}`);
	return found as T;
};

const citeLink = (write: Writer, key: string, content: string) => {
	const target = write.citationTarget(key);
	return target.startsWith('ref-') ? `#link(${label(target)})[${content}]` : `#link(${str(target)})[${content}]`;
};

/** APA text (with *italics* and bare addresses) as Typst markup. */
export function apaMarkup(apa: string): string {
	const pieces = apa
		.split(/(\*[^*]+\*|https?:\/\/\S+?(?=\s|$))/)
		.map((piece) => {
			if (/^\*[^*]+\*$/.test(piece)) return `#emph[${markup(piece.slice(1, -1))}]`;
			if (/^https?:\/\//.test(piece)) return `#link(${str(piece)})[${markup(piece)}]`;
			return markup(piece);
		});
	return joinInline(pieces);
}

const Cite: ComponentForm = (node, write) => {
	const { ctx } = write;
	let keys: string[];
	try {
		keys = parseCiteIds(write.attr(node, 'id', true)!);
	} catch (error) {
		return write.fail(node, (error as Error).message);
	}
	const refs = keys.map((key) => {
		const ref = ctx.references.get(key);
		if (!ref) write.fail(node, `no reference "${key}" in content/references.yaml`);
		return { key, ref: ref! };
	});
	if (write.flag(node, 'narrative')) {
		return joinInline(
			refs.flatMap(({ key, ref }, i) => [
				...(i > 0 ? ['; '] : []),
				...(ref.year === undefined ? [citeLink(write, key, markup(ref.cite[ctx.lang]))] : [`${markup(ref.cite[ctx.lang])} (`, citeLink(write, key, String(ref.year)), ')']),
			]),
		);
	}
	return joinInline(['(', ...refs.flatMap(({ key, ref }, i) => [...(i > 0 ? ['; '] : []), citeLink(write, key, markup(citationLabel(ref, ctx.lang)))]), ')']);
};

const Strategy: ComponentForm = (node, write) => {
	const { t } = write.ctx;
	write.attr(node, 'id', true);
	const factor = oneOf(write, node, 'factor', strategyFactors);
	const evidence = oneOf(write, node, 'evidence', strategyEvidence);
	const time = write.attr(node, 'time', true)!;
	const meta = [
		[t('cwam.strategy.factor'), t(`cwam.strategy.factor.${factor}`)],
		[t('cwam.strategy.evidence'), t(`cwam.strategy.evidence.${evidence}`)],
		[t('cwam.strategy.time'), time],
	];
	const parts = (node.children ?? []).filter((child) => !(child.type === 'paragraph' && write.inline(child.children).trim() === ''));
	for (const part of parts) {
		if (part.type !== 'mdxJsxFlowElement' || (part as { name?: string }).name !== 'StrategyPart') write.fail(part, 'a <Strategy> card holds <StrategyPart> elements only');
	}
	return `#strategy(meta: (${meta.map(([name, text]) => `(${str(name!)}, ${str(text!)})`).join(', ')},))[${write.blocks(parts)}]`;
};

const StrategyPart: ComponentForm = (node, write) => {
	const kind = oneOf(write, node, 'kind', strategyPartKinds);
	// The part's label sits one level under the strategy's heading, out of the outline and bookmarks.
	const heading = `#heading(level: ${write.headingLevel() + 1}, outlined: false)[${markup(write.ctx.t(`cwam.strategy.${kind}`))}]`;
	return `${heading}\n\n${write.blocks(node.children)}`;
};

const WriteLines: ComponentForm = (node, write) => {
	const lines = write.numberAttr(node, 'lines') ?? 3;
	if (!Number.isInteger(lines) || lines < 1 || lines > 40) write.fail(node, `lines={${lines}} must be a whole number from 1 to 40`);
	return `#write-lines(${lines}, box: ${write.flag(node, 'box')})`;
};

const DrawingBox: ComponentForm = (node, write) => write.fail(node, 'a <DrawingBox> belongs in <DrawingBoxes>');

const DrawingBoxes: ComponentForm = (node, write) => {
	const boxes = (node.children ?? []).map((child) => {
		if (child.type !== 'mdxJsxFlowElement' || (child as { name?: string }).name !== 'DrawingBox') return write.fail(child, '<DrawingBoxes> holds <DrawingBox> elements only');
		const lines = write.numberAttr(child, 'lines') ?? 8;
		return `(${str(write.attr(child, 'prompt', true)!)}, ${lines})`;
	});
	return `#drawing-boxes((${boxes.join(', ')},))`;
};

const StartLinks: ComponentForm = (node, write) => {
	const items = (node.children ?? []).map((child) => {
		if (child.type !== 'mdxJsxFlowElement' || (child as { name?: string }).name !== 'StartLink') return write.fail(child, '<StartLinks> holds <StartLink> elements only');
		return `[${StartLink(child, write)}]`;
	});
	return `#list(${items.join(', ')})`;
};

const StartLink: ComponentForm = (node, write) => {
	const title = markup(write.attr(node, 'title', true)!);
	const description = markup(write.attr(node, 'description', true)!);
	return `#strong[${write.linkTo(write.attr(node, 'href', true)!, title)}]: ${description}`;
};

const ReferenceList: ComponentForm = (_node, write) => {
	const { ctx } = write;
	const refs = sortReferences(
		[...ctx.references].map(([id, data]) => ({ id, data })),
		ctx.lang,
	);
	const items = refs.map(({ id, data }) => `#par(hanging-indent: 1.5em, justify: false)[${apaMarkup(apaText(data, ctx.lang))}] ${label(`ref-${id}`)}`);
	return items.join('\n\n');
};

/** The self-check on paper: the statements with the scale to tick, and how to score them by hand. */
const SelfCheck: ComponentForm = (node, write) => {
	const { ctx } = write;
	const id = write.attr(node, 'instrument', true)!;
	const instrument = ctx.instruments.get(id);
	if (!instrument) return write.fail(node, `no instrument "${id}" in content/instruments`);
	const { lang, t } = ctx;
	const numbers = (match: (item: Instrument['items'][number]) => boolean) =>
		instrument.items.flatMap((item, i) => (match(item) ? [String(i + 1)] : [])).join(', ');
	const scoring = instrument.scores.map((score) => {
		const ids = new Set(scoreItemIds(instrument, score));
		const items = numbers((item) => ids.has(item.id));
		return `[${markup(t('cwam.pdf.selfCheck.score').replace('{score}', score.label[lang]).replace('{items}', items))}]`;
	});
	const reversed = numbers((item) => item.reverse);
	const statements = instrument.items.map((item) => `[${markup(item.text[lang])}${item.reverse ? '\\*' : ''}]`);
	return [
		`#strong[${markup(t('cwam.pdf.selfCheck.paper'))}] ${markup(instrument.instructions[lang])}`,
		`#questionnaire(scale: (${instrument.scale.map((point) => str(`${point.value} ${point.label[lang]}`)).join(', ')},), items: (${statements.join(', ')},), statement: ${str(t('cwam.pdf.selfCheck.statement'))})`,
		`#strong[${markup(t('cwam.pdf.selfCheck.scoring'))}]`,
		`#list(${scoring.join(', ')})`,
		...(reversed ? [markup(t('cwam.pdf.selfCheck.reversed').replace('{items}', reversed))] : []),
		`${markup(t('cwam.pdf.selfCheck.online'))} #link(${str(`${ctx.siteUrl}${lang}/self-check/`)})[${markup(`${ctx.siteUrl}${lang}/self-check/`)}]`,
	].join('\n\n');
};

/** Student voice on paper: the questions in large type, each answer with its picture and a box to mark. */
const StudentForm: ComponentForm = (node, write) => {
	const { ctx } = write;
	const id = write.attr(node, 'instrument', true)!;
	const student = ctx.studentInstruments.get(id);
	if (!student) return write.fail(node, `no student instrument "${id}" in content/instruments/student`);
	const { lang, t } = ctx;
	const scale = student.scale.map((point) => `(${str(point.label[lang])}, bytes(${str(pictureSvg(point.picture))}))`);
	return `#student-form(name: ${str(t('cwam.voice.paperName'))}, date: ${str(t('cwam.voice.paperDate'))}, how: [${markup(`${student.instructions[lang]} ${t('cwam.voice.paperHow')}`)}], about: [${markup(student.about[lang])}], scale: (${scale.join(', ')},), items: (${student.items.map((item) => `[${markup(item.text[lang])}]`).join(', ')},))`;
};

/** My students lives in the browser: the PDF says where. */
const MyStudents: ComponentForm = (_node, write) => {
	const { ctx } = write;
	const url = `${ctx.siteUrl}${ctx.lang}/my-students/`;
	return `#aside(kind: "note", title: none)[${markup(ctx.t('cwam.pdf.myStudents'))} #link(${str(url)})[${markup(url)}]]`;
};

/** Student voice works on the teacher's device: the PDF says where, and points to the paper form. */
const StudentVoice: ComponentForm = (_node, write) => {
	const { ctx } = write;
	const url = `${ctx.siteUrl}${ctx.lang}/student-voice/`;
	return `#aside(kind: "note", title: none)[${markup(ctx.t('cwam.pdf.studentVoice'))} #link(${str(url)})[${markup(url)}]]`;
};

// Links to the PDFs themselves: nothing to show inside a PDF.
const nothing: ComponentForm = () => '';

const WholeManual: ComponentForm = (node, write) => write.fail(node, 'the whole manual is the PDF edition itself; its page is not part of the book');

export const componentForms: Readonly<Record<string, ComponentForm>> = {
	Cite,
	Strategy,
	StrategyPart,
	WriteLines,
	DrawingBoxes,
	DrawingBox,
	StartLinks,
	StartLink,
	ReferenceList,
	SelfCheck,
	MyStudents,
	StudentForm,
	StudentVoice,
	WholeManual,
	PdfDownload: nothing,
	SheetPdf: nothing,
};
