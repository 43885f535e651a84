// `npm run check:package` (and CI): packs Rapport as npm would publish it, installs the tarball globally into a fresh
// prefix, and runs the installed `rapport` from another folder: --version, demo, today, and serve answering on a
// port. Prints one line per step; exits 1 at the first failure. Plain JavaScript: it tests the package, not src/.
// RAPPORT_PACKAGE_REUSE_SQLITE=1 installs without install scripts and copies this checkout's compiled SQLite driver
// in (same Node), saving the driver's 2-minute compile; CI uses it, its other steps compile the driver anyway.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build.mjs';

const work = mkdtempSync(join(tmpdir(), 'rapport-package-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
mkdirSync(elsewhere);
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const env = { ...process.env, RAPPORT_DB: join(elsewhere, 'rapport.db'), NO_COLOR: '1', PATH: `${join(prefix, 'bin')}:${process.env.PATH}` };
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function step(name, run) {
  const t = performance.now();
  try {
    const detail = run();
    console.log(`package: ok    ${name} (${seconds(t)})${detail ? `: ${detail}` : ''}`);
  } catch (e) {
    console.log(`package: FAIL  ${name}: ${e instanceof Error ? e.message : String(e)}`);
    if (e && typeof e === 'object' && 'stderr' in e && e.stderr) console.log(String(e.stderr).trim().split('\n').slice(-15).join('\n'));
    process.exitCode = 1;
    throw e;
  }
}

const sh = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
const rapport = (...args) => sh('rapport', args, { cwd: elsewhere, env });

async function serveAnswers() {
  const child = spawn('rapport', ['serve', '--port', '0'], { cwd: elsewhere, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within 30 s; stderr: ${err}`)), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    const page = await fetch(url);
    const html = await page.text();
    if (page.status !== 200 || !/<div id="root">|<script/i.test(html)) throw new Error(`GET / gave ${page.status}`);
    const api = await fetch(`${url}/api/openapi.json`);
    if (api.status !== 200) throw new Error(`GET /api/openapi.json gave ${api.status}`);
    return `${url} serves the web app and the API`;
  } finally {
    child.kill('SIGTERM');
  }
}

try {
  let tarball = '';
  step('npm pack', () => {
    const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT }));
    tarball = join(work, packed[0].filename);
    const files = packed[0].files.map((f) => f.path);
    for (const needed of ['bin/rapport.js', 'dist/rapport.cjs', 'dist/help.json', 'web/dist/index.html']) if (!files.includes(needed)) throw new Error(`${needed} is missing from the tarball`);
    const stray = files.filter((f) => /^(src|tests|bench|scripts)\//.test(f));
    if (stray.length) throw new Error(`the tarball carries sources: ${stray.slice(0, 5).join(', ')}`);
    return `${packed[0].filename}, ${files.length} files, ${(packed[0].size / 1024).toFixed(0)} KB`;
  });
  const reuse = process.env.RAPPORT_PACKAGE_REUSE_SQLITE === '1';
  step(`npm install -g into a fresh prefix${reuse ? ' (SQLite driver copied, not compiled)' : ''}`, () => {
    sh('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', reuse ? '--ignore-scripts' : '--allow-scripts=better-sqlite3', tarball], { cwd: elsewhere });
    if (reuse) {
      const target = join(prefix, 'lib', 'node_modules', 'rapport', 'node_modules', 'better-sqlite3', 'build', 'Release');
      mkdirSync(target, { recursive: true });
      copyFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(target, 'better_sqlite3.node'));
    }
  });
  step('rapport --version', () => {
    const out = rapport('--version').trim();
    if (out !== version) throw new Error(`printed ${JSON.stringify(out)}, not ${version}`);
    return out;
  });
  step('rapport demo', () => rapport('demo').split('\n')[0]);
  step('rapport today', () => {
    const out = rapport('today');
    if (out.trim() === '') throw new Error('printed nothing');
    return `${out.split('\n').length} lines`;
  });
  const t = performance.now();
  try {
    const detail = await serveAnswers();
    console.log(`package: ok    rapport serve (${seconds(t)}): ${detail}`);
  } catch (e) {
    console.log(`package: FAIL  rapport serve: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
} catch {
  // step() has printed the failure.
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`package: ${process.exitCode ? 'FAILED' : 'works'} as installed from the tarball (${seconds(started)} in all)`);
