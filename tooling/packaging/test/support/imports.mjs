// Imports each specifier given on the command line, from the current folder's node_modules, with plain
// Node.js (no loader, no TypeScript), and prints what each exports or why it failed, as JSON.
const results = {};
for (const specifier of process.argv.slice(2)) {
  try {
    results[specifier] = { names: Object.keys(await import(specifier)).sort() };
  } catch (error) {
    results[specifier] = { error: `${error.code ?? error.name}: ${error.message.split("\n")[0]}` };
  }
}
console.log(JSON.stringify(results));
