/**
 * PAYER.INPATIENT_PAYMENT with the terms that sit on top of the method (issue 14), each read from its InpatientTerms
 * cells: lesser-of charges, the outlier, second-dollar stop-loss and the CMS pricer's transfer arithmetic. DRG 470's
 * FY2026 weight 1.9289 comes from the real MS-DRG file (../shared/data/cms-ipps) through the MsDrgWeights table.
 */
import "./support/installShim";
import { registryCache } from "../../src/functions/registryCache";
import { PAYER_FUNCTIONS } from "../../src/functions/registry";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { hospitalRows, hospitalWorkbook, type Row } from "../formulas/hospitalWorkbook";
import { describeWithSharedData } from "../support/sharedData";

const inpatientPayment = PAYER_FUNCTIONS.find((entry) => entry.id === "INPATIENT_PAYMENT")!.implementation;

/** The amount (or error message) of one stay of DRG 470 or 291 under Mercy Hospital PPO with its first row changed. */
async function priced(terms: Row, drg: number, charges: number, status: string | null = null): Promise<unknown> {
  const rows = hospitalRows();
  const [first, ...rest] = rows.InpatientTerms!;
  await registryCache.start(
    new WorkbookSimulator(hospitalWorkbook({ ...rows, InpatientTerms: [{ ...first!, ...terms }, ...rest] })).excel,
  );
  const result = await inpatientPayment("Mercy Hospital PPO", drg, "2025-11-03", drg === 291 ? "2025-11-04" : "2025-11-05", charges, status); // prettier-ignore
  return result instanceof CustomFunctions.Error ? result.message : (result as unknown[][])[0]![0];
}

describeWithSharedData("the terms on top of an MS-DRG payment, from the InpatientTerms row", () => {
  it("caps the payment at the charges with Lesser Of: $19,289.00 > charges $15,000.00 -> $15,000.00", async () =>
    expect(await priced({ "Lesser Of": "TRUE" }, 470, 15000)).toBe(15000));

  it("adds the outlier: charges $100,000 - ($19,289 + $40,000) = $40,711 x 80% = $32,568.80; $19,289.00 + $32,568.80 = $51,857.80", async () =>
    expect(await priced({ "Outlier Fixed Loss": 40000, "Outlier Percent": "80%" }, 470, 100000)).toBe(51857.8));

  it("adds second-dollar stop-loss: ($250,000 - $200,000) x 60% = $30,000; $19,289.00 + $30,000.00 = $49,289.00", async () =>
    expect(await priced({ "Stop-Loss Type": "Second dollar", "Stop-Loss Threshold": 200000, "Stop-Loss Percent": "60%" }, 470, 250000)).toBe(49289)); // prettier-ignore

  it("rounds a transfer as CMS's pricer does: DRG 291 after 1 day, 2 / 3.8 = 0.5263 x 1.2838 = 0.6757 x $10,000 = $6,757.00", async () =>
    expect(await priced({ "Transfer Reduction": "CMS Pricer" }, 291, 30000, "02")).toBe(6757));

  it("leaves a transfer unreduced when the contract has no Transfer Reduction: DRG 291 1.2838 x $10,000 = $12,838.00", async () =>
    expect(await priced({ "Transfer Reduction": null }, 291, 30000, "02")).toBe(12838));

  it("pays a percent of charges: 55% x $30,000.00 = $16,500.00", async () =>
    expect(await priced({ "Inpatient Method": "Percent of Charges", "Base Rate": null, Percent: "55%" }, 470, 30000)).toBe(16500)); // prettier-ignore
});
