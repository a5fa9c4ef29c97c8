// One add-in page (task pane + custom functions + ribbon commands, sharing one runtime) and the playground page.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
// Where the built add-in is hosted in production; override with ADDIN_PRODUCTION_URL at build time.
const PRODUCTION_URL = process.env.ADDIN_PRODUCTION_URL || "https://addin.payercontracts.example/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Content-Security-Policy for our pages: our own files, office.js from Microsoft's CDN, nothing else. */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
    // Fluent UI (Griffel) injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    dev ? "connect-src 'self' ws://localhost:* wss://localhost:*" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * A chunk of the add-in page: its two entries, and the chunks of the task pane's tabs it fetches when a tab first
 * opens (shared with the playground, which renders the same task pane; the playground's own chunks are not).
 */
function isAddinPageChunk(chunk) {
  if (chunk.name === "functions" || chunk.name === "taskpane") return true;
  return (
    !chunk.canBeInitial() &&
    [...chunk.groupsIterable].some((group) =>
      [...group.parentsIterable].some((parent) => parent.chunks.some((c) => c.name === "taskpane")),
    )
  );
}

// Only honoured as an HTTP header (a <meta> policy may not carry it): who may frame our pages.
const FRAME_ANCESTORS =
  "frame-ancestors https://*.officeapps.live.com https://*.office.com https://*.microsoft.com 'self'";

/**
 * `env.https`: serve over https with the Office dev certificates (sideloading into Excel needs it; the start script
 * asks for it only on Windows and macOS, where office-addin-dev-certs can install them).
 * `env.playgroundOnly`: build just the playground page, for a faster `npm start` on Linux and the browser tests.
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const csp = contentSecurityPolicy(dev);
  const httpsOptions = env.https ? await require("office-addin-dev-certs").getHttpsServerOptions() : undefined;
  const addinPages = !env.playgroundOnly;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      ...(addinPages && { functions: "./src/functions/functions.ts", taskpane: "./src/taskpane/index.tsx" }),
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks (the task pane's tabs, the playground's xlsx and chart code) sit beside the pages that load them, so
      // they resolve against the page's own address. Webpack's "auto" derives it from document.currentScript, which a
      // script run another way (the manifest test's jsdom, a host evaluating it) does not have: it then throws at load.
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        { test: /\.(csv|txt)$/, type: "asset/source" },
        { test: /\.(png|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    // The add-in page loads the functions and the task pane bundles together (one shared runtime): the code both use
    // (the engine, zod, decimal.js) goes into one chunk, downloaded and parsed once (issue 20 item 4). Each entry keeps
    // its own webpack runtime, so each still has its own module instances, as when they were two separate files.
    optimization: {
      // Used exports analysed over both entries together: per entry, a module both use (the engine's index) differs
      // in what each uses and is kept in both bundles instead of the shared chunk.
      usedExports: "global",
      splitChunks: {
        cacheGroups: {
          addinShared: {
            name: "addin-shared",
            chunks: isAddinPageChunk,
            // What the functions use and the task pane too, at once or in a tab's chunk fetched later: a tab's
            // chunk would otherwise carry its own copy of zod and the engine, which functions.js already loaded.
            test: (module, { chunkGraph }) => {
              const chunks = [...chunkGraph.getModuleChunksIterable(module)];
              return (
                chunks.some((chunk) => chunk.name === "functions") &&
                chunks.some((chunk) => chunk.name !== "functions" && isAddinPageChunk(chunk))
              );
            },
            enforce: true,
          },
        },
      },
    },
    plugins: [
      ...(addinPages
        ? [
            new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/declarations.ts" }),
            new HtmlWebpackPlugin({
              filename: "taskpane.html",
              template: "./src/taskpane/taskpane.html",
              chunks: ["functions", "taskpane"],
              templateParameters: { csp, officeJs: OFFICE_JS },
            }),
          ]
        : []),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
        templateParameters: { csp: contentSecurityPolicy(true).replace(" https://appsforoffice.microsoft.com", "") },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PRODUCTION_URL)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": `${csp}; ${FRAME_ANCESTORS}` },
      port: env.port ? Number(env.port) : 3000,
      host: "localhost",
      server: httpsOptions ? { type: "https", options: httpsOptions } : "http",
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
      open: false,
    },
  };
};
