/**
 * The runtime entry of the PAYER custom functions (webpack's `functions` bundle; the playground and the tests import
 * it too): associates every function of the registry with Excel when it loads. The `CustomFunctions` global is
 * Excel's (or, in the playground and tests, the shim installed before this module loads). Excel's metadata for the
 * same functions is generated from declarations.ts at build time.
 */
import { associatePayerFunctions } from "./association";
import { PAYER_FUNCTIONS } from "./registry";

/** The PAYER functions as Excel calls them, by id (benchmarks and tests call them directly). */
export const excelFunctions = associatePayerFunctions(PAYER_FUNCTIONS, (id, implementation) =>
  CustomFunctions.associate(id, implementation),
);
