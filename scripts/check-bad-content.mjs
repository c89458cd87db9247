// Bad input must fail the build with a message naming the file and the field. For each case,
// copy the project (without node_modules: Node finds ours by walking up), break one thing,
// build, and require a failure whose output names both.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve('.');
const work = join(root, '.check-bad-content');
const astro = join(root, 'node_modules', '.bin', 'astro');

/** Each case: the file to break, how, and what the error must name. */
const cases = [
	{
		name: 'an instrument item without its French text',
		file: 'content/instruments/cwai-teacher.yaml',
		edit: (text) => text.replace(/^(\s+)fr: L’élève m’apprécie\.\n/m, ''),
		expect: ['cwai-teacher', 'items.0.text.fr'],
	},
	{
		name: 'an instrument with a 4-point scale',
		file: 'content/instruments/cwai-teacher.yaml',
		edit: (text) => text.replace(/^\s+- \{ value: 5,.*\n/m, ''),
		expect: ['cwai-teacher', 'scale'],
	},
	{
		name: 'a chapter without a title',
		file: 'content/docs/fr/self-check.mdx',
		edit: (text) => text.replace(/^title: .*\n/m, ''),
		expect: ['fr/self-check', 'title'],
	},
	{
		name: 'a chapter type that does not exist',
		file: 'content/navigation.json',
		edit: (text) => text.replace('"type": "resource"', '"type": "recipe"'),
		expect: ['content/navigation.json', 'groups.0.chapters.0.type'],
	},
	{
		name: 'an instrument pointing to an unknown strategy',
		file: 'content/instruments/cwai-teacher.yaml',
		edit: (text) => text.replace(/^(\s+strategies: \[)greeting,/m, '$1greetings,'),
		expect: ['cwai-teacher', 'greetings'],
	},
	{
		name: 'a strategy card whose French factor differs',
		file: 'content/docs/fr/building-the-bond.mdx',
		edit: (text) => text.replace(/(<Strategy id="rituals"[^>]*?)factor="bond"/, '$1factor="collaboration"'),
		expect: ['building-the-bond', 'rituals'],
	},
	{
		name: 'a reference without its APA entry',
		file: 'content/references.yaml',
		edit: (text) => text.replace(/^(\s+)apa: .*\n/m, ''),
		expect: ['references', 'apa'],
	},
	{
		name: 'a student question mirroring no self-check statement',
		file: 'content/instruments/student/cwai-student.yaml',
		edit: (text) => text.replace('mirrors: b4', 'mirrors: b9'),
		expect: ['cwai-student.yaml', 'items.9.mirrors'],
	},
	{
		name: 'a student question without its French text',
		file: 'content/instruments/student/cwai-student.yaml',
		edit: (text) => text.replace(/^(\s+)fr: As-tu confiance.*\n/m, ''),
		expect: ['cwai-student', 'items.9.text.fr'],
	},
	{
		name: 'a chapter element the PDF edition cannot render (an image)',
		file: 'content/docs/en/glossary.mdx',
		edit: (text) => `${text}\n\n![A diagram](/favicon.svg)\n`,
		expect: ['content/docs/en/glossary.mdx', 'image'],
	},
	{
		name: 'a handout\'s PDF link outside its section',
		file: 'content/docs/fr/training/handouts.mdx',
		edit: (text) => text.replace('<SheetPdf section="handout-session-2" />', '<SheetPdf section="handout-session-4" />'),
		expect: ['content/docs/fr/training/handouts.mdx', 'SheetPdf section="handout-session-4"'],
	},
];

let failures = 0;
rmSync(work, { recursive: true, force: true });
try {
	for (const [i, test] of cases.entries()) {
		const dir = join(work, String(i));
		mkdirSync(dir, { recursive: true });
		for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public']) {
			cpSync(join(root, entry), join(dir, entry), { recursive: true, verbatimSymlinks: true });
		}
		const path = join(dir, test.file);
		const before = readFileSync(path, 'utf8');
		const after = test.edit(before);
		if (after === before) throw new Error(`${test.name}: the edit changed nothing in ${test.file}; update this script`);
		writeFileSync(path, after);
		const run = spawnSync(astro, ['build', '--outDir', join(dir, 'dist')], {
			cwd: dir,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
			encoding: 'utf8',
		});
		const output = `${run.stdout}\n${run.stderr}`;
		const missing = test.expect.filter((word) => !output.includes(word));
		if (run.status === 0 || missing.length > 0) {
			failures++;
			console.error(`✗ ${test.name}: ${run.status === 0 ? 'the build succeeded' : `the error does not name ${missing.join(', ')}`}`);
			console.error(output.split('\n').slice(-30).join('\n'));
		} else {
			const line = output.split('\n').find((l) => l.includes(test.expect[1])) ?? '';
			console.log(`✓ ${test.name}: ${line.trim()}`);
		}
		rmSync(dir, { recursive: true, force: true });
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failures > 0 ? 1 : 0);
