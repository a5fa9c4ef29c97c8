// Draws the add-in icons (a green rounded square with a white "$") and writes assets/icon-<size>.png.
// Node only: a tiny PNG encoder over zlib, so no image tool or package is needed. Run: node scripts/make-icons.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Buffer } = require("buffer");

/** Sizes the manifest uses: ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64. */
const SIZES = [16, 32, 64, 80];

// The design lives on a 16-unit grid so that every stroke lands on whole pixels at 16, 32, 64 and 80 px.
const GRID = 16;
const CORNER_RADIUS = 3;
const BACKGROUND = [16, 124, 65]; // Office green, so the button reads as belonging to Excel.
const GLYPH = [255, 255, 255];

/** The "$": an S of three bars and two half-height uprights, crossed by a vertical stroke. [x0, y0, x1, y1]. */
const GLYPH_RECTS = [
  [3, 3, 13, 5], // top bar
  [3, 3, 5, 9], // upper-left upright
  [3, 7, 13, 9], // middle bar
  [11, 7, 13, 13], // lower-right upright
  [3, 11, 13, 13], // bottom bar
  [7, 1, 9, 15], // the stroke through the S
];

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), GRID - r);
  const cy = Math.min(Math.max(y, r), GRID - r);
  return x >= 0 && y >= 0 && x <= GRID && y <= GRID && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideGlyph(x, y) {
  return GLYPH_RECTS.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1);
}

/** RGBA pixels of one icon, anti-aliased by 8 x 8 supersampling. */
function render(size) {
  const samples = 8;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let shape = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * GRID) / size;
          const y = ((py + (sy + 0.5) / samples) * GRID) / size;
          if (!insideRoundedSquare(x, y)) continue;
          shape++;
          if (insideGlyph(x, y)) glyph++;
        }
      }
      const offset = (py * size + px) * 4;
      const glyphShare = shape === 0 ? 0 : glyph / shape;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(BACKGROUND[c] * (1 - glyphShare) + GLYPH[c] * glyphShare);
      }
      pixels[offset + 3] = Math.round((255 * shape) / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file (8-bit RGBA, no interlace, filter 0 on every row) from RGBA pixels. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filters, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const assets = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = path.join(assets, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
