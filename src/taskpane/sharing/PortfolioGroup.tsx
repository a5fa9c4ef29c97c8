import { useState } from "react";
import { Button, Caption1, Text } from "@fluentui/react-components";
import { CLAIMS_FIELD_SPECS, type ClaimsMapping } from "../../excel/claims/claimsMapping";
import { DEFAULT_PORTFOLIO_SHEET_NAME, type BuiltPortfolio, type PortfolioRequest } from "../../excel/sharing";
import { DEFAULT_SCENARIOS } from "../../excel/upliftModel";
import { OperationProgress } from "../progress/OperationProgress";
import type { CancellableOperation } from "../progress/useCancellableOperation";
import { ClaimsTableSelect, useClaimsMapping, useClaimsTables } from "../shared/ClaimsTablePicker";
import { CompactFieldRow, TextField } from "../shared/fields";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { parsePercentInput, parseTopNInput } from "../uplift/upliftForm";

const DEFAULT_SCENARIO = DEFAULT_SCENARIOS[0]!;
const STEPS = { one: "step", many: "steps" };

/** The portfolio form turned into a request, or the first thing to fix. */
function toPortfolioRequest(form: {
  tableName: string;
  mapping: ClaimsMapping | null;
  uplift: string;
  topN: string;
  sheetName: string;
}): PortfolioRequest | string {
  if (form.tableName === "" || form.mapping === null) return "Pick the claims table first.";
  if (form.mapping.contractName === null) {
    return `Table ${form.tableName} has no column mapped as the contract: confirm its columns on the Uplift model tab.`;
  }
  const upliftFraction = parsePercentInput(form.uplift);
  if (upliftFraction === null) return "Give the uplift to model in percent, like 5.";
  const topN = parseTopNInput(form.topN);
  if (topN === "invalid") return "Top N must be a whole number of 1 or more, or blank for all codes.";
  const percent = form.uplift.trim().replace(/%$/, "");
  return {
    tableName: form.tableName,
    mapping: form.mapping,
    scenario: {
      kind: "percent",
      name: topN === null ? `${percent}% across the board` : `${percent}% on top ${topN}`,
      upliftFraction,
      topN,
      rankBy: "revenue",
      overrides: [],
    },
    capAtBilled: form.mapping.chargeAmount !== null,
    sheetName: form.sheetName,
  };
}

/**
 * The Sharing panel's portfolio summary: the claims table (its mapping as confirmed on the Uplift model tab), the
 * uplift to model, the sheet's name, and the build with progress in steps and Cancel.
 */
export function PortfolioGroup({ build }: { readonly build: CancellableOperation<PortfolioRequest, BuiltPortfolio> }) {
  const styles = usePanelStyles();
  const claims = useClaimsTables(/claim/i);
  const { tableName } = claims;
  const { mapping } = useClaimsMapping(claims.table);
  const [uplift, setUplift] = useState(String(DEFAULT_SCENARIO.upliftFraction * 100));
  const [topN, setTopN] = useState(DEFAULT_SCENARIO.topN === null ? "" : String(DEFAULT_SCENARIO.topN));
  const [sheetName, setSheetName] = useState(DEFAULT_PORTFOLIO_SHEET_NAME);
  const [problem, setProblem] = useState<string | null>(null);
  const onBuild = () => {
    const request = toPortfolioRequest({ tableName, mapping, uplift, topN, sheetName });
    setProblem(typeof request === "string" ? request : null);
    if (typeof request !== "string") void build.start(request);
  };

  return (
    <div className={styles.group} role="group" aria-label="Portfolio summary">
      <Text className={styles.legend}>Contract portfolio summary</Text>
      <Caption1 className={styles.muted}>
        One row per contract: revenue, modeled uplift, denial rates, recoverable underpayments and renewal deadlines,
        with charts by payer.
      </Caption1>
      <ClaimsTableSelect
        label="Claims table"
        tables={claims.tableList}
        tableName={tableName}
        onChange={claims.setTableName}
      />
      {mapping !== null && (
        <Caption1 className={styles.muted}>
          {CLAIMS_FIELD_SPECS.contractName.label}: {mapping.contractName ?? "(none)"};{" "}
          {CLAIMS_FIELD_SPECS.amount.label.toLowerCase()}: {mapping.amount ?? "(none)"};{" "}
          {CLAIMS_FIELD_SPECS.adjustmentCodes.label.toLowerCase()}: {mapping.adjustmentCodes ?? "(none)"}
        </Caption1>
      )}
      <CompactFieldRow
        width="grow"
        fields={[
          { label: "Uplift %", value: uplift, onChange: setUplift },
          { label: "Top N (blank: all)", value: topN, onChange: setTopN },
        ]}
      />
      <TextField label="Summary sheet name" value={sheetName} onChange={setSheetName} />
      {problem !== null && <Notice>{problem}</Notice>}
      <div className={styles.row}>
        <Button appearance="primary" onClick={onBuild} disabled={build.state.status === "running" || mapping === null}>
          Build portfolio summary
        </Button>
      </div>
      <OperationProgress state={build.state} onCancel={build.cancel} label="Building the summary" unit={STEPS} />
    </div>
  );
}
