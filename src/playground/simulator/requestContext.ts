/**
 * The request context and its queue: proxies queue commands; `sync()` sizes the request against the budget,
 * applies the commands in order, and rejects like Excel when one fails (earlier commands stay applied, the
 * failing one and the rest do not, and no loaded value of the batch is delivered). A sync with nothing queued
 * sends no request, as office.js resolves it without a round trip. Each request gives the event loop a turn
 * before and after it is applied (see hostTurn.ts), as the page keeps running while Excel works.
 */
import { ErrorCodes, SimulatorError } from "./errors";
import { nextHostTurn } from "./hostTurn";
import { requestBytes } from "./requestBudget";
import type { WorkbookModel } from "./workbookModel";

/** One queued command. `apply` changes the model; what it returns runs only if the whole batch succeeds. */
export interface Command {
  /** Where an error is reported, as Excel's debugInfo.errorLocation ("Range.values", "WorksheetCollection.getItem"). */
  readonly location: string;
  /** What the command sends to Excel, for the request-size estimate. */
  readonly payload: () => unknown;
  readonly apply: () => void | (() => void);
  /** Work Excel does on its side before applying the request (reading an inserted file), awaited before `apply`. */
  readonly prepare?: () => Promise<void>;
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
    await this.send(null);
    return passThroughValue as T;
  };

  /**
   * Test support (fault injection): sends the queued commands as a request the host refuses before applying any of
   * them, as Excel does when a request's first command fails (a protected sheet, cell-editing mode). Nothing is
   * applied or loaded, the request is logged as failed, and the promise rejects with `error`.
   */
  refuseRequest = async (error: SimulatorError): Promise<never> => {
    await this.send(error);
    throw error; // send rejects with the refusal; this line only satisfies the type
  };

  private async send(refusal: SimulatorError | null): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    if (commands.length === 0 && refusal === null) return; // nothing to send: office.js makes no round trip
    const bytes = requestBytes(commands.map((c) => ({ location: c.location, payload: c.payload() })));
    await nextHostTurn(); // the request travels to Excel; the page runs meanwhile
    if (refusal === null) await Promise.all(commands.map((command) => command.prepare?.()));
    const failure = refusal ?? (bytes > this.budgetBytes ? this.oversized(bytes, commands[0]) : this.apply(commands));
    this.log.push({ bytes, ok: failure === null });
    await nextHostTurn(); // the response travels back
    if (failure !== null) throw failure;
  }

  private oversized(bytes: number, first: Command | undefined): SimulatorError {
    return new SimulatorError(
      ErrorCodes.requestPayloadSizeLimitExceeded,
      `The request payload size has exceeded the limit (${bytes} bytes > ${this.budgetBytes}).`,
      first?.location,
    );
  }

  /** Applies the commands in order up to the first failure; loads are delivered only if none failed. */
  private apply(commands: readonly Command[]): SimulatorError | null {
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
    return failure;
  }
}
