// With a code filter, the bytes of the items of other codes are skipped before the JSON tokenizer (itemSkipper):
// the rates, counts and positions must be exactly those of a full read restricted to the codes.
import { describeWithSharedData } from "../../../support/sharedData";
import { readTicInNetwork } from "../../../../src/formats/priceTransparency/tic";
import { ALL_TYPES, edited, FFS, MULTIPLE_PLANS, rateLine, readOk, readRefused, ticFile, tinyChunks } from "./ticFiles";

describeWithSharedData("TiC in-network reader: skipping the items of other codes", () => {
  it.each([FFS, ALL_TYPES, MULTIPLE_PLANS])(
    "keeps in %s exactly the full read's rates of the codes asked for",
    async (name) => {
      const codes = new Set(["27447", "99285"]);
      const full = await readOk(ticFile(name));
      const filtered = await readOk(ticFile(name), { codes });
      expect(filtered.rates.map(rateLine)).toEqual(full.rates.filter((r) => codes.has(r.code)).map(rateLine));
    },
  );

  it("gives the same filtered rates from chunks of 1 to 7 characters as from one chunk", async () => {
    const text = ticFile(ALL_TYPES);
    const codes = new Set(["0200", "99285"]);
    const whole = await readOk(text, { codes });
    const tiny = await readOk(tinyChunks(text), { codes });
    expect(tiny.rates.map(rateLine)).toEqual(whole.rates.map(rateLine));
    expect(tiny.summary).toEqual(whole.summary);
  });

  it("is not misled by quotes, escapes and brackets inside the strings of a skipped item", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.in_network[0].description = 'knee "total" \\ } ] { [ , : replacement \\"';
      file.in_network[0].negotiated_rates[0].negotiated_prices[0].additional_information = '}]}]"\\';
    });
    const read = await readOk(tinyChunks(text), { codes: new Set(["27448"]) });
    expect(read.rates.map((r) => r.rate.toString())).toEqual(["12003.45", "12003.45", "12.45", "12.45"]);
    expect(read.summary.skipped.codeNotRequested).toBe(1);
  });

  it("decides on a billing code written with an escape (\\u0032 for 2) as a full read does", async () => {
    const text = ticFile(FFS).replace('"billing_code": "27448"', '"billing_code": "\\u00327448"');
    const read = await readOk(text, { codes: new Set(["27448"]) });
    expect(read.rates.map((r) => r.code)).toEqual(["27448", "27448", "27448", "27448"]);
  });

  it("names the skipped item where a file is cut short inside it", async () => {
    const text = ticFile(FFS);
    const cut = text.slice(0, text.indexOf("1230.45"));
    const result = await readTicInNetwork([cut], { codes: new Set(["27448"]) });
    expect(result).toEqual({ ok: false, issue: { code: "fileTruncated", bytesRead: cut.length, at: "in_network[0]" } });
  });

  it("gives a syntax error after a skipped item the same byte position as a full read", async () => {
    const text = ticFile(FFS).replace(
      '"billing_code_type_version": "2020",\n      "billing_code": "27448"',
      '"billing_code_type_version": 2020x',
    );
    const full = await readRefused(text);
    const filtered = await readTicInNetwork([text], { codes: new Set(["99999"]) });
    expect(full).toMatchObject({ code: "jsonInvalid", at: "in_network[1].billing_code_type_version" });
    expect(!filtered.ok && filtered.issue).toEqual(full);
  });
});
