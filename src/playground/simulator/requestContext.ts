/**
 * The request context and its queue: proxies queue commands; `sync()` sizes the request against the budget,
 * applies the commands in order, and rejects like Excel when one fails (earlier commands stay applied, the
 * failing one and the rest do not, and no loaded value of the batch is delivered).
 */
import { ErrorCodes, SimulatorError } from "./errors";
import { requestBytes } from "./requestBudget";
import type { WorkbookModel } from "./workbookModel";

/** One queued command. `apply` changes the model; what it returns runs only if the whole batch succeeds. */
export interface Command {
  /** Where an error is reported, as Excel's debugInfo.errorLocation ("Range.values", "WorksheetCollection.getItem"). */
  readonly location: string;
  /** What the command sends to Excel, for the request-size estimate. */
  readonly payload: () => unknown;
  readonly apply: () => void | (() => void);
}

export interface RequestLogEntry {
  readonly bytes: number;
  readonly ok: boolean;
}

export class SimRequestContext {
  private queue: Command[] = [];
  /** Stands in for Excel.RequestContext.workbook; set by the simulator right after construction. */
  workbook: unknown;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly debugInfo = {};

  constructor(
    readonly model: WorkbookModel,
    private readonly budgetBytes: number,
    private readonly log: RequestLogEntry[],
  ) {}

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  get hasPendingCommands(): boolean {
    return this.queue.length > 0;
  }

  /** Sends the queued commands (as Excel's `context.sync`), resolving to `passThroughValue`. */
  sync = async <T>(passThroughValue?: T): Promise<T> => {
    const commands = this.queue;
    this.queue = [];
    const bytes = requestBytes(commands.map((c) => ({ location: c.location, payload: c.payload() })));
    await Promise.resolve(); // a round trip is always asynchronous
    if (bytes > this.budgetBytes) {
      this.log.push({ bytes, ok: false });
      throw new SimulatorError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        `The request payload size has exceeded the limit (${bytes} bytes > ${this.budgetBytes}).`,
        commands[0]?.location,
      );
    }
    const commits: (() => void)[] = [];
    let failure: SimulatorError | null = null;
    for (const command of commands) {
      try {
        const commit = command.apply();
        if (commit) commits.push(commit);
      } catch (error) {
        if (!(error instanceof SimulatorError)) throw error; // a bug in the simulator, not an Excel error
        failure = error.at(command.location);
        break;
      }
    }
    if (failure === null) for (const commit of commits) commit();
    this.model.flush();
    this.log.push({ bytes, ok: failure === null });
    if (failure !== null) throw failure;
    return passThroughValue as T;
  };
}
