/** Every page in the sitemap, in both languages: accessible, well-formed, quiet. */
import { expect, expectNoAxeViolations, langOfPath, sitemapPaths, test } from './fixtures';

const paths = sitemapPaths();

test('the sitemap lists the landing page and both languages', () => {
	expect(paths).toContain('/');
	expect(paths.filter((path) => path.startsWith('/en/')).length).toBeGreaterThan(0);
	expect(paths.filter((path) => path.startsWith('/en/')).length).toBe(paths.filter((path) => path.startsWith('/fr/')).length);
});

for (const path of paths) {
	test(`${path} is accessible and well-formed`, async ({ page }) => {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', langOfPath(path));
		await expect(page).toHaveTitle(/\S/);
		await expect(page.locator('h1')).toHaveCount(1);
		await expectNoAxeViolations(page);
	});
}
