import { z } from 'zod';
import type { Network } from './networks.ts';

// The user's situation (seed 001, Ibarra & Hunter) sets cadence defaults and the balance target.
export const SITUATIONS = ['job-seeking', 'growing-in-role', 'stepping-into-leadership', 'running-a-business'] as const;
export type Situation = (typeof SITUATIONS)[number];
export const situationSchema = z.enum(SITUATIONS, {
  error: (issue) => `unknown situation ${JSON.stringify(issue.input)}: use ${SITUATIONS.join(', ')}`,
});

export const SITUATION_LABELS: Record<Situation, string> = {
  'job-seeking': 'Looking for a job',
  'growing-in-role': 'Growing in my role',
  'stepping-into-leadership': 'Stepping into leadership',
  'running-a-business': 'Running a business or side project',
};

// Keep-in-touch cadence in days per network: the networks a situation leans on are tended more often.
export const CADENCE_DEFAULTS: Record<Situation, Record<Network, number>> = {
  'job-seeking': { operational: 90, personal: 45, strategic: 30 },
  'growing-in-role': { operational: 30, personal: 60, strategic: 90 },
  'stepping-into-leadership': { operational: 45, personal: 60, strategic: 30 },
  'running-a-business': { operational: 30, personal: 60, strategic: 45 },
};

// A contact in no network yet is still kept in touch with, just rarely.
export const UNASSIGNED_CADENCE_DAYS = 180;

// Target share of contacts per network (sums to 1), for the balance report.
export const BALANCE_TARGETS: Record<Situation, Record<Network, number>> = {
  'job-seeking': { operational: 0.2, personal: 0.35, strategic: 0.45 },
  'growing-in-role': { operational: 0.5, personal: 0.25, strategic: 0.25 },
  'stepping-into-leadership': { operational: 0.3, personal: 0.25, strategic: 0.45 },
  'running-a-business': { operational: 0.34, personal: 0.33, strategic: 0.33 },
};
