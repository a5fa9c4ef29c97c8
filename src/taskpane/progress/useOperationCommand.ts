import { useCallback } from "react";
import { useExcelGateway } from "../ExcelGatewayContext";
import type { Operation, OperationCommand } from "./operation";
import { useCancellableOperation, type CancellableOperation } from "./useCancellableOperation";

/**
 * Runs a long command against the pane's Excel with the progress UI's controls: `start(input)` runs it with progress
 * and Cancel, and the state says how it ended in the command's own words.
 *
 * @example const build = useOperationCommand(buildUpliftModelCommand); // then build.start(request), build.cancel()
 */
export function useOperationCommand<Input, Output>(
  command: OperationCommand<Input, Output>,
): CancellableOperation<Input, Output> {
  const excel = useExcelGateway();
  const operation = useCallback<Operation<Input, Output>>(
    (input, controls) => command.run(excel, { ...input, ...controls }),
    [excel, command],
  );
  return useCancellableOperation(operation);
}
