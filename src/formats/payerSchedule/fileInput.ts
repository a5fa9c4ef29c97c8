import { fail, ok, type Result } from "../../engine";
import { decodeFileBytes, type DecodedText, type NotTextKind } from "../cmsPfs/textInput";
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
export type { DecodedText } from "../cmsPfs/textInput";

/** What to tell a user who chose a file that is not delimited text, by kind of file. */
const NOT_TEXT_ADVICE = {
  pdf: "Ask the payer for the schedule as Excel or CSV.",
  xlsx: "Open a workbook in Excel and use 'From the workbook' with the schedule selected; unzip an archive first.",
  xls: "Open it in Excel and save it as .xlsx or CSV.",
  gzip: "Unzip it first.",
  image: "Ask the payer for the schedule as Excel or CSV.",
  rtf: "Save it as CSV.",
  binary: "Choose the CSV, TSV or text export of the fee schedule.",
  json: "Price-transparency JSON files are not fee schedules: use their CSV form or a payer's schedule.",
  xml: "Open it in Excel and save it as .xlsx or CSV.",
} as const satisfies Record<NotTextKind, string>;

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
 * text at all (PDF, XLSX/ZIP, XLS, images, JSON or XML). Encodings are tried in order: UTF-8 with or without a
 * byte-order mark (the norm), UTF-16 by its byte-order mark (Excel's "Unicode Text"), then Windows-1252, the
 * encoding Excel on Windows uses for "CSV" (the caller reports that as info).
 */
export function decodeScheduleFile(
  file: ScheduleFile,
  limitBytes = PAYER_SCHEDULE_MAX_BYTES,
): Result<DecodedText, PayerScheduleIssue> {
  const { bytes, name } = file;
  const size = checkScheduleFileSize(bytes.byteLength, limitBytes);
  if (!size.ok) return size;
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok)
    return fail({
      code: "fileNotText",
      fileName: name,
      detected: decoded.issue.detected,
      advice: NOT_TEXT_ADVICE[decoded.issue.kind],
    });
  if (decoded.value.text.trim() === "") return fail({ code: "fileEmpty", fileKind: PAYER_SCHEDULE_FILE_KIND });
  return ok(decoded.value);
}
