import { PanelSection } from "../shared/PanelSection";
import { AddendumBImport } from "./AddendumBImport";
import { DrgWeightsImport } from "./DrgWeightsImport";
import { WageIndexWrite } from "./WageIndexWrite";

/**
 * The hospital schedules panel (issue 14): CMS's MS-DRG weights and OPPS Addendum B imported into the registered
 * tables MsDrgWeights and OppsRates (each import replaces its own fiscal year's or quarter's rows, previewed first),
 * and the hospital's wage index written into its OutpatientTerms rows. One column, usable at 350 px.
 */
export function HospitalSchedulesPanel() {
  return (
    <PanelSection
      id="hospital"
      title="Hospital schedules"
      intro="Import the CMS tables hospital contracts are priced with, and set the hospital's wage index. Each import shows what it read before anything is written."
    >
      <DrgWeightsImport />
      <AddendumBImport />
      <WageIndexWrite />
    </PanelSection>
  );
}
