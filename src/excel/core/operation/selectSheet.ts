import type { ExcelGateway } from "../excelGateway";

/**
 * Brings an operation's result into view: activates the sheet of that name (Excel matches names without regard to
 * case). False, with nothing changed, when no visible sheet has the name any more (deleted or hidden since).
 *
 * @example if (!(await selectSheet(excel, "Claims Variance"))) show("That sheet is no longer in the workbook.");
 */
export async function selectSheet(excel: ExcelGateway, sheetName: string): Promise<boolean> {
  return excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName).load("visibility");
    await context.sync();
    if (sheet.isNullObject || sheet.visibility !== "Visible") return false;
    sheet.activate();
    await context.sync();
    return true;
  });
}
