// Builds the front-end assets into static_build/dist (ignored by git; Django serves it as static files).
// Run with `npm run build`; `make run` and `make test` call it when the sources are newer than the output.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static_build", "dist");
const nm = join(root, "node_modules");
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "frontend", "scss", "app.scss"), {
  loadPaths: [root],
  style: "compressed",
  quietDeps: true,
  // The design systems warn about their own deprecated internals; show only warnings from our code.
  logger: {
    warn(message, options) {
      const where = options.span?.url?.pathname ?? "";
      const stack = options.stack ?? "";
      if (where.includes("node_modules") || stack.includes("node_modules")) return;
      console.warn(message);
    },
  },
});
writeFileSync(join(out, "app.css"), css.css);

const copies = [
  ["govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"],
  ["@ministryofjustice/frontend/moj/moj-frontend.min.js", "moj-frontend.min.js"],
  ["htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["../frontend/js/app.mjs", "app.mjs"],
  ["../frontend/images/favicon.svg", "favicon.svg"],
  ["govuk-frontend/dist/govuk/assets/images", "assets/images"],
  ["@ministryofjustice/frontend/moj/assets/images", "assets/images"],
];
for (const [from, to] of copies) {
  cpSync(join(nm, from), join(out, to), { recursive: true });
}
console.log(`front-end assets built in ${out}`);
