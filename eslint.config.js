import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

const noMathRandom = {
  "no-restricted-properties": [
    "error",
    { object: "Math", property: "random", message: "Randomness is an argument: use an Rng from engine/rng." },
  ],
};

export default defineConfig(
  { ignores: ["dist/**", ".astro/**", "node_modules/**", "reports/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["engine/**/*.ts"],
    rules: {
      ...noMathRandom,
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "performance", "requestAnimationFrame"].map(
          (name) => ({ name, message: "engine/ is pure: no DOM or browser globals." }),
        ),
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["preact", "preact/*", "@observablehq/*", "astro", "astro/*"],
              message: "engine/ imports no UI.",
            },
            {
              group: ["../widgets/*", "../src/*", "../../widgets/*", "../../src/*"],
              message: "engine/ imports nothing outside engine/.",
            },
          ],
        },
      ],
    },
  },
  { files: ["widgets/**/*.{ts,tsx}"], rules: noMathRandom },
);
