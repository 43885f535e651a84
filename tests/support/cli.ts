import { spawn } from 'node:child_process';
import { join } from 'node:path';

// The real CLI, end to end: `node bin/rapport.js` on the given database, no colour. Each spawn costs about half a second.
export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'rapport.js');

export interface CliRun { code: number; stdout: string; stderr: string }

export function runRapport(db: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, RAPPORT_DB: db, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
