/**
 * Giving the page a turn between the steps of a long operation, so that React renders the progress bar, the browser
 * paints it and a click on Cancel is handled before the next step starts (issue 13 item 2).
 *
 * A macrotask, not a microtask: promise callbacks run before rendering and input, so awaiting a resolved promise
 * would paint nothing. Of the macrotasks, `MessageChannel` is preferred in a browser (as React's scheduler does;
 * nested `setTimeout(0)` is clamped to 4 ms), `setImmediate` in Node, `setTimeout(0)` where neither exists.
 */

type Schedule = (callback: () => void) => void;

function messageChannelSchedule(): Schedule {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (callback) => {
    waiting.push(callback);
    channel.port2.postMessage(null);
  };
}

function pickSchedule(): Schedule {
  if (typeof window !== "undefined" && typeof MessageChannel === "function") return messageChannelSchedule();
  if (typeof setImmediate === "function") return (callback) => setImmediate(callback);
  return (callback) => setTimeout(callback, 0);
}

let schedule: Schedule | undefined;

/** Resolves on a later task of the event loop, after pending renders, paints and input events had their turn. */
export function yieldToBrowser(): Promise<void> {
  schedule ??= pickSchedule();
  const run = schedule;
  return new Promise((resolve) => run(resolve));
}

/** How {@link inChunks} walks a long list. */
export interface ChunkOptions {
  /** Items handled between two yields; a few thousand lines keep each task well under 100 ms. */
  readonly size: number;
  /** Checked after every yield: the user's Cancel, seen as soon as the page had a turn to handle it. */
  readonly checkCancelled: () => void;
  /** Told after each chunk how many items are done of the total. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

/**
 * Maps a long list chunk by chunk, yielding to the browser between chunks and checking for a cancel after each
 * yield, so that a long pure computation neither freezes the pane nor outlives the user's Cancel.
 *
 * @example const priced = await inChunks(lines, priceLine, { size: 2_000, checkCancelled: op.checkCancelled });
 */
export async function inChunks<Item, Output>(
  items: readonly Item[],
  work: (item: Item, index: number) => Output,
  { size, checkCancelled, onProgress }: ChunkOptions,
): Promise<Output[]> {
  if (!(size >= 1)) throw new Error(`inChunks: the chunk size must be 1 or more, not ${size}`);
  const output: Output[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) {
      await yieldToBrowser();
      checkCancelled();
    }
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) output.push(work(items[i]!, i));
    onProgress?.({ done: end, total: items.length });
  }
  return output;
}
