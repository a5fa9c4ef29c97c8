// How the bytes of an 835 become text: UTF-8 first, Windows-1252 only when the bytes are not valid UTF-8.
import { parse835, remit835IssueMessage, type Remit835File } from "../../../src/formats/remit835";
import { remit835 } from "./snippets";

const PAID_LINE = ["CLP*C1*1*100*80*20*12*PCN1", "SVC*HC:99213*100*80**1", "CAS*PR*2*20"];

/** A one-line remit whose payer is named `payer`, as bytes: the name's own bytes spliced into ASCII X12. */
function bytesWithPayer(payer: Uint8Array): Uint8Array {
  const [before, after] = remit835(PAID_LINE).split("ACME HEALTH PLAN") as [string, string];
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  return Uint8Array.from([...ascii(before), ...payer, ...ascii(after)]);
}

function parsed(input: string | Uint8Array): Remit835File {
  const result = parse835(input);
  if (!result.ok) throw new Error(remit835IssueMessage(result.issue));
  return result.value;
}

const SANTE_UTF8 = Uint8Array.from([0x53, 0x41, 0x4e, 0x54, 0xc3, 0x89]);
const SANTE_WINDOWS_1252 = Uint8Array.from([0x53, 0x41, 0x4e, 0x54, 0xc9]);

describe("text encoding of 835 bytes", () => {
  it("reads a UTF-8 payer name as SANTÉ, not as the mojibake SANTÃ‰", () => {
    expect(parsed(bytesWithPayer(SANTE_UTF8)).lines[0]?.payer).toBe("SANTÉ");
  });

  it("says the file was read as UTF-8", () => {
    expect(parsed(bytesWithPayer(SANTE_UTF8)).textEncoding).toBe("utf-8");
  });

  it("reads a Windows-1252 payer name (bytes that are not valid UTF-8) as SANTÉ", () => {
    expect(parsed(bytesWithPayer(SANTE_WINDOWS_1252)).lines[0]?.payer).toBe("SANTÉ");
  });

  it("says the file was read as Windows-1252 when its bytes are not valid UTF-8", () => {
    expect(parsed(bytesWithPayer(SANTE_WINDOWS_1252)).textEncoding).toBe("windows-1252");
  });

  it("reads a plain ASCII file as UTF-8, which it is", () => {
    expect(parsed(new TextEncoder().encode(remit835(PAID_LINE))).textEncoding).toBe("utf-8");
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = new TextEncoder().encode(`\uFEFF${remit835(PAID_LINE)}`);
    expect(parsed(bytes).lines.map((l) => l.claimId)).toEqual(["C1"]);
  });

  it("names no encoding when it is given text", () => {
    expect(parsed(remit835(PAID_LINE)).textEncoding).toBeNull();
  });
});
