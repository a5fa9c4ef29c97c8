import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// Panels await the simulator (HyperFormula, chunked writes); on a loaded 2-core CI machine the default 1 s for
// findBy/waitFor is too tight, so waits get 15 s (a failing expectation still fails, only later).
configure({ asyncUtilTimeout: 15_000 });
// Browser APIs jest-environment-jsdom 29 lacks, which the code under test needs to load.
import { TextDecoder, TextEncoder } from "util";
import { deserialize, serialize } from "v8";

const host = globalThis as unknown as Record<string, unknown>;
// The workbook simulator measures request sizes with TextEncoder; Node's is the same WHATWG class.
host.TextEncoder ??= TextEncoder;
host.TextDecoder ??= TextDecoder;
// The simulator copies recorded formats (a rebuild copies a staged sheet over the earlier one) with structuredClone,
// which browsers and Node have; Node's v8 serializer is the same algorithm.
host.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
// Fluent's MessageBar observes its own size to reflow; jsdom does no layout, so nothing is ever resized.
host.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
