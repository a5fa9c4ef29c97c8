#!/usr/bin/env node
// `npm start`: sideload into desktop Excel where Office runs (Windows, macOS); on Linux, or with `--playground`,
// serve the playground (the real task pane and functions against the workbook simulator) and print its URL.
//   npm start                      Excel desktop on Windows/macOS, playground on Linux
//   npm start -- --playground      playground anywhere      (--port <n>: port, 0 picks a free one; default 3000,
//                                  or the next free one when 3000 is taken)
//   npm start -- --web             Excel on the web (Windows/macOS; see README for the document URL)
const { spawn } = require("child_process");
const net = require("net");
const path = require("path");

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};

/** Listens on `port` (0: any free one) for a moment: the port it got, or null when that port is taken. */
function tryPort(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error) => (error.code === "EADDRINUSE" ? resolve(null) : reject(error)));
    server.listen(port, "localhost", () => {
      const { port: got } = server.address();
      server.close(() => resolve(got));
    });
  });
}

/** 3000, else the next free port up to 3010, else any free one; the user is told when it is not 3000. */
async function defaultPort() {
  for (let port = 3000; port <= 3010; port++) {
    if ((await tryPort(port)) !== null) {
      if (port !== 3000) console.log(`Port 3000 is in use: serving on ${port} instead.`);
      return port;
    }
  }
  const any = await tryPort(0);
  console.log(`Ports 3000-3010 are in use: serving on ${any} instead.`);
  return any;
}

async function servePlayground() {
  const requested = option("port");
  const port = requested === undefined ? await defaultPort() : Number(requested) || (await tryPort(0));
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = await require(path.join(__dirname, "..", "webpack.config.js"))(
    { playgroundOnly: true },
    { mode: "development" },
  );
  config.infrastructureLogging = { level: "warn" };
  config.stats = "errors-warnings";
  const compiler = webpack(config);
  let announced = false;
  compiler.hooks.done.tap("announce-playground", (stats) => {
    if (stats.hasErrors()) {
      console.error("The playground failed to build; fix the errors above (the server keeps watching).");
    } else if (!announced) {
      announced = true;
      console.log(`Playground: http://localhost:${port}/playground.html`);
    }
  });
  const server = new WebpackDevServer({ ...config.devServer, port }, compiler);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await server.start();
}

function sideload() {
  // office-addin-debugging starts `npm run dev-server` (https with the Office dev certificates) and sideloads the
  // manifest. The certificate installer is only ever reached on Windows/macOS, where it can run.
  const target = flag("web") ? "web" : "desktop";
  const cli = path.join(__dirname, "..", "node_modules", "office-addin-debugging", "cli.js");
  const child = spawn(process.execPath, [cli, "start", "manifest.xml", target], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 1));
}

const canSideload = process.platform === "win32" || process.platform === "darwin";
if (flag("playground") || !canSideload) {
  if (!flag("playground")) console.log("Excel cannot run on this system: serving the playground instead.");
  servePlayground().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  sideload();
}
