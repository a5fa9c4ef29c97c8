// The playground must feel instant on the sample workbook: building the simulator from it and recalculating a
// typed edit (no budget in ARCHITECTURE.md s.9; figures for the record).
import { WorkbookSimulator } from "../src/playground/simulator";
import { buildSampleWorkbook } from "../src/playground/sample/sampleWorkbook";
import { measure } from "./measure";

const snapshot = buildSampleWorkbook();
measure("build the sample workbook snapshot (seeded generator)", () => buildSampleWorkbook(), { runs: 5 });
measure("WorkbookSimulator from the sample workbook", () => new WorkbookSimulator(snapshot), { runs: 5 });
const simulator = new WorkbookSimulator(snapshot);
let workRvu = 1;
measure(
  "type a Work RVU into Medicare 2025!E2, read its rate formula",
  () => {
    simulator.setCellInput("Medicare 2025", 1, 4, String((workRvu += 0.01).toFixed(2)));
    return simulator.cell("Medicare 2025", 1, 18).value;
  },
  { runs: 15 },
);
