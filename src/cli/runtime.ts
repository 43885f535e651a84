import type { Command } from 'commander';
import type { z } from 'zod';
import { systemClock, type Clock } from '../domain/clock.ts';
import { RapportError } from '../domain/errors.ts';
import { runJournalled, type Operation, type ServiceContext } from '../services/operation.ts';
import type { JournalEntry } from '../store/journal/journal.repository.ts';
import { entryChangesGraph } from '../store/repositories/bridge-rankings.repository.ts';
import { resolveContactRef } from '../services/support/contact-ref.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { withFlagNames } from './flags.ts';
import { paint } from './output.ts';

// What every command gets: the store named by --db/RAPPORT_DB, opened lazily once, and a way to run catalogue operations.
export class CliRuntime {
  private store: Store | null = null;
  // The subcommand being run (set by a hook in buildProgram), whose flags name the fields in error messages.
  command: Command | null = null;
  constructor(private readonly program: Command, readonly clock: Clock = systemClock) {}

  async context(): Promise<ServiceContext> {
    if (!this.store) {
      const { db } = this.program.opts<{ db?: string }>();
      // An empty --db (an unset shell variable, say) must not quietly mean the default database.
      if (db !== undefined && db.trim() === '') {
        throw new RapportError('invalid', '--db: give a database file or a postgres:// URL (got an empty value); leave --db out to use the default', { problems: [{ path: '--db', message: 'empty', value: db }] });
      }
      this.store = await openStore({ location: db ?? null });
    }
    return { store: this.store, clock: this.clock };
  }

  // The output type is the operation's own (its output schema's): commands never state it.
  async run<I extends z.ZodType, O>(op: Operation<I, O>, input: unknown): Promise<O> {
    try {
      const { output, entry } = await runJournalled(await this.context(), op, input);
      await this.noteEntry(entry);
      return output;
    } catch (e) {
      throw withFlagNames(e, this.command);
    }
  }

  // Set when a write of this command changed contacts or links: the exact bridges are then recomputed in the
  // background once the command is done (cli/background.ts).
  graphChanged = false;

  async noteEntry(entry: JournalEntry | null): Promise<void> {
    if (entry !== null && !this.graphChanged && this.store !== null) this.graphChanged = await entryChangesGraph(this.store, entry.id);
  }

  // After the command: starts the background ranking when the graph changed (never fails the command).
  async afterCommand(): Promise<void> {
    if (!this.graphChanged || this.store === null) return;
    this.graphChanged = false;
    const { backgroundMode, startBackgroundBridges } = await import('./background.ts');
    try {
      await startBackgroundBridges({ store: this.store, clock: this.clock }, backgroundMode());
    } catch (error) {
      process.stderr.write(`note: could not start the background bridge ranking: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  async contactId(ref: string, path = 'contact'): Promise<number> {
    return resolveContactRef((await this.context()).store, ref, path);
  }

  async close(): Promise<void> {
    await this.store?.close();
    this.store = null;
  }
}

// Prints a user's mistake as one line (plus candidates for an ambiguous name) and picks the documented exit code.
export function reportError(error: unknown): number {
  if (error instanceof RapportError) {
    process.stderr.write(`${paint('red', 'error:', process.stderr)} ${error.message}\n`);
    for (const c of error.candidates) process.stderr.write(`  #${c.id}  ${c.label}\n`);
    return exitCodeFor(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${paint('red', 'error:', process.stderr)} ${message}\n`);
  if (process.env.RAPPORT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}
