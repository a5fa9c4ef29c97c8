import { jsonBytes, planChunks, utf8Length } from "../../../src/excel/core/writePlan";

const limits = { maxBytes: 100, reservedBytes: 10, maxRows: 1_000 };

describe("planning a chunked write", () => {
  it("puts as many rows in a request as fit, in order", () => {
    expect(planChunks([40, 40, 40], limits)).toEqual({
      ok: true,
      chunks: [
        { start: 0, count: 2 },
        { start: 2, count: 1 },
      ],
    });
  });

  it("starts a new request when the row limit is reached, however small the rows", () => {
    expect(planChunks([1, 1, 1, 1, 1], { ...limits, maxRows: 2 })).toEqual({
      ok: true,
      chunks: [
        { start: 0, count: 2 },
        { start: 2, count: 2 },
        { start: 4, count: 1 },
      ],
    });
  });

  it("names the first row too large for any request", () => {
    expect(planChunks([10, 95, 10], limits)).toEqual({
      ok: false,
      row: { rowIndex: 1, bytes: 96, limitBytes: 88 },
    });
  });

  it("plans no request for no rows", () => {
    expect(planChunks([], limits)).toEqual({ ok: true, chunks: [] });
  });

  it("measures JSON as the UTF-8 bytes Excel receives", () => {
    const row = ["99213", "Évaluation", "東京", "🩺", 92.45];
    expect(jsonBytes(row)).toBe(new TextEncoder().encode(JSON.stringify(row)).length);
    expect(utf8Length("🩺")).toBe(4);
  });
});
