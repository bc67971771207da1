// ESLint flat config: typescript-eslint's type-checked rules plus the Pulumi plugin's rules,
// enabled explicitly, for the program and the policy pack.
import pulumi from "@pulumi/eslint-plugin";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // scripts/register.js is plain JavaScript in no tsconfig (the loader that runs the TypeScript).
  { ignores: ["node_modules/**", "bin/**", "policy/node_modules/**", "eslint.config.mjs", "scripts/register.js"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // The layout holds: no import cycles (a cycle once made the program crash at load time while
    // tsc stayed green), and a component never reaches into the config contract, the stack-wide
    // code or the offline plan, so that each can be built and tested from literal arguments.
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: "./components",
              from: ["./config", "./stack", "./plan", "./index.ts", "./scripts", "./tests"],
              message: "a component takes its settings as arguments: it never imports config/, stack/ or plan/",
            },
            {
              target: ["./config", "./stack"],
              from: ["./plan", "./scripts", "./tests"],
              message: "the program never imports the offline plan or the tests",
            },
            {
              // The policy pack is published alone (`pulumi policy publish` packs only policy/):
              // nothing under policy/ may import a file outside it; npm packages are fine.
              target: "./policy",
              from: "./",
              except: ["./policy", "./node_modules"],
              message: "The policy pack is published alone: import only npm packages and files under policy/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests use chai's property assertions (`.to.be.true` style is avoided, but `expect(x).to.equal`
    // chains are expressions mocha evaluates for their side effect).
    files: ["tests/**/*.ts", "policy/tests/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-expressions": "off" },
  },
);
