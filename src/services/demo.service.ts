import { z } from 'zod';
import { RapportError } from '../domain/errors.ts';
import { rowCounts, widenCacheForBulkLoad } from '../store/repositories/demo.repository.ts';
import { planDemo } from './demo/plan.ts';
import { DEMO_DEFAULT_SIZE, DEMO_MAX_SIZE } from './demo/size.ts';
import { writeDemo, type DemoCounts } from './demo/write.ts';
import { markDemoRows } from './demo-remove.service.ts';
import { defineOperation } from './operation.ts';
import { settingsAndDefaults } from './support/settings.ts';
import { demoSummaryOutput } from './schemas/import-export.ts';

export { DEMO_DEFAULT_SIZE, DEMO_MAX_SIZE };

export const demoLoadInput = z.object({
  size: z.coerce.number().int().min(20, 'a demo has at least 20 contacts').max(DEMO_MAX_SIZE, `a demo has at most ${DEMO_MAX_SIZE} contacts`).default(DEMO_DEFAULT_SIZE),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
});

export interface DemoSummary extends DemoCounts {
  size: number;
  seed: number;
}

// A realistic network made by code, the same for the same seed and day: to explore Rapport, and to benchmark it.
export const demoLoad = defineOperation({
  name: 'demo.load',
  conflicts: true,
  summary: 'Fill an empty database with a realistic demo network (deterministic for a seed; size 30000 for benchmarks)',
  effect: 'write',
  input: demoLoadInput,
  output: demoSummaryOutput,
  http: { method: 'post', path: '/demo' },
  // Undone by removing the demo (demo.remove), not by copying a million rows into the journal.
  journal: 'entry',
  run: async (ctx, { size, seed }): Promise<DemoSummary> => {
    const counts = await rowCounts(ctx.store);
    const present = Object.entries(counts).filter(([, n]) => n > 0);
    if (present.length > 0) {
      // Mixing invented people into someone's real network would be hard to undo, so only an empty database is filled.
      throw new RapportError('conflict', `the database is not empty (${present.map(([what, n]) => `${n} ${what}`).join(', ')}); the demo only fills an empty one — use another --db or RAPPORT_DB`, {
        problems: present.map(([path, value]) => ({ path, message: 'not empty', value })),
      });
    }
    const { settings, defaults } = await settingsAndDefaults(ctx.store);
    const plan = planDemo({ size, seed, defaults, followUpDays: { event: settings.eventFollowUpDays, newContact: settings.newContactFollowUpDays } });
    const restoreCache = await widenCacheForBulkLoad(ctx.store);
    try {
      const counts = await writeDemo(ctx, plan, defaults);
      await markDemoRows(ctx.store);
      return { size, seed, ...counts };
    } finally {
      await restoreCache();
    }
  },
});
