/** What both self-check components need at build time: the instrument and the page's words. */
import type { AstroGlobal } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { clientInstrument, type ClientInstrument, type Instrument } from '../lib/instrument';
import type { Lang } from '../lib/references';
import { selfCheckStringNames, type SelfCheckStrings } from '../lib/self-check-strings';
import { localeOf, pageUrl } from '../lib/site-paths';

/** Handed to the browser script as JSON, inside the component. */
export interface SelfCheckPageData {
	lang: Lang;
	instrument: ClientInstrument;
	strings: SelfCheckStrings;
	usingResults: string;
}

/** For a component used as <SelfCheck instrument="…" /> or <MyStudents instrument="…" />, on the page being built. */
export async function loadSelfCheck(page: AstroGlobal<{ instrument: string }>): Promise<{ lang: Lang; instrument: Instrument; data: SelfCheckPageData }> {
	const id = page.props.instrument;
	const lang = localeOf(page.currentLocale);
	const entry = await getEntry('instruments', id);
	if (!entry) throw new Error(`self-check on ${page.url.pathname}: no instrument "${id}" in content/instruments/`);
	const t = (key: string): string => page.locals.t(key as never);
	// The strategy links of each score, checked against the strategies collection (the chapters'
	// cards): an unknown id stops the build, naming the instrument's file, the field and the id.
	const catalogue = (await getCollection('strategies')).map((strategy) => strategy.data);
	const source = entry.filePath ?? `content/instruments/${id}.yaml`;
	const strings = Object.fromEntries(selfCheckStringNames.map((name) => [name, t(`cwam.selfcheck.${name}`)])) as SelfCheckStrings;
	return {
		lang,
		instrument: entry.data,
		data: {
			lang,
			instrument: clientInstrument(entry.data, lang, (page) => pageUrl(lang, page), catalogue, source),
			strings,
			usingResults: pageUrl(lang, 'using-results'),
		},
	};
}

/** JSON safe inside <script type="application/json">: no `</script>` can end it early. */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}
