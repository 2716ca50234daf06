// Builds the web components into the ES module bundles the Python package ships.
//
//   node build.mjs           write src/motorpool/apps/static/ui/ (commit the result)
//   node build.mjs --check   build into memory and fail if it differs from what is committed
//
// Entry points: every domain's `web/index.js` (one bundle per domain, e.g. /ui/vehicles.js),
// the platform's `web/index.js` (/ui/platform.js: client, i18n, theme) and every app's
// `<app>.js` under src/motorpool/apps/<app>/. Code they share (Lit, the platform base) is
// split into chunks, so a page loading several domains loads Lit once. The build is
// deterministic: exact versions in package-lock.json, sorted entries, content-hashed chunks,
// no timestamps or absolute paths in the output.
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(root, "src", "motorpool");
const outdir = join(pkg, "apps", "static", "ui");

function entryPoints() {
  const entries = {};
  const platform = join(pkg, "platform", "web", "index.js");
  if (existsSync(platform)) entries.platform = platform;
  for (const domain of readdirSync(join(pkg, "domains")).sort()) {
    const index = join(pkg, "domains", domain, "web", "index.js");
    if (existsSync(index)) entries[domain] = index;
  }
  // booking's mobility components (vehicle search, my bookings) ship beside booking.js
  const mobility = join(pkg, "domains", "booking", "web", "mobility.js");
  if (existsSync(mobility)) entries["booking-mobility"] = mobility;
  for (const app of readdirSync(join(pkg, "apps")).sort()) {
    const script = join(pkg, "apps", app, `${app}.js`);
    if (existsSync(script)) entries[app] = script;
  }
  return entries;
}

async function bundle() {
  const result = await build({
    entryPoints: entryPoints(),
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2021",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    chunkNames: "chunks/[name]-[hash]",
    outdir,
    absWorkingDir: root,
    nodePaths: [join(root, "web", "node_modules")],
    alias: { "@motorpool/platform": join(pkg, "platform", "web", "index.js") },
    write: false,
    logLevel: "warning",
  });
  const files = new Map();
  for (const file of result.outputFiles) {
    files.set(relative(outdir, file.path).split("\\").join("/"), file.contents);
  }
  return files;
}

function committed() {
  const files = new Map();
  if (!existsSync(outdir)) return files;
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith(".js"))
        files.set(relative(outdir, path).split("\\").join("/"), readFileSync(path));
    }
  };
  walk(outdir);
  return files;
}

const built = await bundle();
if (process.argv.includes("--check")) {
  const shipped = committed();
  const problems = [];
  for (const [name, contents] of built) {
    const have = shipped.get(name);
    if (!have) problems.push(`missing: ${name}`);
    else if (Buffer.compare(Buffer.from(contents), have) !== 0) problems.push(`differs: ${name}`);
  }
  for (const name of shipped.keys()) if (!built.has(name)) problems.push(`stale: ${name}`);
  if (problems.length) {
    console.error("The shipped UI bundles do not match their sources (run `make ui`):");
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`UI bundles match their sources (${built.size} files).`);
} else {
  rmSync(outdir, { recursive: true, force: true });
  for (const [name, contents] of built) {
    const path = join(outdir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }
  console.log(`Wrote ${built.size} files to ${relative(root, outdir)}/`);
}
