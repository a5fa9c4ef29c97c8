/** Jest global setup of the e2e project: one `npm start -- --playground` server for every browser test file. */
import { SHARED_PLAYGROUND_URL, startPlaygroundServer, type PlaygroundServer } from "./playground";

export default async function globalSetup(): Promise<void> {
  const server = await startPlaygroundServer();
  process.env[SHARED_PLAYGROUND_URL] = server.url;
  (globalThis as { playgroundServer?: PlaygroundServer }).playgroundServer = server;
}
