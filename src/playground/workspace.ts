/**
 * The workbook the playground works on, and its replacement by a user's .xlsx file (issue 18 item 1). Opening builds
 * the whole new simulator before anything changes, so a refused or failed open leaves the workbook on screen as it
 * was; only then is it installed as the page's `Excel` and the registry cache restarted on it. exceljs is loaded
 * the first time a file is opened or saved, so the playground starts as fast as before.
 */
import { WorkbookSimulator, type SimulatorOptions, type WorkbookSnapshot } from "./simulator";

/** What the page does with a workbook once it is the one to show: install it as `Excel`, restart the functions. */
export type InstallWorkbook = (simulator: WorkbookSimulator) => Promise<void>;

/** The outcome of Open or Save, as the title bar says it. */
export interface FileOutcome {
  readonly ok: boolean;
  readonly message: string;
}

/** A saved file to hand to the browser's download. */
export interface SavedFile {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** The largest .xlsx the page opens: exceljs holds the whole file and its cells in memory. */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export class PlaygroundWorkspace {
  private current: WorkbookSimulator;
  private name: string;

  constructor(
    initial: WorkbookSnapshot,
    private readonly options: SimulatorOptions,
    private readonly install: InstallWorkbook,
    fileName = "Playground workbook.xlsx",
  ) {
    this.current = new WorkbookSimulator(initial, options);
    this.name = fileName;
  }

  get simulator(): WorkbookSimulator {
    return this.current;
  }

  /** Makes the initial workbook the page's. */
  start(): Promise<void> {
    return this.install(this.current);
  }

  /** Opens a user's .xlsx in place of the workbook, or says why not and keeps the workbook as it is. */
  async open(fileName: string, bytes: Uint8Array): Promise<FileOutcome> {
    if (bytes.byteLength > MAX_OPEN_BYTES)
      return { ok: false, message: `"${fileName}" is ${megabytes(bytes.byteLength)}: the playground opens files up to ${megabytes(MAX_OPEN_BYTES)}.` }; // prettier-ignore
    const { describeNotLoaded, describeXlsxOpenIssue, openXlsx } = await import("./xlsx");
    const opened = await openXlsx(bytes, fileName);
    if (!opened.ok) return { ok: false, message: describeXlsxOpenIssue(opened.issue) };
    let simulator: WorkbookSimulator;
    try {
      simulator = new WorkbookSimulator(opened.value.snapshot, this.options);
    } catch (error) {
      // The snapshot is built from the file: what the simulator refuses in it is the file's, said as such.
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `"${fileName}" could not be loaded (${reason}); the workbook was not changed.` };
    }
    try {
      await this.install(simulator);
    } catch (error) {
      await this.install(this.current);
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `"${fileName}" could not be loaded (${reason}); the workbook was not changed.` };
    }
    this.current = simulator;
    this.name = fileName;
    const sheets = simulator.sheetNames().length;
    const tables = simulator.tables().length;
    const kept = `Opened "${fileName}": ${sheets} sheet${sheets === 1 ? "" : "s"}, ${tables} table${tables === 1 ? "" : "s"}.`;
    return { ok: true, message: [kept, describeNotLoaded(opened.value.notLoaded)].filter((t) => t !== "").join(" ") };
  }

  /** The workbook as .xlsx bytes under the name it was opened with, and what the file does not hold. */
  async save(): Promise<{ readonly file: SavedFile; readonly outcome: FileOutcome }> {
    const { describeNotSaved, saveXlsx } = await import("./xlsx");
    const saved = await saveXlsx(this.current);
    const message = [`Saved "${this.name}".`, describeNotSaved(saved.notSaved)].filter((t) => t !== "").join(" ");
    return { file: { name: this.name, bytes: saved.bytes }, outcome: { ok: true, message } };
  }
}
