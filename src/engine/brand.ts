declare const brandTag: unique symbol;

/**
 * A nominal ("branded") type: `Brand<string, "HcpcsCode">` is a string at run time, but the compiler refuses a plain
 * string or another brand where it is expected, so a modifier can never be passed as a code by mistake.
 */
export type Brand<Base, Name extends string> = Base & { readonly [brandTag]: Name };
