// Parse X12 835 remittances: the largest public sample (156 interchanges) and a synthetic 10 MB file.
// Budget (proposed here, ARCHITECTURE.md s.9 has none for 835): 10 MB in under 1 s, i.e. at least 10 MB/s, so a
// month of remits for a large group imports without a visible wait; the 283 KB sample then takes under 30 ms.
import { parse835 } from "../src/formats/remit835";
import { readSharedData, SHARED_DATA } from "../test/support/sharedData";
import { measure } from "./measure";

if (SHARED_DATA === null) {
  console.log("skipped: ../shared/data not found beside the repository");
} else {
  const sample = readSharedData("x12-835/tastypackets/profee-multiple.edi");
  const check = parse835(sample);
  if (!check.ok || check.value.interchangeCount !== 156) throw new Error("profee-multiple.edi did not parse");
  measure(
    `835 profee-multiple.edi (${(sample.length / 1e3).toFixed(0)} KB, 156 ISA, 1,560 lines)`,
    () => parse835(sample),
    {
      budgetMs: 30,
    },
  );

  // Repeat the interchange-per-line file until it reaches 10 MB: same content as a large clearinghouse batch.
  const copies = Math.ceil(10_000_000 / sample.length);
  const tenMb = Array.from({ length: copies }, () => sample).join("\n");
  const big = parse835(tenMb);
  if (!big.ok) throw new Error("synthetic 10 MB file did not parse");
  measure(
    `835 synthetic ${(tenMb.length / 1e6).toFixed(1)} MB (${big.value.interchangeCount} ISA, ${big.value.lines.length} lines)`,
    () => parse835(tenMb),
    { budgetMs: 1000, runs: 5 },
  );
}
