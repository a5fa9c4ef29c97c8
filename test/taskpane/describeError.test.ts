// What the pane says of a failure that reached it as an exception instead of an issue value: Office's errors in the
// user's words (never Office's raw message), anything else with its own message for support to quote.
import { describeError } from "../../src/taskpane/describeError";

/** An error as Office.js throws it: an Error with a string code. */
function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

const RAW = "The requested resource doesn't exist.";

describe("the pane's words for a failure that reached it", () => {
  it("says that Excel stopped before the workbook could be read, and that nothing was changed", () => {
    const said = describeError(officeError("ItemNotFound", RAW), "reading");

    expect(said).toMatch(/^Excel stopped before the workbook could be read: .*\. Nothing was changed\.$/);
    expect(said).not.toContain(RAW);
  });

  it("says that Excel stopped a change and that the workbook may need checking before a retry", () => {
    const said = describeError(officeError("ItemNotFound", RAW), "writing");

    expect(said).toMatch(
      /^Excel stopped before this could finish: .*\. The workbook may need checking before you try again\.$/,
    );
    expect(said).not.toContain(RAW);
  });

  it("names Excel's error code so that support can tell what happened", () => {
    expect(describeError(officeError("GeneralException", RAW), "reading")).toContain("GeneralException");
  });

  it("shows a bug's own message, which is not Office's", () => {
    expect(describeError(new Error("Cannot read properties of undefined (reading 'rows')"), "writing")).toBe(
      "Cannot read properties of undefined (reading 'rows')",
    );
  });

  it("says something went wrong when the failure carries no message", () => {
    expect(describeError(undefined, "reading")).toBe("Something went wrong.");
  });
});
