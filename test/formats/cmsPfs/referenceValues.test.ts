// DOMAIN.md section 9: national amounts (GPCIs 1.000) and CY2025 locality amounts, from the real CMS files.
import { buildGpciIndex, findLocality, NATIONAL_GPCI, type LocalityGpci } from "../../../src/engine/gpci";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { IsoDate } from "../../../src/engine/isoDate";
import { priceMedicarePfs } from "../../../src/engine/medicarePfs";
import type { Modifier } from "../../../src/engine/modifiers";
import { formatCents } from "../../../src/engine/money";
import type { PfsSchedule } from "../../../src/engine/pfsSchedule";
import type { CareSetting } from "../../../src/engine/placeOfService";
import { parseGpciCsv } from "../../../src/formats/cmsPfs/gpci";
import { importPfsSchedule } from "../../../src/formats/cmsPfs/pprrvu";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

function loadSchedule(file: string): PfsSchedule {
  const parsed = importPfsSchedule(readSharedData(file));
  if (!parsed.ok) throw new Error(`cannot read ${file}`);
  return parsed.value.schedule;
}

function amounts(
  schedule: PfsSchedule,
  code: string,
  serviceDate: string,
  locality: LocalityGpci = NATIONAL_GPCI,
  modifier?: string,
): string {
  const price = (setting: CareSetting): string => {
    const result = priceMedicarePfs(
      { schedule, locality },
      {
        hcpcsCode: code as HcpcsCode,
        modifiers: modifier ? [modifier as Modifier] : [],
        setting,
        serviceDate: serviceDate as IsoDate,
      },
    );
    return result.ok ? formatCents(result.value.allowedAmount) : result.issue.code;
  };
  return `${price("non-facility")} / ${price("facility")}`;
}

describeWithSharedData("DOMAIN.md section 9 national reference amounts", () => {
  it("CY2024 (July release, CF 33.2875 from 9 March 2024): 99213 and 99214", () => {
    const schedule = loadSchedule("cms-pfs/2024-rvu24c/PPRRVU24_JUL.csv");
    expect([amounts(schedule, "99213", "2024-06-01"), amounts(schedule, "99214", "2024-06-01")]).toEqual([
      "90.87 / 65.24",
      "128.16 / 96.20",
    ]);
  });

  it("CY2024 before 9 March uses CF 32.7442 with the same RVUs: 99213 is $89.39", () => {
    const schedule = loadSchedule("cms-pfs/2024-rvu24c/PPRRVU24_JUL.csv");
    expect(amounts(schedule, "99213", "2024-02-01")).toBe("89.39 / 64.18");
  });

  it("CY2025 (October release): office visits, G2211 and chest X-ray global/26/TC", () => {
    const schedule = loadSchedule("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv");
    const on = "2025-06-01";
    expect({
      "99213": amounts(schedule, "99213", on),
      "99214": amounts(schedule, "99214", on),
      "99203": amounts(schedule, "99203", on),
      "99204": amounts(schedule, "99204", on),
      "99215": amounts(schedule, "99215", on),
      G2211: amounts(schedule, "G2211", on),
      "71046": amounts(schedule, "71046", on),
      "71046-26": amounts(schedule, "71046", on, NATIONAL_GPCI, "26"),
      "71046-TC": amounts(schedule, "71046", on, NATIONAL_GPCI, "TC"),
    }).toEqual({
      "99213": "88.95 / 63.72",
      "99214": "125.18 / 93.80",
      "99203": "109.01 / 79.25",
      "99204": "163.35 / 129.06",
      "99215": "175.64 / 138.77",
      G2211: "15.53 / 15.53",
      "71046": "32.67 / 32.67",
      "71046-26": "10.03 / 10.03",
      "71046-TC": "22.64 / 22.64",
    });
  });

  it("CY2025 January release re-saved by Excel gives the same E/M amounts as October", () => {
    const schedule = loadSchedule("cms-pfs/2025-rvu25a-excel-resaved/PPRRVU25_JAN1.csv");
    expect([amounts(schedule, "99213", "2025-02-01"), amounts(schedule, "99214", "2025-02-01")]).toEqual([
      "88.95 / 63.72",
      "125.18 / 93.80",
    ]);
  });

  it("CY2026 (July non-QP release, CF 33.4009): office visits", () => {
    const schedule = loadSchedule("cms-pfs/2026-rvu26c/PPRRVU2026_Jul_nonQPP.csv");
    const on = "2026-08-01";
    expect(["99213", "99214", "99203", "99204", "99215"].map((code) => amounts(schedule, code, on))).toEqual([
      "95.19 / 57.45",
      "135.61 / 84.50",
      "117.57 / 71.48",
      "177.36 / 116.90",
      "192.39 / 125.59",
    ]);
  });
});

describeWithSharedData("DOMAIN.md section 9 CY2025 locality amounts (RVU25D + GPCI2025)", () => {
  it("prices 99213 and 99214 in six localities", () => {
    const schedule = loadSchedule("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv");
    const gpci = parseGpciCsv(readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"));
    if (!gpci.ok) throw new Error("cannot read GPCI2025");
    const index = buildGpciIndex(gpci.value.localities);
    const at = (key: string): string => {
      const locality = findLocality(index, key);
      if (!locality.ok) return locality.issue.code;
      return `${amounts(schedule, "99213", "2025-06-01", locality.value)} | ${amounts(schedule, "99214", "2025-06-01", locality.value)}`;
    };
    expect(["01112-05", "13202-01", "10112-00", "02102-01", "04412-18", "09102-04"].map(at)).toEqual([
      "109.15 / 73.35 | 152.35 / 107.83",
      "101.06 / 71.64 | 142.07 / 105.48",
      "81.86 / 59.93 | 115.49 / 88.23",
      "112.20 / 84.92 | 158.97 / 125.05",
      "91.00 / 65.69 | 128.21 / 96.74",
      "94.98 / 69.07 | 134.03 / 101.81",
    ]);
  });
});
