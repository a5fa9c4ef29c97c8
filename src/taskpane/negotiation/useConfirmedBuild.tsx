import { useState, type ReactElement } from "react";
import type { ContractSheetState } from "../../excel/negotiation/contractSheets";
import { describeError } from "../describeError";
import { useExcelGateway } from "../ExcelGatewayContext";
import type { OperationCommand } from "../progress/operation";
import { useOperationCommand } from "../progress/useOperationCommand";
import { ConfirmReplace } from "../shared/ConfirmDelete";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** What a per-contract sheet's build takes: the contract, and whether the user confirmed replacing its sheet. */
interface ContractSheetRequest {
  readonly contractName: string;
  readonly replace: boolean;
}

/**
 * The build of a contract's own sheet from the pane (the Negotiation, Objections and brief sheets): the contract's
 * sheet is looked up first; a build that would replace it waits for the user to confirm in `confirm` (render it),
 * a first build starts at once. `problem` says why the lookup failed.
 */
export function useConfirmedBuild<Request extends ContractSheetRequest, Built>(
  find: TaskPaneCommand<{ readonly contractName: string }, ContractSheetState>,
  command: OperationCommand<Request, Built>,
) {
  const excel = useExcelGateway();
  const build = useOperationCommand(command);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<{ readonly request: Request; readonly sheetName: string } | null>(null);

  const start = async (request: Request) => {
    setProblem(null);
    try {
      const sheet = await find.run(excel, { contractName: request.contractName });
      if (sheet.kind === "built") setPending({ request, sheetName: sheet.sheetName });
      else void build.start(request);
    } catch (error) {
      setProblem(describeError(error, "reading"));
    }
  };

  const confirm: ReactElement = (
    <ConfirmReplace
      sheetName={pending?.sheetName ?? null}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        if (pending !== null) void build.start({ ...pending.request, replace: true });
        setPending(null);
      }}
    />
  );
  return { build, problem, setProblem, start, confirm };
}
