#!/usr/bin/env node
// Runs the compiled CLI, dist/rapport.cjs (built at `npm install` by `prepare`). In a checkout, where src/ sits
// beside it, dist/ is rebuilt first if any source is newer, so edited code never runs stale; an installed package
// has no src/. Node 20 has no compile cache for modules, so the bundle runs as a vm.Script with V8's code cache
// beside it (one file per Node version): parsing and compiling ~1 MB of JavaScript is most of a cold start.
// Node's built-in modules come from process.getBuiltinModule rather than `import`: an import of node:fs builds an
// ES module view of it, reading every export, which loads the file streams and more that `today` never uses.
const { existsSync, readFileSync, writeFileSync } = process.getBuiltinModule('node:fs');
const Module = process.getBuiltinModule('node:module');
const { fileURLToPath } = process.getBuiltinModule('node:url');
const vm = process.getBuiltinModule('node:vm');

if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { buildCli, cliBuildIsStale } = await import('../scripts/build.mjs');
  if (cliBuildIsStale()) {
    process.stderr.write('rapport: sources changed since the last build; rebuilding dist/ (npm run build)\n');
    await buildCli();
  }
}

// `rapport --help`, `rapport contact add --help`: the page the build took from commander (dist/help.json), when the
// words before --help name a command and the output is a pipe or an 80-column terminal as it was written for.
// Anything else (another width, an argument, an option) goes to commander itself.
if (!printedHelpPage(process.argv.slice(2))) runBundle();

function printedHelpPage(args) {
  if (!(args.at(-1) === '--help' || args.at(-1) === '-h') || (process.stdout.isTTY && process.stdout.columns !== 80)) return false;
  const helpFile = new URL('../dist/help.json', import.meta.url);
  if (!existsSync(helpFile)) return false;
  const { pages } = JSON.parse(readFileSync(helpFile, 'utf8'));
  const path = args.slice(0, -1).join(' ');
  if (!Object.hasOwn(pages, path)) return false;
  // `rapport --help | head -1`: the reader leaving early is not a failure.
  process.stdout.on('error', (error) => { if (error.code !== 'EPIPE') throw error; });
  process.stdout.write(pages[path]);
  return true;
}

function runBundle() {
  const bundle = fileURLToPath(new URL('../dist/rapport.cjs', import.meta.url));
  if (!existsSync(bundle)) {
    process.stderr.write(`rapport: ${bundle} is missing; build it with \`npm run build\` (npm install does it)\n`);
    process.exit(1);
  }
  const cacheFile = `${bundle}.${process.version}-${process.arch}.v8cache`;
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const main = new Module(bundle, null);
  main.filename = bundle;
  main.paths = Module._nodeModulePaths(fileURLToPath(new URL('../dist/', import.meta.url)));
  const require = (id) => main.require(id);
  require.resolve = (id) => Module._resolveFilename(id, main);
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the command has run, so the cache holds the functions it compiled too. A package installed read-only
    // simply runs without one.
    process.once('beforeExit', () => {
      try {
        writeFileSync(cacheFile, script.createCachedData());
      } catch { /* not writable: start-up stays uncached */ }
    });
  }
  script.runInThisContext()(main.exports, require, main, bundle, fileURLToPath(new URL('../dist/', import.meta.url)));
}
