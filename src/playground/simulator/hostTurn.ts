/**
 * A turn of the host's event loop. While Excel works on a request the add-in's page keeps running: timers fire,
 * input events (a click on Cancel) are handled and React renders and paints. The simulator applies a request
 * synchronously, so it gives the event loop a macrotask before and after each request to behave the same way.
 *
 * A macrotask, not a microtask: promise callbacks run before rendering and input, so they would not let a progress
 * bar paint. Of the macrotasks, the ones browsers do not clamp are preferred (nested `setTimeout(0)` waits 4 ms):
 * `setImmediate` in Node, a `MessageChannel` message in the browser (as React's scheduler does), `setTimeout(0)`
 * only where neither exists (jsdom). A test that fakes timers must leave these real.
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
  if (typeof setImmediate === "function") return (callback) => setImmediate(callback);
  if (typeof MessageChannel === "function") return messageChannelSchedule();
  return (callback) => setTimeout(callback, 0);
}

let schedule: Schedule | undefined;

/** Resolves on a later macrotask of the event loop, after pending timers, input events and renders had a turn. */
export function nextHostTurn(): Promise<void> {
  schedule ??= pickSchedule();
  const run = schedule;
  return new Promise((resolve) => run(resolve));
}
