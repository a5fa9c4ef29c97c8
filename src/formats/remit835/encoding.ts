// The bytes of an 835 as text. X12 is meant to be ASCII, but payer and patient names arrive in UTF-8 ("SANTÉ") or,
// from older Windows systems, in Windows-1252; decoding UTF-8 as Windows-1252 would turn "É" into "Ã‰" (mojibake).

/** How the bytes of a file were decoded (WHATWG encoding labels). */
export type TextEncoding = "utf-8" | "windows-1252";

/**
 * UTF-8 when the bytes are valid UTF-8 (plain ASCII is), else Windows-1252, which maps every byte to a character so
 * nothing is lost; a UTF-8 byte-order mark is dropped.
 * @example decode835Bytes(new Uint8Array([0x53, 0xc3, 0x89])) // { text: "SÉ", encoding: "utf-8" }
 */
export function decode835Bytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

/** Whether the bytes start like a PDF ("%PDF"), which is refused before any decoding. */
export function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}
