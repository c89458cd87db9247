/**
 * The QR mask every page uses. Any of the 8 masks is a valid code that phones read; choosing one
 * instead of scoring all 8 per page makes the build's QR step about six times faster.
 */
export const qrMask = 2;

/**
 * A QR code as one compact SVG path: each horizontal run of dark modules is one rectangle,
 * so a page's code is a couple of kilobytes (a rectangle per module would be several times that).
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

/*
 * A QR encoder for the presentation view's codes, made for speed: the build draws one per page.
 * It makes exactly the matrix uqr's encode() makes (the QR Code generator by Project Nayuki that
 * uqr ports; tests/unit/qr.test.ts compares them) with its defaults as we use them: the
 * smallest version that fits, no error-correction boost, one segment in numeric, alphanumeric or
 * byte (UTF-8) mode. What does not depend on the text (a version's function patterns, the order
 * in which data modules are filled, the mask) is worked out once per version and reused.
 */

type Ecc = 'L' | 'M' | 'Q' | 'H';
/** Row in the tables below, and format-bits value, of each error-correction level. */
const eccLevels: Record<Ecc, { row: number; formatBits: number }> = { L: { row: 0, formatBits: 1 }, M: { row: 1, formatBits: 0 }, Q: { row: 2, formatBits: 3 }, H: { row: 3, formatBits: 2 } };
// Index 0 is padding; one entry per version 1–40, one row per level (L, M, Q, H). From the standard.
const eccCodewordsPerBlock = [
	[-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
	[-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
	[-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
	[-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
];
const errorCorrectionBlocks = [
	[-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
	[-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
	[-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
	[-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
];

/** Whether each of the 8 masks inverts the module at (x, y). */
const masks: ((x: number, y: number) => boolean)[] = [
	(x, y) => (x + y) % 2 === 0,
	(_, y) => y % 2 === 0,
	(x) => x % 3 === 0,
	(x, y) => (x + y) % 3 === 0,
	(x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
	(x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
	(x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
	(x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function rawDataModules(version: number): number {
	let result = (16 * version + 128) * version + 64;
	if (version >= 2) {
		const align = Math.floor(version / 7) + 2;
		result -= (25 * align - 10) * align - 55;
		if (version >= 7) result -= 36;
	}
	return result;
}

const dataCodewords = (version: number, ecc: number) => Math.floor(rawDataModules(version) / 8) - eccCodewordsPerBlock[ecc]![version]! * errorCorrectionBlocks[ecc]![version]!;

// GF(2^8) with the QR polynomial 0x11D, by log and antilog tables.
const gfExp = new Uint8Array(512);
const gfLog = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
	gfExp[i] = x;
	gfLog[x] = i;
	x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
}
for (let i = 255; i < 512; i++) gfExp[i] = gfExp[i - 255]!;
const gfMultiply = (x: number, y: number) => (x === 0 || y === 0 ? 0 : gfExp[gfLog[x]! + gfLog[y]!]!);

const divisors = new Map<number, Uint8Array>();
/** The Reed–Solomon generator polynomial of a degree, highest coefficient first (the leading 1 left out). */
function divisor(degree: number): Uint8Array {
	let result = divisors.get(degree);
	if (!result) {
		result = new Uint8Array(degree);
		result[degree - 1] = 1;
		let root = 1;
		for (let i = 0; i < degree; i++) {
			for (let j = 0; j < degree; j++) {
				result[j] = gfMultiply(result[j]!, root);
				if (j + 1 < degree) result[j]! ^= result[j + 1]!;
			}
			root = gfMultiply(root, 2);
		}
		divisors.set(degree, result);
	}
	return result;
}

function remainder(data: Uint8Array, div: Uint8Array): Uint8Array {
	const result = new Uint8Array(div.length);
	for (const byte of data) {
		const factor = byte ^ result[0]!;
		result.copyWithin(0, 1);
		result[result.length - 1] = 0;
		for (let i = 0; i < div.length; i++) result[i]! ^= gfMultiply(div[i]!, factor);
	}
	return result;
}

interface Template {
	size: number;
	/** The finished modules of everything but data: function patterns, format and version bits, and the mask over unused data modules. */
	base: Uint8Array;
	/** Index (y * size + x) of each data bit's module, in filling order. */
	order: Int32Array;
	/** 1 where the mask inverts that data bit's module. */
	flip: Uint8Array;
}

const templates = new Map<string, Template>();
function template(version: number, ecc: Ecc, mask: number): Template {
	const key = `${version} ${ecc} ${mask}`;
	const cached = templates.get(key);
	if (cached) return cached;
	const size = version * 4 + 17;
	const dark = new Uint8Array(size * size);
	const isFunction = new Uint8Array(size * size);
	const set = (x: number, y: number, on: boolean) => {
		dark[y * size + x] = on ? 1 : 0;
		isFunction[y * size + x] = 1;
	};
	for (let i = 0; i < size; i++) {
		set(6, i, i % 2 === 0);
		set(i, 6, i % 2 === 0);
	}
	for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
		for (let dy = -4; dy <= 4; dy++) {
			for (let dx = -4; dx <= 4; dx++) {
				const x = cx + dx;
				const y = cy + dy;
				const distance = Math.max(Math.abs(dx), Math.abs(dy));
				if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, distance !== 2 && distance !== 4);
			}
		}
	}
	const align: number[] = [];
	if (version > 1) {
		const count = Math.floor(version / 7) + 2;
		const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
		align.push(6);
		for (let position = size - 7; align.length < count; position -= step) align.splice(1, 0, position);
	}
	align.forEach((ax, i) =>
		align.forEach((ay, j) => {
			if ((i === 0 && j === 0) || (i === 0 && j === align.length - 1) || (i === align.length - 1 && j === 0)) return;
			for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
		}),
	);
	// Format bits: level and mask, with their own error correction.
	const format = (eccLevels[ecc].formatBits << 3) | mask;
	let rem = format;
	for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
	const formatBits = ((format << 10) | rem) ^ 0x5412;
	const bit = (value: number, i: number) => ((value >>> i) & 1) !== 0;
	for (let i = 0; i <= 5; i++) set(8, i, bit(formatBits, i));
	set(8, 7, bit(formatBits, 6));
	set(8, 8, bit(formatBits, 7));
	set(7, 8, bit(formatBits, 8));
	for (let i = 9; i < 15; i++) set(14 - i, 8, bit(formatBits, i));
	for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(formatBits, i));
	for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(formatBits, i));
	set(8, size - 8, true);
	if (version >= 7) {
		let vrem = version;
		for (let i = 0; i < 12; i++) vrem = (vrem << 1) ^ ((vrem >>> 11) * 0x1f25);
		const versionBits = (version << 12) | vrem;
		for (let i = 0; i < 18; i++) {
			const a = size - 11 + (i % 3);
			const b = Math.floor(i / 3);
			set(a, b, bit(versionBits, i));
			set(b, a, bit(versionBits, i));
		}
	}
	// Data modules in zigzag order, two columns at a time from the right, skipping the vertical timing column.
	const inverts = masks[mask]!;
	const bits = Math.floor(rawDataModules(version) / 8) * 8;
	const order = new Int32Array(bits);
	const flip = new Uint8Array(bits);
	let filled = 0;
	for (let right = size - 1; right >= 1; right -= 2) {
		if (right === 6) right = 5;
		for (let vert = 0; vert < size; vert++) {
			for (let j = 0; j < 2; j++) {
				const x = right - j;
				const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
				const index = y * size + x;
				if (isFunction[index]) continue;
				// Every data module starts light and gets the mask; data bits are XORed in later.
				dark[index] = inverts(x, y) ? 1 : 0;
				if (filled < bits) {
					order[filled] = index;
					flip[filled] = dark[index]!;
					filled++;
				}
			}
		}
	}
	const result = { size, base: dark, order, flip };
	templates.set(key, result);
	return result;
}

const alphanumericCharset = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const utf8 = new TextEncoder();

/** A bit buffer, most significant bit first. */
class Bits {
	bytes = new Uint8Array(64);
	length = 0;
	append(value: number, count: number) {
		if (this.length + count > this.bytes.length * 8) {
			const bigger = new Uint8Array(this.bytes.length * 2 + Math.ceil(count / 8));
			bigger.set(this.bytes);
			this.bytes = bigger;
		}
		for (let i = count - 1; i >= 0; i--, this.length++) {
			if ((value >>> i) & 1) this.bytes[this.length >>> 3]! |= 0x80 >>> (this.length & 7);
		}
	}
}

/** One segment: mode indicator, character count and its width per version class, payload bits. */
function segment(text: string): { mode: number; count: number; countBits: [number, number, number]; bits: Bits } | undefined {
	if (text === '') return undefined;
	const bits = new Bits();
	if (/^\d*$/.test(text)) {
		for (let i = 0; i < text.length; i += 3) {
			const digits = text.substring(i, i + 3);
			bits.append(Number.parseInt(digits, 10), digits.length * 3 + 1);
		}
		return { mode: 1, count: text.length, countBits: [10, 12, 14], bits };
	}
	if (/^[A-Z0-9 $%*+./:-]*$/.test(text)) {
		let i = 0;
		for (; i + 2 <= text.length; i += 2) bits.append(alphanumericCharset.indexOf(text[i]!) * 45 + alphanumericCharset.indexOf(text[i + 1]!), 11);
		if (i < text.length) bits.append(alphanumericCharset.indexOf(text[i]!), 6);
		return { mode: 2, count: text.length, countBits: [9, 11, 13], bits };
	}
	const bytes = utf8.encode(text);
	for (const byte of bytes) bits.append(byte, 8);
	return { mode: 4, count: bytes.length, countBits: [8, 16, 16], bits };
}

/** The QR matrix of a text, with a light border of `border` modules around it (true is dark). */
export function qrMatrix(text: string, { ecc = 'M', mask = qrMask, border = 2 }: { ecc?: Ecc; mask?: number; border?: number } = {}): boolean[][] {
	const level = eccLevels[ecc].row;
	const seg = segment(text);
	const countBits = (version: number) => (seg ? seg.countBits[Math.floor((version + 7) / 17)]! : 0);
	let version = 1;
	for (; ; version++) {
		if (version > 40) throw new RangeError('Data too long');
		const width = countBits(version);
		if (seg && seg.count >= 2 ** width) continue;
		if ((seg ? 4 + width + seg.bits.length : 0) <= dataCodewords(version, level) * 8) break;
	}
	// Bit stream: segment, terminator, padding to a byte, then alternating pad bytes.
	const capacity = dataCodewords(version, level) * 8;
	const stream = new Bits();
	if (seg) {
		stream.append(seg.mode, 4);
		stream.append(seg.count, countBits(version));
		const whole = seg.bits.length >>> 3;
		for (let i = 0; i < whole; i++) stream.append(seg.bits.bytes[i]!, 8);
		const rest = seg.bits.length & 7;
		if (rest) stream.append(seg.bits.bytes[whole]! >>> (8 - rest), rest);
	}
	stream.append(0, Math.min(4, capacity - stream.length));
	stream.append(0, (8 - (stream.length % 8)) % 8);
	for (let pad = 0xec; stream.length < capacity; pad ^= 0xec ^ 0x11) stream.append(pad, 8);
	const data = stream.bytes.subarray(0, capacity / 8);

	// Error correction per block, then the blocks interleaved.
	const blocks = errorCorrectionBlocks[level]![version]!;
	const eccLength = eccCodewordsPerBlock[level]![version]!;
	const raw = Math.floor(rawDataModules(version) / 8);
	const shortBlocks = blocks - (raw % blocks);
	const shortLength = Math.floor(raw / blocks);
	const div = divisor(eccLength);
	const all: Uint8Array[] = [];
	for (let i = 0, k = 0; i < blocks; i++) {
		const length = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
		const block = new Uint8Array(shortLength + 1);
		const dat = data.subarray(k, k + length);
		k += length;
		// A short block gets a placeholder byte after its data, skipped when interleaving.
		const dataLength = shortLength - eccLength + 1;
		block.set(dat, 0);
		block.set(remainder(dat, div), dataLength);
		all.push(block);
	}
	const codewords = new Uint8Array(raw);
	let n = 0;
	for (let i = 0; i <= shortLength; i++) {
		for (let j = 0; j < blocks; j++) {
			if (i !== shortLength - eccLength || j >= shortBlocks) codewords[n++] = all[j]![i]!;
		}
	}

	const { size, base, order, flip } = template(version, ecc, mask);
	const modules = base.slice();
	for (let i = 0; i < order.length; i++) modules[order[i]!] = flip[i]! ^ ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1);
	const full = size + border * 2;
	const light = () => new Array<boolean>(full).fill(false);
	const rows: boolean[][] = [];
	for (let i = 0; i < border; i++) rows.push(light());
	for (let y = 0; y < size; y++) {
		const row = light();
		for (let x = 0; x < size; x++) row[border + x] = modules[y * size + x] === 1;
		rows.push(row);
	}
	for (let i = 0; i < border; i++) rows.push(light());
	return rows;
}
