/**
 * The QR mask every page uses. Any of the 8 masks is a valid code that phones read; choosing one
 * instead of scoring all 8 per page makes the build's QR step about six times faster.
 */
export const qrMask = 2;

/**
 * A QR code as one compact SVG path: each horizontal run of dark modules is one rectangle,
 * so a page's code stays about 1 KB gzipped (a rectangle per module would be several times that).
 */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
	let path = '';
	modules.forEach((row, y) => {
		let x = 0;
		while (x < row.length) {
			if (!row[x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < row.length && row[x]) x++;
			path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
		}
	});
	return path;
}

/** The SVG markup for a QR matrix (quiet zone included in the matrix), dark on white in any theme. */
export function qrSvg(modules: readonly (readonly boolean[])[], label: string): string {
	const size = modules.length;
	const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escaped}" shape-rendering="crispEdges">` +
		`<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${qrPath(modules)}"/></svg>`
	);
}
