import { readArguments, rowIssues, type ArgSpecTable } from "../../src/functions/excelArgs";

const spec = {
  codes: { kind: "column", optional: false, description: "CPT/HCPCS codes." },
  amounts: { kind: "column", optional: true, description: "Amounts." },
  result: { kind: "choice", choices: ["delta", "total"], defaultChoice: "delta", description: "What to return." },
} as const satisfies ArgSpecTable;

function read(...args: unknown[]) {
  const result = readArguments(spec, args);
  if (!result.ok) throw new Error(`expected arguments, got ${result.issue.code}`);
  return result.value;
}

describe("reading Excel arguments against a declared spec", () => {
  it("turns a column range into a column and fills omitted optional arguments with null and the default", () => {
    expect(read([["99213"], [99214]], null)).toEqual({
      values: { codes: ["99213", 99214], amounts: null, result: "delta" },
      rows: 2,
    });
  });

  it("repeats a single value on every row of the other ranges", () => {
    expect(read(5, [[1], [2], [3]]).values.codes).toEqual([5, 5, 5]);
    expect(read([["99213"]], [[1], [2]]).values.codes).toEqual(["99213", "99213"]);
  });

  it("reads one value alone as one row", () => {
    expect(read("99213", undefined, "TOTAL")).toEqual({
      values: { codes: ["99213"], amounts: null, result: "total" },
      rows: 1,
    });
  });

  it("accepts a one-cell range for a choice", () => {
    expect(read("99213", null, [["Total"]]).values.result).toBe("total");
  });

  it("refuses a choice given as a range of several cells", () => {
    expect(readArguments(spec, ["99213", null, [["delta"], ["total"]]])).toEqual({
      ok: false,
      issue: { code: "notOneValue", argument: "result", rows: 2, columns: 1 },
    });
  });

  it("names both arguments when ranges differ in rows", () => {
    expect(
      readArguments(spec, [
        [["a"], ["b"]],
        [[1], [2], [3]],
      ]),
    ).toEqual({
      ok: false,
      issue: { code: "rowsMismatch", argument: "amounts", rows: 3, other: "codes", otherRows: 2 },
    });
  });

  it("refuses a missing required argument", () => {
    expect(readArguments(spec, [undefined])).toMatchObject({ ok: false, issue: { code: "argumentMissing" } });
  });
});

describe("checking the cells of the arguments", () => {
  const limited = {
    codes: { kind: "column", optional: false, description: "CPT/HCPCS codes." },
    units: {
      kind: "column",
      optional: true,
      description: "Units.",
      limit: { least: null, most: 10, unit: "count", what: "units" },
    },
  } as const satisfies ArgSpecTable;

  it("refuses the whole call for a bad single value, which every row would share", () => {
    expect(readArguments(limited, [[["99213"], ["99214"]], 11])).toEqual({
      ok: false,
      issue: { code: "outOfRange", argument: "units", row: null, value: "11", limit: limited.units.limit },
    });
  });

  it("names each row of a range that holds a bad cell, with its first bad cell", () => {
    const read = readArguments(limited, [
      [["99213"], ["99\u0000214"], ["99215"]],
      [[1], [99], [12]],
    ]);
    if (!read.ok) throw new Error(`expected arguments, got ${read.issue.code}`);
    expect([...rowIssues(limited, read.value)]).toEqual([
      [1, { code: "controlCharacter", argument: "codes", row: 2, codePoint: 0, position: 3 }],
      [2, { code: "outOfRange", argument: "units", row: 3, value: "12", limit: limited.units.limit }],
    ]);
  });

  it("finds no issue in ranges of good cells", () => {
    const read = readArguments(limited, [
      [["99213"], ["99214"]],
      [[1], [10]],
    ]);
    if (!read.ok) throw new Error(`expected arguments, got ${read.issue.code}`);
    expect(rowIssues(limited, read.value).size).toBe(0);
  });
});

describe("reading adjacent cells per row", () => {
  const cellsSpec = {
    modifiers: { kind: "cells", maxColumns: 4, optional: true, description: "Modifiers." },
  } as const satisfies ArgSpecTable;

  it("reads a modifiers range of 300,000 rows, as a long claims table gives", () => {
    const range = Array.from({ length: 300_000 }, () => ["26", null]);
    const read = readArguments(cellsSpec, [range]);
    expect(read.ok && read.value.rows).toBe(300_000);
  });
});
