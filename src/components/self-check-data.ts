/** What both self-check components need at build time: the instrument and the page's words. */
import { getEntry } from 'astro:content';
import { clientInstrument, type ClientInstrument, type Instrument } from '../lib/instrument';
import type { Lang } from '../lib/references';
import { selfCheckStringNames, type SelfCheckStrings } from '../lib/self-check-strings';
import { pageUrl } from '../lib/site-paths';

/** Handed to the browser script as JSON, inside the component. */
export interface SelfCheckPageData {
	lang: Lang;
	instrument: ClientInstrument;
	strings: SelfCheckStrings;
	usingResults: string;
}

export async function loadSelfCheck(id: string, lang: Lang, t: (key: string) => string, where: string): Promise<{ instrument: Instrument; data: SelfCheckPageData }> {
	const entry = await getEntry('instruments', id);
	if (!entry) throw new Error(`self-check on ${where}: no instrument "${id}" in content/instruments/`);
	const strings = Object.fromEntries(selfCheckStringNames.map((name) => [name, t(`cwam.selfcheck.${name}`)])) as SelfCheckStrings;
	return {
		instrument: entry.data,
		data: {
			lang,
			instrument: clientInstrument(entry.data, lang, (page) => pageUrl(lang, page)),
			strings,
			usingResults: pageUrl(lang, 'using-results'),
		},
	};
}

/** JSON safe inside <script type="application/json">: no `</script>` can end it early. */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}
