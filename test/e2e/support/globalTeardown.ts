/** Jest global teardown of the e2e project: stops the shared playground server. */
import type { PlaygroundServer } from "./playground";

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { playgroundServer?: PlaygroundServer }).playgroundServer?.stop();
}
