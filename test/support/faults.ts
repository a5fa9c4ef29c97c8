/**
 * Fault injection for the specifications of all-or-nothing operations (issue 10, item 5): the simulator's Excel with
 * one fault at one request, a gateway that counts a clean run's requests, and the matrix of every (request, fault)
 * case of an operation.
 *
 * A request is what office.js sends to Excel: a `context.sync()` (or the end of `Excel.run`) with commands queued;
 * a sync with nothing queued sends nothing and is not counted. Requests are numbered from 1 over all the batches
 * run through one gateway. Each gateway injects its fault once.
 *
 * `it.each` needs its cases when the test file loads, before any test runs, so a file pins the request count of a
 * clean run and checks it in a test of its own:
 *
 *   const REQUESTS = 4;
 *   it("writes the schedule in 4 requests", async () =>
 *     expect(await countRequests(aWorkbook, importSchedule)).toBe(REQUESTS));
 *   it.each(faultCases(REQUESTS))("ends as before, or as a clean run if it says so, when $title", async (fault) => {
 *     const clean = await runCleanly(aWorkbook, importSchedule);
 *     const run = await runWithFault(aWorkbook, importSchedule, fault);
 *     expect(run.after).toEqual(run.outcome.ok ? clean.after : run.before);
 *   });
 *
 * A Cancel just before the last request may come too late to stop the operation: then it succeeds, and says so.
 * `faultMatrix` counts and lists the cases in one call, for a test that loops over them itself.
 */
import type { ExcelGateway } from "../../src/excel/core/excelGateway";
import {
  ErrorCodes,
  SimulatorError,
  type SimRequestContext,
  type WorkbookDescription,
  type WorkbookSimulator,
} from "../../src/playground/simulator";

/** The three ways a request goes wrong for an operation. */
export type FaultMode = "refused" | "failsAfterApplying" | "cancelled";

/** One fault at one request (numbered from 1 over all batches). */
export interface Fault {
  readonly request: number;
  readonly mode: FaultMode;
}

/** A fault with its title for a test name ("request 2 refused before any of it was applied"). */
export interface FaultCase extends Fault {
  readonly title: string;
}

/** What an operation reports; `message` is what the user reads. */
export interface OperationOutcome {
  readonly ok: boolean;
  readonly message: string;
}

/** An operation under test: it runs its batches through `excel` and stops when `signal` is aborted. */
export type Operation = (excel: ExcelGateway, signal: AbortSignal) => Promise<OperationOutcome>;

/** What each mode does, and how a test names it. */
const MODES = {
  refused: {
    title: (request: number) => `request ${request} is refused before any of it is applied`,
  },
  failsAfterApplying: {
    title: (request: number) => `request ${request} applies all its commands, then fails`,
  },
  cancelled: {
    title: (request: number) => `Cancel is pressed just before request ${request}`,
  },
} as const satisfies Record<FaultMode, { title: (request: number) => string }>;

/** Every mode, in the order the matrix lists them. */
export const FAULT_MODES = Object.keys(MODES) as FaultMode[];

/** The error Excel gives for a request it refuses as a whole: the user is typing in a cell. */
export const REFUSED = new SimulatorError(
  ErrorCodes.invalidOperationInCellEditMode,
  "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, " +
    "and then try again.",
);

/** The error of the command that fails at the end of a request whose other commands were all applied. */
export const FAILED_AFTER_APPLYING = new SimulatorError(ErrorCodes.generalException, "An internal error has occurred.");

/**
 * The simulator's Excel, calling `onRequest(number, context)` as each request begins. It returns null to send the
 * request, or a promise that stands for the request's outcome (a refusal).
 */
function excelAroundRequests(
  simulator: WorkbookSimulator,
  onRequest: (request: number, context: SimRequestContext) => Promise<never> | null,
): ExcelGateway {
  let requests = 0;
  return {
    run: (batch) =>
      simulator.excel.run((excelContext: Excel.RequestContext) => {
        const context = excelContext as unknown as SimRequestContext;
        const send = context.sync;
        context.sync = <T>(value?: T): Promise<T> => {
          if (!context.hasPendingCommands) return send(value);
          requests += 1;
          return onRequest(requests, context) ?? send(value);
        };
        return batch(excelContext);
      }),
  };
}

/** A gateway that only counts the requests sent through it. */
export interface CountingExcel extends ExcelGateway {
  readonly requests: number;
}

/** The simulator's Excel, counting requests (a sync with commands queued); it injects nothing. */
export function countingExcel(simulator: WorkbookSimulator): CountingExcel {
  let requests = 0;
  const excel = excelAroundRequests(simulator, (request) => {
    requests = request;
    return null;
  });
  return {
    run: (batch) => excel.run(batch),
    get requests() {
      return requests;
    },
  };
}

/** A gateway with one fault; `fired` tells whether its request came. */
export interface FaultyExcel extends ExcelGateway {
  readonly fired: boolean;
}

/**
 * The simulator's Excel with `fault` injected once, at its request: "refused" rejects the request with `REFUSED`
 * and applies none of it; "failsAfterApplying" queues a command Excel refuses (`FAILED_AFTER_APPLYING`) after the
 * request's own, so all of them are applied and the request still fails; "cancelled" aborts `cancel` (the user's
 * Cancel) and then sends the request as usual, since a request already on its way is not called back.
 */
export function excelWithFault(simulator: WorkbookSimulator, fault: Fault, cancel?: AbortController): FaultyExcel {
  if (fault.mode === "cancelled" && cancel === undefined) throw new Error("A cancel fault needs the AbortController");
  let fired = false;
  const inject = {
    refused: (context: SimRequestContext) => context.refuseRequest(REFUSED),
    failsAfterApplying: (context: SimRequestContext) => {
      context.enqueue({
        location: "Workbook.fault",
        payload: () => ({ fault: "failsAfterApplying" }),
        apply: () => {
          throw FAILED_AFTER_APPLYING;
        },
      });
      return null;
    },
    cancelled: () => {
      cancel?.abort();
      return null;
    },
  } satisfies Record<FaultMode, (context: SimRequestContext) => Promise<never> | null>;
  const excel = excelAroundRequests(simulator, (request, context) => {
    if (request !== fault.request) return null;
    fired = true;
    return inject[fault.mode](context);
  });
  return {
    run: (batch) => excel.run(batch),
    get fired() {
      return fired;
    },
  };
}

/** Every (request, mode) case of an operation that sends `requestCount` requests when nothing goes wrong. */
export function faultCases(requestCount: number): FaultCase[] {
  return Array.from({ length: requestCount }, (_, i) => i + 1).flatMap((request) =>
    FAULT_MODES.map((mode) => ({ request, mode, title: MODES[mode].title(request) })),
  );
}

/** A fault-free run on a fresh workbook: what the operation said, how many requests it sent, the workbook after. */
export interface CleanRun {
  readonly outcome: OperationOutcome;
  readonly requests: number;
  readonly after: WorkbookDescription;
}

/** Runs the operation without faults on a fresh workbook; throws when it does not succeed (no matrix without). */
export async function runCleanly(makeSimulator: () => WorkbookSimulator, operation: Operation): Promise<CleanRun> {
  const simulator = makeSimulator();
  const excel = countingExcel(simulator);
  const outcome = await operation(excel, new AbortController().signal);
  await simulator.whenIdle();
  if (!outcome.ok) throw new Error(`The operation fails without any fault: ${outcome.message}`);
  return { outcome, requests: excel.requests, after: simulator.describe({ sheetIdsAsNames: true }) };
}

/** The number of requests of a fault-free run on a fresh workbook. */
export async function countRequests(makeSimulator: () => WorkbookSimulator, operation: Operation): Promise<number> {
  return (await runCleanly(makeSimulator, operation)).requests;
}

/** Counts the requests of a clean run and lists every (request, mode) case for them. */
export async function faultMatrix(makeSimulator: () => WorkbookSimulator, operation: Operation): Promise<FaultCase[]> {
  return faultCases(await countRequests(makeSimulator, operation));
}

/** One run with a fault: the workbook before and after (sheet ids as names), what the operation said. */
export interface FaultRun {
  readonly simulator: WorkbookSimulator;
  readonly before: WorkbookDescription;
  readonly after: WorkbookDescription;
  readonly outcome: OperationOutcome;
  /** False when the operation sent fewer requests than the fault's number (the case tested nothing). */
  readonly fired: boolean;
  /** Runs the operation again on the same workbook without faults (the user's retry). */
  retry(): Promise<{ outcome: OperationOutcome; after: WorkbookDescription }>;
}

/** Runs the operation on a fresh workbook with `fault` injected. */
export async function runWithFault(
  makeSimulator: () => WorkbookSimulator,
  operation: Operation,
  fault: Fault,
): Promise<FaultRun> {
  const simulator = makeSimulator();
  const describe = async () => {
    await simulator.whenIdle();
    return simulator.describe({ sheetIdsAsNames: true });
  };
  const before = await describe();
  const cancel = new AbortController();
  const excel = excelWithFault(simulator, fault, cancel);
  const outcome = await operation(excel, cancel.signal);
  const after = await describe();
  const retry = async () => {
    const retried = await operation(simulator.excel, new AbortController().signal);
    return { outcome: retried, after: await describe() };
  };
  return { simulator, before, after, outcome, fired: excel.fired, retry };
}

/** What every fault case of an operation did: how many cases ran, and the ones that broke the contract, described. */
export interface FaultMatrixOutcome {
  readonly cases: number;
  readonly broken: readonly string[];
}

const UNCHANGED = "Nothing was changed: the workbook is as it was.";

/**
 * Runs `operation` with a fault at every request of a clean run, each on a fresh workbook from `make`, and lists the
 * cases that broke the contract: the fault never fired; a success that does not leave the workbook as a clean run
 * does, or says nothing changed; a failure that changed the workbook, does not say it is as it was, or whose retry
 * fails or differs from a clean run. For a test that loops over the cases itself (one test, many cases).
 */
export async function brokenFaultCases(
  make: () => Promise<WorkbookSimulator>,
  operation: Operation,
): Promise<FaultMatrixOutcome> {
  const described = async (simulator: WorkbookSimulator) => {
    await simulator.whenIdle();
    return JSON.stringify(simulator.describe({ sheetIdsAsNames: true }));
  };
  const cleanSimulator = await make();
  const counting = countingExcel(cleanSimulator);
  const clean = await operation(counting, new AbortController().signal);
  if (!clean.ok) throw new Error(`The operation fails without any fault: ${clean.message}`);
  const cleanAfter = await described(cleanSimulator);
  const broken: string[] = [];
  const cases = faultCases(counting.requests);
  for (const fault of cases) {
    const simulator = await make();
    const before = await described(simulator);
    const cancel = new AbortController();
    const excel = excelWithFault(simulator, fault, cancel);
    const outcome = await operation(excel, cancel.signal);
    const after = await described(simulator);
    const where = `${fault.title}: "${outcome.message}"`;
    if (!excel.fired) broken.push(`${where} (the fault never fired)`);
    if (outcome.ok) {
      if (after !== cleanAfter) broken.push(`${where} (success, but not as a clean run)`);
      if (outcome.message.includes(UNCHANGED)) broken.push(`${where} (a success saying nothing changed)`);
      continue;
    }
    if (after !== before) broken.push(`${where} (the workbook changed)`);
    if (!outcome.message.includes(UNCHANGED)) broken.push(`${where} (does not say the workbook is as it was)`);
    const retry = await operation(simulator.excel, new AbortController().signal);
    if (!retry.ok) broken.push(`${where} (the retry failed: "${retry.message}")`);
    else if ((await described(simulator)) !== cleanAfter) broken.push(`${where} (the retry differs)`);
  }
  return { cases: cases.length, broken };
}
