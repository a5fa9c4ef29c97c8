import { useState } from "react";
import { Button, Subtitle2 } from "@fluentui/react-components";
import { NEGOTIATION_INPUTS, type NegotiationInputs } from "../../engine";
import type { ClaimsField } from "../../excel/claims/claimsMapping";
import { DEFAULT_NEGOTIATION_INPUTS } from "../../excel/negotiation/negotiationSheetIssues";
import { OperationProgress } from "../progress/OperationProgress";
import { ClaimsSourceGroup, useClaimsMapping, useClaimsTables } from "../shared/ClaimsTablePicker";
import { TextField } from "../shared/fields";
import { Notice } from "../shared/Notice";
import { parsePercentInput } from "../uplift/upliftForm";
import { buildNegotiationSheetCommand, findNegotiationSheetCommand } from "./negotiationSheetCommands";
import { useConfirmedBuild } from "./useConfirmedBuild";

/** The claims columns the sheet's SUMIFS read, in the order the form asks about them. */
const SHEET_FIELDS: readonly ClaimsField[] = ["contractName", "hcpcsCode", "amount", "units"];

type InputKey = keyof NegotiationInputs;
const INPUT_KEYS = Object.keys(NEGOTIATION_INPUTS) as InputKey[];

/** What each input is, and its default, in the form's words. */
const HINTS = {
  alternativeFraction: "What an out-of-network claim or another payer would pay instead, as a % of this contract's amount. Default 70%.", // prettier-ignore
  keptShare: "The share of today's volume that would stay if the contract ended. Default 50%.",
  floor: "The least added revenue you accept before walking away. Default 2% (the uplift model's floor).",
  target: "What you aim to settle at. Default 4% (the uplift model's target).",
  opening: "Where you open, at the high end of the zone. Default 7%.",
  payerMax: "Leave blank to take it from the market's p75 per code (the Benchmarks table), or enter a percentage.",
} as const satisfies Record<InputKey, string>;

const asText = (fraction: number | null) => (fraction === null ? "" : String(Math.round(fraction * 1e6) / 1e4));

/** The inputs as typed, read into fractions; the first one that is not a number, by its label. */
function readInputs(texts: Readonly<Record<InputKey, string>>): NegotiationInputs | string {
  const read: Partial<Record<InputKey, number | null>> = {};
  for (const key of INPUT_KEYS) {
    const blankAllowed = key === "payerMax" && texts[key].trim() === "";
    const fraction = blankAllowed ? null : parsePercentInput(texts[key]);
    if (fraction === null && !blankAllowed) return `${NEGOTIATION_INPUTS[key].label}: enter a percentage like 5.`;
    read[key] = fraction;
  }
  return read as NegotiationInputs;
}

/**
 * The Negotiation sheet of the chosen contract (issue 17 item 1): the claims table and its columns, the BATNA and
 * position inputs with their defaults, and a button that builds the sheet, asking first when it would replace the
 * contract's earlier one.
 */
export function NegotiationSheetSection({ contractName }: { readonly contractName: string }) {
  const claims = useClaimsTables(/claim/i);
  const choice = useClaimsMapping(claims.table);
  const [texts, setTexts] = useState(
    () => Object.fromEntries(INPUT_KEYS.map((key) => [key, asText(DEFAULT_NEGOTIATION_INPUTS[key])])) as Record<InputKey, string>, // prettier-ignore
  );
  const { build, problem, setProblem, start, confirm } = useConfirmedBuild(findNegotiationSheetCommand, buildNegotiationSheetCommand); // prettier-ignore

  const onBuild = () => {
    const inputs = readInputs(texts);
    if (typeof inputs === "string" || choice.mapping === null) {
      setProblem(typeof inputs === "string" ? inputs : "Choose the claims table first.");
      return;
    }
    void start({ contractName, tableName: claims.tableName, mapping: choice.mapping, inputs, replace: false });
  };

  return (
    <>
      <Subtitle2 as="h3">Negotiation sheet</Subtitle2>
      <ClaimsSourceGroup
        name="Claims of the contract"
        tableLabel="Claims table"
        claims={claims}
        choice={choice}
        fields={SHEET_FIELDS}
        description="The sheet sums the lines whose contract column holds this contract's name, with SUMIFS over these columns."
      />
      {INPUT_KEYS.map((key) => (
        <TextField
          key={key}
          label={`${NEGOTIATION_INPUTS[key].label} (%)`}
          hint={HINTS[key]}
          value={texts[key]}
          onChange={(value) => setTexts({ ...texts, [key]: value })}
        />
      ))}
      {problem !== null && <Notice>{problem}</Notice>}
      <div>
        <Button
          appearance="primary"
          onClick={onBuild}
          disabled={build.state.status === "running" || choice.mapping === null || contractName === ""}
        >
          {buildNegotiationSheetCommand.label}
        </Button>
      </div>
      <OperationProgress
        state={build.state}
        onCancel={build.cancel}
        label="Building the Negotiation sheet"
        unit={null}
        resultSheets={(built) => [built.sheetName]}
      />
      {confirm}
    </>
  );
}
