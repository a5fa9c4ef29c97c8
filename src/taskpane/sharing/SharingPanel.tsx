import { useEffect, useState } from "react";
import { Button, Caption1, Checkbox, Text } from "@fluentui/react-components";
import { OperationProgress } from "../progress/OperationProgress";
import { useOperationCommand } from "../progress/useOperationCommand";
import { PanelSection } from "../shared/PanelSection";
import { usePanelStyles } from "../shared/panelStyles";
import { useCommand } from "../useCommand";
import { FreezeGroup } from "./FreezeGroup";
import { PortfolioGroup } from "./PortfolioGroup";
import { buildPortfolioCommand, freezeCommand, listSharingSheets, repairCommand } from "./sharingCommands";

/**
 * The Sharing panel: everything for sending a workbook to people without the add-in. Builds the contract portfolio
 * summary (native formulas and charts only), freezes PAYER formulas into values after showing what will change, and
 * repairs PAYER formulas that show #NAME? after the workbook was opened without the add-in.
 */
export function SharingPanel() {
  const styles = usePanelStyles();
  const build = useOperationCommand(buildPortfolioCommand);
  const freeze = useOperationCommand(freezeCommand);
  const repair = useOperationCommand(repairCommand);
  const [restoreFrozen, setRestoreFrozen] = useState(false);
  const [sheets, refreshSheets] = useCommand(listSharingSheets);
  // Each operation may add or remove sheets: list them again whenever one starts or ends.
  useEffect(() => {
    void refreshSheets();
  }, [refreshSheets, build.state.status, freeze.state.status, repair.state.status]);

  return (
    <PanelSection
      id="sharing"
      title="Sharing"
      introSize={200}
      intro="For workbooks you send to people who do not have the add-in: a portfolio summary in plain Excel, PAYER formulas frozen into values, and formulas repaired after the workbook was opened without the add-in."
    >
      <PortfolioGroup build={build} />
      <FreezeGroup sheets={sheets.status === "succeeded" ? sheets.result : []} freeze={freeze} />

      <div className={styles.group} role="group" aria-label="Repair formulas">
        <Text className={styles.legend}>Repair formulas</Text>
        <Caption1 className={styles.muted}>
          A PAYER formula shows #NAME? when the workbook was opened or edited where the add-in was not loaded, and Excel
          keeps that result. Repair enters those formulas again so they calculate.
        </Caption1>
        <Checkbox
          label="Also restore the frozen cells' formulas"
          checked={restoreFrozen}
          onChange={(_, d) => setRestoreFrozen(d.checked === true)}
        />
        <div className={styles.row}>
          <Button
            onClick={() => void repair.start({ sheetNames: null, restoreFrozen })}
            disabled={repair.state.status === "running"}
          >
            Repair formulas
          </Button>
        </div>
        <OperationProgress state={repair.state} onCancel={repair.cancel} label="Repairing" unit={null} />
      </div>
    </PanelSection>
  );
}
