// The Benchmarks panel in jsdom: the real hospital example files of ../shared/data chosen as the browser hands them
// over, read with the filters, summarised per file, and written into the workbook simulator's Benchmarks table.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readHospitalMrf } from "../../../src/formats/priceTransparency/hospitalMrf";
import { readTicInNetwork } from "../../../src/formats/priceTransparency/tic";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { medicareOnlyWorkbook } from "../../excel/benchmarks/support";
import { smallClaimsWorkbook } from "../../excel/upliftModel/support";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { openTab } from "../support";

jest.setTimeout(120_000);

const V3_TALL = "V3.0.0_Tall_CSV_Format_Example.csv";
const TEMPLATE = "V3.0.0_Tall_CSV_Format_Template.csv";

/** A hospital example file as the browser hands it over, its text changed by `edit` when given. */
const aHospitalFile = (name: string, edit: (text: string) => string = (text) => text) =>
  new File([edit(readSharedData(`price-transparency/hospital-mrf/${name}`))], name);

/** The sample workbook's Medicare schedule, MPFS_2025, registered for Houston (04412-18). */
const sampleWorkbook = () => medicareOnlyWorkbook();

/** Chooses hospital files in the picker. */
const choose = (...files: File[]) =>
  fireEvent.change(screen.getByLabelText("Hospital price files"), { target: { files } });

/** Types the codes to keep. */
const typeCodes = (codes: string) => fireEvent.change(screen.getByRole("textbox", { name: "Codes" }), { target: { value: codes } }); // prettier-ignore

/** Clicks Read and resolves with the list of files read. */
async function read(fileCount: number) {
  fireEvent.click(screen.getByRole("button", { name: `Read ${fileCount} file${fileCount === 1 ? "" : "s"}` }));
  return screen.findByRole("list", { name: "Files read" });
}

describe("the task pane's Benchmarks panel, choosing codes", () => {
  it("proposes the Claims table's top codes by allowed dollars, and by count of lines when asked", async () => {
    // 27447 earns the most dollars ($1,500 on one line), 99213 has the most lines (3, $270 in all).
    const claims = [
      ["C1", "2025-01-02", "Acme", "99213", 1, 120, 90],
      ["C2", "2025-01-03", "Acme", "99213", 1, 120, 90],
      ["C3", "2025-01-04", "Acme", "99213", 1, 120, 90],
      ["C4", "2025-01-05", "Acme", "27447", 1, 2000, 1500],
      ["C5", "2025-01-06", "Acme", "70551", 1, 400, 300],
      ["C6", "2025-01-07", "Acme", "70551", 1, 400, 300],
    ];
    openTab(new WorkbookSimulator(smallClaimsWorkbook(claims)).excel, "Benchmarks");
    const codes = screen.getByRole("textbox", { name: "Codes" });
    await waitFor(() => expect(codes).toHaveValue("27447, 70551, 99213"));

    fireEvent.change(screen.getByRole("combobox", { name: "Codes from the claims table" }), { target: { value: "volume" } }); // prettier-ignore

    await waitFor(() => expect(codes).toHaveValue("99213, 70551, 27447"));
  });

  it("asks for the codes to be typed when the workbook has no claims table", async () => {
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    expect(
      await screen.findByText("No claims table in this workbook: type the codes to benchmark."),
    ).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Codes" })).toHaveValue("");
  });
});

describeWithSharedData("the task pane's Benchmarks panel, reading and writing", () => {
  it("shows per file what was kept and what was skipped, and why", async () => {
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    choose(aHospitalFile(V3_TALL));
    typeCodes("70551 49505");

    const file = within(await read(1)).getByRole("listitem", { name: V3_TALL });

    // 70551 and 49505: two payers each (rows 4-7); every other payer charge is another code.
    expect(within(file).getByLabelText("Kept and skipped")).toHaveTextContent(/^4 rates kept\d+ skipped: other codes/);
    expect(file).toHaveTextContent("West Mercy Hospital · CSV tall, version 3.0.0");
  });

  it("reads a health plan's in-network file beside a hospital's, and writes the rates of both", async () => {
    const ticName = "in-network-rates-fee-for-service-single-plan-sample.json";
    const ticText = readSharedData(`price-transparency/tic/${ticName}`);
    const plan = await readTicInNetwork(ticText, { codes: new Set(["27447"]) });
    const hospital = await readHospitalMrf(readSharedData(`price-transparency/hospital-mrf/${V3_TALL}`), { filter: { codes: new Set(["27447"]) } }); // prettier-ignore
    if (!plan.ok || !hospital.ok) throw new Error("the example files must read");
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    choose(aHospitalFile(V3_TALL));
    fireEvent.change(screen.getByLabelText("Health plan in-network files"), { target: { files: [new File([ticText], ticName)] } }); // prettier-ignore
    typeCodes("27447");

    const list = await read(2);

    const planFile = within(list).getByRole("listitem", { name: ticName });
    expect(planFile).toHaveTextContent(`${plan.value.publisher} · TiC in-network JSON`);
    expect(within(planFile).getByLabelText("Kept and skipped")).toHaveTextContent(new RegExp(`^${plan.value.rates.length} rates kept`)); // prettier-ignore
    const total = plan.value.rates.length + hospital.value.rates.length;
    expect(screen.getByRole("button", { name: `Write ${total} rates` })).toBeEnabled();
  });

  it("reads a plan's file for the provider groups typed (a TIN), keeping only their rates", async () => {
    const ticName = "in-network-rates-fee-for-service-single-plan-sample.json";
    const ticText = readSharedData(`price-transparency/tic/${ticName}`);
    const codes = new Set(["27447"]);
    const all = await readTicInNetwork(ticText, { codes });
    const theirs = await readTicInNetwork(ticText, { codes, providerIds: new Set(["222222222"]) });
    if (!all.ok || !theirs.ok) throw new Error("the example file must read");
    expect(theirs.value.rates.length).toBeLessThan(all.value.rates.length);
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    fireEvent.change(screen.getByLabelText("Health plan in-network files"), { target: { files: [new File([ticText], ticName)] } }); // prettier-ignore
    typeCodes("27447");
    fireEvent.change(screen.getByRole("textbox", { name: "Providers (NPI or TIN)" }), { target: { value: "22-2222222" } }); // prettier-ignore

    const list = await read(1);

    const planFile = within(list).getByRole("listitem", { name: ticName });
    expect(within(planFile).getByLabelText("Kept and skipped")).toHaveTextContent(new RegExp(`^${theirs.value.rates.length} rates kept`)); // prettier-ignore
  });

  it("does not read while a provider entry is neither an NPI nor a TIN, and says what is expected", () => {
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    choose(aHospitalFile(V3_TALL));

    fireEvent.change(screen.getByRole("textbox", { name: "Providers (NPI or TIN)" }), { target: { value: "1234567890, 12345" } }); // prettier-ignore

    expect(screen.getByText('"12345": expected an NPI (10 digits) or a TIN (9 digits, like 12-3456789).')).toBeInTheDocument(); // prettier-ignore
    expect(screen.getByRole("button", { name: "Read 1 file" })).toBeDisabled();
  });

  it("says why a file is refused, and still reads the others", async () => {
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    choose(aHospitalFile(TEMPLATE), aHospitalFile(V3_TALL));
    typeCodes("70551");

    const list = await read(2);

    expect(within(list).getByRole("listitem", { name: TEMPLATE })).toHaveTextContent(
      /^.*Not readRow 3 is the blank CMS template: .* Nothing of this file is kept\.$/,
    );
    expect(within(list).getByRole("listitem", { name: V3_TALL })).toHaveTextContent("2 rates kept");
    expect(screen.getByRole("button", { name: "Write 2 rates" })).toBeEnabled();
  });

  it("lists a file's problems with their row and column, each charge skipped", async () => {
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    choose(aHospitalFile(V3_TALL, (text) => text.replace("PPO,,400,", "PPO,,four hundred,")));
    typeCodes("70551");

    const file = within(await read(1)).getByRole("listitem", { name: V3_TALL });

    const problems = within(file).getByRole("list", { name: "1 problem, each skipped" });
    expect(problems).toHaveTextContent(/^Row 4, column "standard_charge \| negotiated_dollar": "four hundred" is not/);
    expect(within(file).getByLabelText("Kept and skipped")).toHaveTextContent(/^1 rate kept/);
  });

  it("writes the Benchmarks table with each rate's % of Medicare at the chosen locality", async () => {
    const simulator = sampleWorkbook();
    openTab(simulator.excel, "Benchmarks");
    choose(aHospitalFile(V3_TALL));
    typeCodes("70551");
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Medicare locality" })).toHaveValue("04412-18"));
    await read(1);

    fireEvent.click(screen.getByRole("button", { name: "Write 2 rates" }));

    expect(await screen.findByText(/^Wrote 2 rates to table Benchmarks on sheet "Benchmark Rates"; 2 rates have a % of Medicare\.$/)).toBeInTheDocument(); // prettier-ignore
    expect(simulator.tables()).toContainEqual({ name: "Benchmarks", sheet: "Benchmark Rates", address: "A1:R3" });
  });

  it("writes over an earlier Benchmarks table only once the user confirms replacing its rows", async () => {
    const simulator = sampleWorkbook();
    openTab(simulator.excel, "Benchmarks");
    choose(aHospitalFile(V3_TALL));
    typeCodes("70551");
    await read(1);
    fireEvent.click(screen.getByRole("button", { name: "Write 2 rates" }));
    await screen.findByText("Done");
    typeCodes("70551 49505");
    await read(1);
    const write = await screen.findByRole("button", { name: "Write 4 rates" });
    const replace = await screen.findByRole("checkbox", { name: 'Replace the 2 rows of table Benchmarks on sheet "Benchmark Rates"' }); // prettier-ignore
    expect(write).toBeDisabled();

    fireEvent.click(replace);
    fireEvent.click(write);

    expect(await screen.findByText(/, replacing its 2 earlier rows;/)).toBeInTheDocument();
    expect(simulator.tables()).toContainEqual({ name: "Benchmarks", sheet: "Benchmark Rates", address: "A1:R5" });
  });

  it("stops reading on Cancel and keeps no rate of the files", async () => {
    openTab(new WorkbookSimulator({ sheets: [{ name: "Notes", cells: [["x"]] }] }).excel, "Benchmarks");
    choose(aHospitalFile(V3_TALL));
    const browsersReader = globalThis.FileReader;
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    // The browser reading the file slowly: it starts once the test lets it.
    globalThis.FileReader = class extends browsersReader {
      override readAsArrayBuffer(blob: Blob) {
        markStarted();
        void gate.then(() => super.readAsArrayBuffer(blob));
      }
    };
    try {
      fireEvent.click(screen.getByRole("button", { name: "Read 1 file" }));
      await act(async () => started);
      expect(screen.getByRole("progressbar", { name: "Reading the files" }).closest(".fui-Field")).toHaveTextContent(/^.*0 of [\d,]+ bytes/); // prettier-ignore
      fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
      await act(async () => release());

      const title = await screen.findByText("Cancelled");
      expect(title.parentElement).toHaveTextContent("Reading the files was cancelled: no rate of them is kept.");
      expect(screen.queryByRole("list", { name: "Files read" })).not.toBeInTheDocument();
    } finally {
      globalThis.FileReader = browsersReader;
    }
  });
});
