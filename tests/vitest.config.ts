import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests: pure logic in src/lib, mirrored under tests/unit. Browser behaviour is tested in Chromium (tests/e2e).
export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
		coverage: {
			provider: 'v8',
			include: ['src/lib/**/*.ts'],
			reporter: ['text-summary'],
			// `npm test` runs with --coverage: scoring must be covered branch by branch, the rest nearly so.
			thresholds: {
				statements: 95,
				branches: 90,
				'src/lib/scoring.ts': { statements: 100, branches: 100, functions: 100, lines: 100 },
			},
		},
	},
});
