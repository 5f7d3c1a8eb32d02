// CI: every file a package.json script names must exist (a script that points at a missing file crashed
// `npm run db:migrate` once). Prints each script it checked; exits 1 naming the missing files.
import { existsSync, readFileSync } from "node:fs";

const { scripts } = JSON.parse(readFileSync("package.json", "utf8"));
const fileLike = /^(?:\.{0,2}\/)?[\w.@/-]+\.(?:[cm]?[jt]s|sh)$/;
const missing = [];
for (const [name, command] of Object.entries(scripts)) {
  const files = command.split(/\s+/).filter((token) => fileLike.test(token) && !token.startsWith("-"));
  for (const file of files) if (!existsSync(file)) missing.push(`${name}: ${file}`);
  console.log(`${files.every((file) => existsSync(file)) ? "ok     " : "MISSING"} ${name}${files.length ? ` (${files.join(", ")})` : ""}`);
}
if (missing.length) {
  console.error(`\npackage.json scripts name files that do not exist:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
