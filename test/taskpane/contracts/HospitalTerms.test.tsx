import { fireEvent, screen, within } from "@testing-library/react";
import { readRegistry } from "../../../src/excel/registry";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aHospitalWorkbook } from "../../excel/contracts/support";
import { openTab } from "../support";

/** The sample's two hospital-only contracts and their terms tables, beside a professional contract. */
const hospitalSimulator = () => new WorkbookSimulator(aHospitalWorkbook());

async function openContracts(simulator: WorkbookSimulator) {
  openTab(simulator.excel, "Contracts");
  return screen.findByRole("list", { name: "Contracts" });
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const fieldOf = (label: string | RegExp) => screen.getByLabelText(label).closest(".fui-Field") as HTMLElement;

/** Opens the Contracts tab and presses a button of the Acme Hospital PPO card. */
async function pressOnHospitalPpo(simulator: WorkbookSimulator, button: string) {
  const list = await openContracts(simulator);
  const card = within(list).getByRole("listitem", { name: "Acme Hospital PPO" });
  fireEvent.click(within(card).getByRole("button", { name: button }));
}

describe("hospital terms in the Contracts panel", () => {
  it("lists a hospital contract's inpatient and outpatient terms under it, each in one line", async () => {
    const list = await openContracts(hospitalSimulator());
    const card = within(list).getByRole("listitem", { name: "Acme Hospital PPO" });

    expect(within(card).getByRole("listitem", { name: "Inpatient terms from 2025-01-01" })).toHaveTextContent(
      "2025-01-01 to 2025-12-31 · Inpatient Method MS-DRG · Base Rate 11500.00",
    );
    expect(within(card).getByRole("listitem", { name: "Outpatient terms from 2025-01-01" })).toHaveTextContent(
      "Outpatient Method Percent of OPPS · Percent 165% · Wage Index 0.9538",
    );
  });

  it("shows the hospital-only contract's version as having no professional terms", async () => {
    const list = await openContracts(hospitalSimulator());
    const card = within(list).getByRole("listitem", { name: "Acme Hospital PPO" });

    expect(within(card).getByRole("listitem", { name: "Version from 2025-01-01" })).toHaveTextContent(
      "2025-01-01 to 2025-12-31 · None (hospital terms only)",
    );
  });

  it("starts new inpatient terms from the contract's latest ones, with the dates to fill", async () => {
    await pressOnHospitalPpo(hospitalSimulator(), "Add inpatient terms");

    expect(screen.getByRole("form", { name: "New inpatient terms" })).toBeInTheDocument();
    expect([(screen.getByLabelText(/^Contract Name/) as HTMLSelectElement).value, (screen.getByLabelText("Base Rate") as HTMLInputElement).value, (screen.getByLabelText(/^Effective Start Date/) as HTMLInputElement).value]).toEqual(["Acme Hospital PPO", "11500.00", ""]); // prettier-ignore
  });

  it("offers the registry's contracts, in the list's order, as the Contract Name", async () => {
    await pressOnHospitalPpo(hospitalSimulator(), "Add outpatient terms");

    const options = within(screen.getByLabelText(/^Contract Name/)).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Choose…", "Acme Behavioral Health", "Acme Hospital PPO", "Acme PPO"]); // prettier-ignore
  });

  it("says an MS-DRG method needs its base rate while the user types", async () => {
    await pressOnHospitalPpo(hospitalSimulator(), "Add inpatient terms");

    type("Base Rate", "");

    expect(fieldOf("Base Rate")).toHaveTextContent("MS-DRG needs a base rate in dollars.");
  });

  it("flags inpatient terms overlapping the contract's other inpatient terms", async () => {
    await pressOnHospitalPpo(hospitalSimulator(), "Add inpatient terms");

    type(/^Effective Start Date/, "2025-06-01");

    expect(fieldOf(/^Effective Start Date/)).toHaveTextContent("Overlaps the inpatient terms 2025-01-01 to 2025-12-31 (row 2)"); // prettier-ignore
  });

  it("saves new inpatient terms into InpatientTerms and lists them under the contract", async () => {
    const simulator = hospitalSimulator();
    await pressOnHospitalPpo(simulator, "Add inpatient terms");
    type(/^Effective Start Date/, "2026-01-01");
    type("Base Rate", "12000");

    fireEvent.click(screen.getByRole("button", { name: "Save terms" }));

    expect(await screen.findByText("Saved row 4 of InpatientTerms (sheet Inpatient Terms).")).toBeInTheDocument();
    const card = await screen.findByRole("listitem", { name: "Acme Hospital PPO" });
    expect(within(card).getByRole("listitem", { name: "Inpatient terms from 2026-01-01" })).toHaveTextContent("Base Rate 12000.00"); // prettier-ignore
    const versions = (await readRegistry(simulator.excel)).registry.hospital?.inpatientByName.get("acme hospital ppo");
    expect(versions?.map((v) => v.effectiveStartDate)).toEqual(["2025-01-01", "2026-01-01"]);
  });

  it("deletes outpatient terms only after the user confirms", async () => {
    const list = await openContracts(hospitalSimulator());
    const card = within(list).getByRole("listitem", { name: "Acme Hospital PPO" });
    const terms = within(card).getByRole("listitem", { name: "Outpatient terms from 2025-01-01" });

    fireEvent.click(within(terms).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Outpatient terms from 2025-01-01 (row 2 of OutpatientTerms)");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete", hidden: true }));

    expect(await screen.findByText("Deleted row 2.")).toBeInTheDocument();
    const after = await screen.findByRole("listitem", { name: "Acme Hospital PPO" });
    expect(within(after).queryByRole("listitem", { name: "Outpatient terms from 2025-01-01" })).not.toBeInTheDocument(); // prettier-ignore
  });

  it("defines a hospital-only contract, then its inpatient terms, from the pane", async () => {
    const simulator = hospitalSimulator();
    await openContracts(simulator);
    fireEvent.click(screen.getByRole("button", { name: "New contract" }));
    type(/^Contract Name/, "Cedar Hospital");
    type(/^Payer/, "Cedar Health");
    type(/^Effective Start Date/, "2025-01-01");
    type(/^Method/, "None (hospital terms only)");
    fireEvent.click(screen.getByRole("button", { name: "Save version" }));
    const card = await screen.findByRole("listitem", { name: "Cedar Hospital" });

    fireEvent.click(within(card).getByRole("button", { name: "Add inpatient terms" }));
    type(/^Effective Start Date/, "2025-01-01");
    type(/^Inpatient Method/, "MS-DRG");
    type("Base Rate", "9800");
    fireEvent.click(screen.getByRole("button", { name: "Save terms" }));

    expect(await screen.findByText("Saved row 4 of InpatientTerms (sheet Inpatient Terms).")).toBeInTheDocument();
    const snapshot = await readRegistry(simulator.excel);
    const [terms] = snapshot.registry.hospital?.inpatientByName.get("cedar hospital") ?? [];
    expect([snapshot.registry.versionsByName.get("cedar hospital")?.[0]?.method, terms?.terms.method.kind]).toEqual([{ kind: "none" }, "ms-drg"]); // prettier-ignore
  });
});
