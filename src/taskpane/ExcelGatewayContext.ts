import { createContext, useContext } from "react";
import { hostExcel, type ExcelGateway } from "../excel/core/excelGateway";

/**
 * The Excel the task pane's commands talk to. Inside Office this is the host's `Excel`; the playground and the
 * component tests provide the workbook simulator's. Read lazily: office.js defines `Excel` only once loaded.
 */
export const ExcelGatewayContext = createContext<ExcelGateway>({ run: (batch) => hostExcel().run(batch) });

/** The gateway that commands run by this component should use. */
export function useExcelGateway(): ExcelGateway {
  return useContext(ExcelGatewayContext);
}
