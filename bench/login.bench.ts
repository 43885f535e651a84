// `npm run bench login`: what password guessing costs the owner. Eight guessers on eight loopback addresses
// post wrong passwords as fast as they can while the owner, from another address, signs in now and then; the
// owner's sign-in time is compared with the same sign-ins with nobody guessing, with throttling on and off.
// Target: with throttling, the owner's median sign-in within 1.5x the quiet one, and under 1 checked guess/s
// per guessing address once the back-off has started (after a 3 s warm-up). The guessers run in a child process.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/domain/clock.ts';
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from '../src/server/login-throttle.ts';
import { startServer, type RunningServer } from '../src/server/serve.ts';
import { authSetPassword } from '../src/services/auth.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';

const PASSWORD = 'correct horse battery';
const GUESSERS = 8;
const ATTACK_MS = 8000;
const OWNER_SIGN_INS = 20;
const WARM_UP_MS = 3000;
const here = dirname(fileURLToPath(import.meta.url));
const NO_THROTTLE: ThrottlePolicy = { ...DEFAULT_THROTTLE_POLICY, freePerAddress: Number.MAX_SAFE_INTEGER, freeOverall: Number.MAX_SAFE_INTEGER };

function login(server: RunningServer, from: string, password: string): Promise<number> {
  const body = new URLSearchParams({ password, next: '/' }).toString();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/auth/login', localAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function ownerSignIns(server: RunningServer): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < OWNER_SIGN_INS; i++) {
    const t0 = performance.now();
    const status = await login(server, '127.0.0.1', PASSWORD);
    if (status !== 303) throw new Error(`the owner's sign-in answered ${status}`);
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, ATTACK_MS / OWNER_SIGN_INS / 2));
  }
  return times;
}

async function scenario(policy: ThrottlePolicy, attack: 'none' | 'patient' | 'hammer') {
  const store = await openStore({ location: ':memory:' });
  await runOperation({ store, clock: systemClock }, authSetPassword, { newPassword: PASSWORD });
  const server = await startServer({ store, clock: systemClock, host: '127.0.0.1', port: 0, throttlePolicy: policy });
  const child = attack !== 'none' ? fork(join(here, 'login-guessers.ts'), [String(server.port), String(GUESSERS), attack], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }) : null;
  const answers = child ? new Promise<Record<string, number>>((resolve) => child.once('message', (m) => resolve(m as Record<string, number>))) : Promise.resolve<Record<string, number>>({});
  // The free tries and the first short waits pass in the first seconds; after that is the steady rate.
  await new Promise((r) => setTimeout(r, WARM_UP_MS));
  const verifiedBefore = server.rapport.gate.verifications;
  const start = performance.now();
  const owner = await ownerSignIns(server);
  const seconds = (performance.now() - start) / 1000;
  child?.send('stop');
  const counts = await answers;
  const checked = server.rapport.gate.verifications - verifiedBefore - OWNER_SIGN_INS;
  await server.close();
  await store.close();
  return { owner, checkedPerSecond: checked / seconds, refused: counts['429'] ?? 0, wrong: counts['401'] ?? 0 };
}

export default async function run(): Promise<void> {
  const quiet = await scenario(DEFAULT_THROTTLE_POLICY, 'none');
  const open = await scenario(NO_THROTTLE, 'hammer');
  const guarded = await scenario(DEFAULT_THROTTLE_POLICY, 'patient');
  const flooded = await scenario(DEFAULT_THROTTLE_POLICY, 'hammer');
  const base = quantile(quiet.owner, 0.5);
  const row = (name: string, r: typeof quiet) => ({
    scenario: name,
    'owner median ms': quantile(r.owner, 0.5).toFixed(0),
    'owner p90 ms': quantile(r.owner, 0.9).toFixed(0),
    'vs quiet': `${(quantile(r.owner, 0.5) / base).toFixed(2)}x`,
    'guesses checked/s after warm-up': r.checkedPerSecond.toFixed(1),
    '401': r.wrong,
    '429': r.refused,
  });
  console.table([
    row('nobody guessing', quiet), row(`${GUESSERS} guessers, no back-off (queue only)`, open),
    row(`${GUESSERS} guessers waiting out Retry-After, throttled`, guarded), row(`${GUESSERS} guessers ignoring 429, throttled`, flooded),
  ]);
  const met = quantile(guarded.owner, 0.5) / base <= 1.5 && guarded.checkedPerSecond / GUESSERS < 1;
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores: above 2, other work shares the CPU)`);
  console.log(`target (throttled: owner median <= 1.5x quiet, < 1 checked guess/s per address): ${met ? 'met' : 'MISSED'}`);
}
