import { fail, ok, type Result } from "../../engine";
import type { PayerScheduleIssue } from "./issues";

/**
 * The largest schedule file read, 25 MB: a payer's full professional schedule is about 10,000 codes (under 2 MB);
 * past this size it is a price-transparency dump or the wrong file, and the browser would hold it several times over.
 */
export const PAYER_SCHEDULE_MAX_BYTES = 25 * 1024 * 1024;

/** What the file kind of a payer schedule import is called in messages. */
export const PAYER_SCHEDULE_FILE_KIND = "payer fee schedule";

/** A file as the task pane has it: its name (for messages) and its bytes. */
export interface ScheduleFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The text of a file and how it was decoded. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

/** Files that are not delimited text, by their first bytes, with what to tell the user instead. */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly detected: string; readonly advice: string }[] =
  [
    {
      bytes: [0x25, 0x50, 0x44, 0x46],
      detected: "a PDF document",
      advice: "Ask the payer for the schedule as Excel or CSV.",
    },
    {
      bytes: [0x50, 0x4b, 0x03, 0x04],
      detected: "an Excel workbook (.xlsx) or a ZIP archive",
      advice: "Import a workbook with the workbook option, or unzip the archive first.",
    },
    {
      bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      detected: "an old-format Excel workbook (.xls)",
      advice: "Open it in Excel and save it as .xlsx or CSV.",
    },
    { bytes: [0x1f, 0x8b], detected: "a GZIP archive", advice: "Unzip it first." },
    {
      bytes: [0x89, 0x50, 0x4e, 0x47],
      detected: "a PNG image",
      advice: "Ask the payer for the schedule as Excel or CSV.",
    },
    { bytes: [0xff, 0xd8, 0xff], detected: "a JPEG image", advice: "Ask the payer for the schedule as Excel or CSV." },
    { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], detected: "a rich-text (RTF) document", advice: "Save it as CSV." },
  ];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);

/**
 * Refuses a file by its size alone, before it is read: call with `File.size` so a huge file is never loaded.
 * @example checkScheduleFileSize(30 * 1024 * 1024) // fails: "The file is 30 MB; the limit is 25 MB. ..."
 */
export function checkScheduleFileSize(
  sizeBytes: number,
  limitBytes = PAYER_SCHEDULE_MAX_BYTES,
): Result<number, PayerScheduleIssue> {
  return sizeBytes > limitBytes ? fail({ code: "fileTooLarge", sizeBytes, limitBytes }) : ok(sizeBytes);
}

/**
 * Turns the bytes of a CSV/TSV/TXT file into text, or refuses it with a reason: over the size limit, empty, or not
 * text at all (PDF, XLSX/ZIP, XLS, images, JSON or XML). UTF-8 with or without a byte-order mark is the norm;
 * UTF-16 with a byte-order mark is Excel's "Unicode Text" export; anything else that is not valid UTF-8 is read as
 * Windows-1252, the encoding Excel on Windows uses for "CSV" (the caller reports that as info).
 */
export function decodeScheduleFile(
  file: ScheduleFile,
  limitBytes = PAYER_SCHEDULE_MAX_BYTES,
): Result<DecodedText, PayerScheduleIssue> {
  const { bytes, name } = file;
  const size = checkScheduleFileSize(bytes.byteLength, limitBytes);
  if (!size.ok) return size;
  for (const signature of SIGNATURES)
    if (startsWith(bytes, signature.bytes))
      return fail({ code: "fileNotText", fileName: name, detected: signature.detected, advice: signature.advice });
  const decoded = decodeText(bytes);
  if (decoded === null)
    return fail({
      code: "fileNotText",
      fileName: name,
      detected: "a binary file",
      advice: "Choose the CSV, TSV or text export of the fee schedule.",
    });
  const start = decoded.text.replace(/^\uFEFF/, "").trimStart();
  if (start === "") return fail({ code: "fileEmpty", fileKind: PAYER_SCHEDULE_FILE_KIND });
  if (/^[[{]/.test(start))
    return fail({
      code: "fileNotText",
      fileName: name,
      detected: "a JSON file",
      advice: "Price-transparency JSON files are not fee schedules: use their CSV form or a payer's schedule.",
    });
  if (/^<(\?xml|!doctype|html)/i.test(start))
    return fail({
      code: "fileNotText",
      fileName: name,
      detected: "an XML or HTML file",
      advice: "Open it in Excel and save it as .xlsx or CSV.",
    });
  return ok(decoded);
}

function decodeText(bytes: Uint8Array): DecodedText | null {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  // Text files never hold NUL bytes; looking at the first 64 KB is enough to tell.
  if (bytes.subarray(0, 65536).includes(0)) return null;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
