// The login bench's attackers, in their own process as they would be on another machine: GUESSERS loops, each
// from its own loopback address, posting wrong passwords until told to stop; reports the answers. A 'patient'
// guesser waits out each Retry-After (hammering through a 429 gains it no guess); a 'hammer' one does not.
import { request } from 'node:http';

const [port, guessers] = process.argv.slice(2, 4).map(Number) as [number, number];
const patient = process.argv[4] === 'patient';
let stop = false;
const answers: Record<string, number> = {};

function guess(from: string, password: string): Promise<{ status: number; retryAfter: number }> {
  const body = new URLSearchParams({ password, next: '/' }).toString();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/auth/login', localAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 0) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

process.on('message', () => { stop = true; });
await Promise.all(Array.from({ length: guessers }, async (_, g) => {
  for (let n = 0; !stop; n++) {
    const { status, retryAfter } = await guess(`127.0.0.${10 + g}`, `guess-${g}-${n}`);
    answers[status] = (answers[status] ?? 0) + 1;
    if (patient && retryAfter) {
      const until = Date.now() + retryAfter * 1000;
      while (!stop && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    }
  }
}));
process.send?.(answers, () => process.exit(0));
