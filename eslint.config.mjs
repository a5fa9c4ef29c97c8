// Lint: TypeScript rules, the Office add-in rules (reads before sync, syncs in loops), and the layering of
// ARCHITECTURE.md section 2 enforced with no-restricted-imports.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const officeRules = Object.fromEntries(
  [
    "call-sync-before-read",
    "load-object-before-read",
    "call-sync-after-load",
    "no-context-sync-in-loop",
    "no-empty-load",
    "no-navigational-load",
    "no-office-initialize",
    "test-for-null-using-isNullObject",
  ].map((rule) => [`office-addins/${rule}`, "error"]),
);

/** Globals of the Office host and the browser: the engine and the parsers run anywhere (ARCHITECTURE.md section 2). */
const HOST_GLOBALS = [
  "Excel",
  "Office",
  "OfficeExtension",
  "CustomFunctions",
  "document",
  "window",
  "navigator",
  "localStorage",
].map((name) => ({
  name,
  message: "src/engine and src/formats run without Office and the DOM (ARCHITECTURE.md section 2).",
}));

const LAYERING = "Breaks the layering of ARCHITECTURE.md section 2.";
const layered = (group) => ({ group: [group], message: LAYERING });

/** The user interface: only the task pane and the playground draw. */
const UI = ["**/taskpane/**", "**/playground/**", "react", "react-dom", "@fluentui/*"];

/** The simulator's formula engine and the .xlsx library: the playground's, never in the add-in's bundles. */
const PLAYGROUND_LIBRARIES = ["hyperformula", "exceljs"];

/** The engine imports nothing of ours outside itself. */
const noImports = (...groups) => ({
  "no-restricted-imports": ["error", { patterns: groups.map(layered) }],
});

/** Outside the engine, its public entry point only: `src/engine/index.ts` (ARCHITECTURE.md section 2). */
const ENGINE_ENTRY = {
  group: ["**/engine/*"],
  message: "Import the engine through its public entry point, src/engine/index.ts (ARCHITECTURE.md section 2).",
};

const forbid = (...groups) => ({
  "no-restricted-imports": ["error", { patterns: [...groups.map(layered), ENGINE_ENTRY] }],
});

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/engine/**", "src/formats/**"],
    rules: { "no-restricted-globals": ["error", ...HOST_GLOBALS] },
  },
  {
    files: ["src/playground/**", "bench/**", "scripts/**"],
    rules: forbid(),
  },
  {
    files: ["src/engine/**"],
    rules: noImports("**/formats/**", "**/functions/**", "**/excel/**", ...UI),
  },
  {
    files: ["src/formats/**"],
    rules: forbid("**/functions/**", "**/excel/**", ...UI),
  },
  {
    files: ["src/functions/**"],
    rules: forbid("**/formats/**", ...UI, ...PLAYGROUND_LIBRARIES),
  },
  {
    files: ["src/excel/**"],
    rules: forbid("**/functions/**", ...UI, ...PLAYGROUND_LIBRARIES),
  },
  { files: ["src/taskpane/**"], rules: forbid("**/playground/**", ...PLAYGROUND_LIBRARIES) },
  {
    // The command-line tool runs in Node, without Office.js: of src/excel it may import only the pure table specs and
    // their parsing (the registry's public entry, the column dictionary, the claims columns).
    files: ["src/cli/**"],
    rules: {
      ...Object.fromEntries(Object.keys(officeRules).map((rule) => [rule, "off"])),
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "/excel/(?!registry$|registry/columnDictionary$|claims/claimsColumns$)",
              message: "src/cli reads only the pure table specs of src/excel (ARCHITECTURE.md section 2).",
            },
            ...["**/functions/**", ...UI, "hyperformula"].map(layered),
            ENGINE_ENTRY,
          ],
        },
      ],
    },
  },

  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs", "scripts/**", "test/**"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
