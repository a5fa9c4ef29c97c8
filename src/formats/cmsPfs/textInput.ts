/**
 * What every file reader of this folder and of the payer schedule import needs before it parses: the bytes told
 * apart from other file types and decoded, and the text rules a cell is held to (control characters, formula-looking
 * text). Declared once here; the payer schedule import builds on these CMS basics.
 */

/** The text encodings a CSV/TSV/TXT file is read in. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** The text of a file and how it was decoded. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** The kinds of file that are not delimited text; each reader says what to do about each in its own words. */
export type NotTextKind = "pdf" | "xlsx" | "xls" | "gzip" | "image" | "rtf" | "binary" | "json" | "xml";

/** Why some bytes are not a text file: what kind of file they are, described for people. */
export interface NotText {
  readonly kind: NotTextKind;
  readonly detected: string;
}

/** Files that are not delimited text, by their first bytes. */
const SIGNATURES: readonly (NotText & { readonly bytes: readonly number[] })[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: "pdf", detected: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "xlsx", detected: "an Excel workbook (.xlsx) or a ZIP archive" },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    kind: "xls",
    detected: "an old-format Excel workbook (.xls)",
  },
  { bytes: [0x1f, 0x8b], kind: "gzip", detected: "a GZIP archive" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: "image", detected: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], kind: "image", detected: "a JPEG image" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: "rtf", detected: "a rich-text (RTF) document" },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);

/** How much of a text the binary check samples: enough to tell, small enough to be instant. */
const SAMPLE_CHARACTERS = 65536;

/**
 * Whether decoded text is binary data rather than text with a stray NUL: NULs are over 1% of the sample (and more
 * than a handful). A text file with one damaged cell still reads, so that the cell is reported by row and column.
 */
function isBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const nuls = sample.split("\u0000").length - 1;
  return nuls > 8 && nuls * 100 > sample.length;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  try {
    // UTF-8 first, with or without its byte-order mark: the export of every current tool.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Excel's "Unicode Text" is UTF-16 with a byte-order mark; anything else is Excel-for-Windows "CSV" (ANSI).
    if (startsWith(bytes, [0xff, 0xfe]))
      return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
    if (startsWith(bytes, [0xfe, 0xff]))
      return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** Text signatures of files that are not delimited text, for text a browser already decoded (FileReader.readAsText). */
const TEXT_SIGNATURES: readonly (NotText & { readonly start: string })[] = [
  { start: "%PDF", kind: "pdf", detected: "a PDF document" },
  { start: "PK\u0003\u0004", kind: "xlsx", detected: "an Excel workbook (.xlsx) or a ZIP archive" },
  { start: "{\\rtf", kind: "rtf", detected: "a rich-text (RTF) document" },
];

/**
 * What a decoded text is when it is not delimited text: a PDF, a workbook or RTF read as text, binary data, JSON or
 * XML; null for text.
 */
export function sniffText(text: string): NotText | null {
  const signature = TEXT_SIGNATURES.find((s) => text.startsWith(s.start));
  if (signature !== undefined) return { kind: signature.kind, detected: signature.detected };
  if (isBinary(text)) return { kind: "binary", detected: "a binary file" };
  const start = text.trimStart();
  if (/^[[{]/.test(start)) return { kind: "json", detected: "a JSON file" };
  if (/^<(\?xml|!doctype|html)/i.test(start)) return { kind: "xml", detected: "an XML or HTML file" };
  return null;
}

/**
 * Turns a file's bytes into text, or says what else the file is: a PDF, a workbook, an archive, an image, binary
 * data, JSON or XML. Encodings are tried in order: UTF-8 (with or without a byte-order mark), UTF-16 by its
 * byte-order mark, then Windows-1252, which decodes any byte. The byte-order mark is not part of the text.
 * @example decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) // { ok: true, value: { text: "A", encoding: "utf-8" } }
 */
export function decodeFileBytes(bytes: Uint8Array): { ok: true; value: DecodedText } | { ok: false; issue: NotText } {
  for (const signature of SIGNATURES)
    if (startsWith(bytes, signature.bytes))
      return { ok: false, issue: { kind: signature.kind, detected: signature.detected } };
  const decoded = decodeBytes(bytes);
  const text = decoded.text.replace(/^\uFEFF/, "");
  const notText = sniffText(text);
  return notText === null ? { ok: true, value: { text, encoding: decoded.encoding } } : { ok: false, issue: notText };
}

/**
 * Control characters no CSV cell of a fee schedule holds: C0 controls other than tab, line feed and carriage return
 * (which are layout), and DEL. A NUL is the usual sign of a damaged download or a binary file pasted into text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether a cell's text holds a control character (see {@link CONTROL_CHARACTER}). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** Text with its control characters removed: the name a user sees in a cell that holds a pasted NUL. */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTER.source, "g"), "");
}

/** The first control character of a text as "U+0000", for messages. */
export function firstControlCharacter(text: string): string {
  const found = CONTROL_CHARACTER.exec(text)?.[0] ?? "";
  return `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Text with its control characters made visible as Unicode control pictures ("A\u0000B" -> "A␀B"), so a message can
 * quote a cell without carrying the character itself into the task pane or the workbook.
 */
export function showControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTER.source, "g"), (c) =>
    c === "\u007f" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0)),
  );
}

/**
 * Text that a spreadsheet would run as a formula if written as is: it starts with =, +, - or @ (or a tab or carriage
 * return, which some programs strip first). OWASP "CSV injection". Plain signed numbers ("-5", "+1.50") are not text.
 * @example looksLikeFormula('=HYPERLINK("http://x", "SAN FRANCISCO")') // true
 */
export function looksLikeFormula(value: unknown): value is string {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) && !/^[+-]?[\d\s.,$]*\d[\d\s.,]*$/.test(value);
}
