/**
 * Request size: Excel on the web refuses a request whose payload exceeds 5 MB. The simulator estimates a
 * batch's payload as the UTF-8 JSON of its commands (values arrays included), which is how the add-in's
 * requests are serialised, so chunked writes can be tested against the same limit.
 */

/** Excel on the web's request payload limit. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 5 * 1024 * 1024;

const encoder = new TextEncoder();

/** Bytes of the JSON request for these commands. */
export function requestBytes(commands: readonly { location: string; payload: unknown }[]): number {
  return encoder.encode(JSON.stringify({ actions: commands })).length;
}
