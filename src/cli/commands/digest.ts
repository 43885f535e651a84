import { Option, type Command } from 'commander';
import { DIGEST_CHANNELS, type DigestChannel } from '../../domain/digest-settings.ts';
import { RapportError } from '../../domain/errors.ts';
import { printJson } from '../output.ts';
import type { CliRuntime } from '../runtime.ts';

interface DigestFlags { send?: boolean; channel?: DigestChannel[]; force?: boolean; test?: boolean; status?: boolean; json?: boolean }

const collectChannel = (value: string, previous: DigestChannel[] = []): DigestChannel[] => [...previous, value as DigestChannel];

// For cron users (and a look before turning it on): prints the digest, or sends it once per period on each channel.
export function registerDigestCommand(program: Command, rt: CliRuntime): void {
  program.command('digest').description('print the digest (follow-ups, keep in touch, dates, actions, events); --send sends it (once a period, for cron)')
    .option('--send', 'send it now on the enabled channels (skipped on a channel that already had this period\'s)')
    .addOption(new Option('--channel <channel>', 'only this channel (repeatable)').choices([...DIGEST_CHANNELS]).argParser(collectChannel))
    .option('--force', 'with --send: send even if this period\'s went out')
    .option('--test', 'with --channel: send a test on that channel and say what happened')
    .option('--status', 'the schedule, the next send and each channel\'s last result')
    .option('--json', 'print as JSON')
    .action(async (o: DigestFlags) => {
      if (o.status) {
        const { digestStatus } = await import('../../services/digest.service.ts');
        const s = await rt.run(digestStatus, {});
        if (o.json) return printJson(s);
        console.log(`digest: ${s.digest.frequency}${s.nextSendAt ? `, next at ${s.nextSendAt}` : ''}`);
        for (const c of s.channels) console.log(`${c.channel}: ${c.status} for ${c.period}${c.status === 'failed' ? ` (${c.attempts} attempts): ${c.lastError ?? ''}; next try ${c.nextAttemptAt ?? '—'}` : ''}`);
        return;
      }
      if (o.test) {
        if (!o.channel?.length) throw new RapportError('invalid', '--test: name the channel to test with --channel email|webhook|ntfy');
        const { digestTest } = await import('../../services/digest.service.ts');
        let failed = false;
        for (const channel of o.channel) {
          const r = await rt.run(digestTest, { channel });
          if (o.json) printJson(r); else console.log(`${channel}: ${r.ok ? 'ok, ' : 'FAILED: '}${r.message}`);
          failed ||= !r.ok;
        }
        if (failed) process.exitCode = 1;
        return;
      }
      if (o.send) {
        const { deliverDigest } = await import('../../services/digest-send.ts');
        const outcomes = await deliverDigest(await rt.context(), { now: true, force: o.force ?? false, ...(o.channel ? { channels: o.channel } : {}) });
        if (o.json) printJson(outcomes);
        else if (!outcomes.length) console.log('no channel is on: turn one on in Settings → Digest (or name one with --channel)');
        else for (const r of outcomes) console.log(`${r.channel}: ${r.status === 'failed' ? `FAILED: ${r.message}` : r.message}`);
        if (outcomes.some((r) => r.status === 'failed')) process.exitCode = 1;
        return;
      }
      const { digestShow } = await import('../../services/digest.service.ts');
      const d = await rt.run(digestShow, {});
      if (o.json) return printJson(d);
      console.log(d.text);
    });
}
