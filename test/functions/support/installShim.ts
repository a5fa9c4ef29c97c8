// Imported first by function tests: functions.ts calls CustomFunctions.associate when it loads, as it does in Excel.
import { installCustomFunctionsShim } from "../../../src/playground/customFunctionsShim";

/** The functions associated through the shim, by id. */
export const associated = installCustomFunctionsShim();
