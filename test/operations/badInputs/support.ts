/**
 * Shared set-up of the bad-input catalogue (issue 10, item 5): the sample workbook the playground opens, files as
 * the browser hands them to the task pane (real ones from test/fixtures and ../shared/data, cut or altered copies,
 * files too large to read, files that can no longer be read), and the difference between two descriptions of a
 * workbook, listed so that "unchanged" (or "unchanged apart from the typed cell") reads as a list in a test.
 */
import { readFileSync } from "fs";
import path from "path";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import type {
  SheetDescription,
  WorkbookDescription,
  WorkbookSimulator,
  WorkbookSnapshot,
} from "../../../src/playground/simulator";
import { SHARED_DATA } from "../../support/sharedData";

let sample: WorkbookSnapshot | null = null;

/** The playground's sample workbook (registry, contracts, a fee schedule, a Medicare schedule, 2,868 claim lines). */
export function sampleWorkbook(): WorkbookSnapshot {
  sample ??= buildSampleWorkbook();
  return sample;
}

/** The bytes of a committed fixture, e.g. `fixture("x12-835", "error.empty-file.835")`. */
export function fixture(folder: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.resolve(__dirname, "../../fixtures", folder, name)));
}

/** The bytes of a file of ../shared/data (only inside `describeWithSharedData`). */
export function sharedFile(relativePath: string): Uint8Array {
  if (SHARED_DATA === null) throw new Error("shared data folder not found");
  return new Uint8Array(readFileSync(path.join(SHARED_DATA, relativePath)));
}

/** Text as the UTF-8 bytes of a file. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes as UTF-8 text. */
export const textOf = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** A file as `<input type="file">` gives it to the pane. */
export function chosenFile(name: string, content: string | Uint8Array): File {
  return new File([new Uint8Array(typeof content === "string" ? utf8(content) : content)], name);
}

/** The first `share` (0-1) of a file's bytes: a download or a copy that stopped part way. */
export function cut(bytes: Uint8Array, share: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.byteLength * share));
}

/**
 * A file of `sizeBytes` as the browser describes it before reading. Reading it throws: a file refused by its size
 * must never be read (a 150 MB file would be held in memory several times over).
 */
export function hugeFile(name: string, sizeBytes: number): File {
  const file = {
    name,
    size: sizeBytes,
    arrayBuffer: () => {
      throw new Error(`${name} was read although its size alone refuses it`);
    },
  };
  return file as unknown as File;
}

/** What Chrome's FileReader says of a file moved, deleted or locked after the user chose it. */
export const NOT_READABLE =
  "The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.";

/** A file chosen, then moved away before the pane read it (the browser's NotReadableError). */
export function vanishedFile(name: string, sizeBytes = 4_096): File {
  const file = { name, size: sizeBytes, arrayBuffer: () => Promise.reject(new Error(NOT_READABLE)) };
  return file as unknown as File;
}

/**
 * The browser's FileReader over `Blob.arrayBuffer()`, for node (jsdom and browsers have their own): the pane's
 * readers use FileReader, and it is the browser's part, not the add-in's.
 */
export function installFileReader(): void {
  class NodeFileReader {
    result: ArrayBuffer | null = null;
    error: Error | null = null;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      void Promise.resolve()
        .then(() => blob.arrayBuffer())
        .then(
          (buffer) => {
            this.result = buffer;
            this.onload?.();
          },
          (error: unknown) => {
            this.error = error instanceof Error ? error : new Error(String(error));
            this.onerror?.();
          },
        );
    }
  }
  (globalThis as { FileReader?: unknown }).FileReader = NodeFileReader;
}

/** The workbook as the simulator describes it, once every change event has been handled. */
export async function described(simulator: WorkbookSimulator): Promise<WorkbookDescription> {
  await simulator.whenIdle();
  return simulator.describe();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sheetChanges(name: string, before: SheetDescription, after: SheetDescription): string[] {
  const changes: string[] = [];
  if (before.visibility !== after.visibility) changes.push(`sheet "${name}" visibility`);
  for (const part of ["conditionalFormats", "charts", "rangeFormats"] as const)
    if (!same(before[part], after[part])) changes.push(`sheet "${name}" ${part}`);
  if (same(before.cells, after.cells)) return changes;
  const addresses = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
  for (const address of addresses)
    if (!same(before.cells[address], after.cells[address])) changes.push(`${name}!${address}`);
  return changes;
}

/**
 * What differs between two descriptions of a workbook: each cell by place ("Contracts!F3", value, formula or
 * number format), each sheet added or deleted, and "tables", "names", "settings", "active sheet", "sheet order".
 * An empty list: a user could not tell the two workbooks apart.
 */
export function workbookChanges(before: WorkbookDescription, after: WorkbookDescription): string[] {
  const changes: string[] = [];
  const afterSheets = new Map(after.sheets.map((sheet) => [sheet.name, sheet]));
  for (const sheet of before.sheets) {
    const now = afterSheets.get(sheet.name);
    if (now === undefined) changes.push(`sheet "${sheet.name}" deleted`);
    else changes.push(...sheetChanges(sheet.name, sheet, now));
  }
  const names = new Set(before.sheets.map((sheet) => sheet.name));
  for (const sheet of after.sheets) if (!names.has(sheet.name)) changes.push(`sheet "${sheet.name}" added`);
  if (
    !same(
      before.sheets.map((s) => s.name),
      after.sheets.map((s) => s.name),
    ) &&
    changes.length === 0
  )
    changes.push("sheet order");
  if (before.activeSheet !== after.activeSheet) changes.push("active sheet");
  for (const part of ["tables", "names", "settings"] as const) if (!same(before[part], after[part])) changes.push(part);
  return changes;
}
