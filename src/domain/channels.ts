import { z } from 'zod';

// Ordered richest first: face to face beats online only (DOMAIN.md §3).
export const CHANNELS = ['in-person', 'event', 'video', 'phone', 'email', 'message', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS, {
  error: (issue) => `unknown channel ${JSON.stringify(issue.input)}: use ${CHANNELS.join(', ')}`,
});

export const INTERACTION_KINDS = [
  'coffee', 'meal', 'meeting', 'call', 'message', 'email', 'event', 'introduction',
  'informational-interview', 'connected', 'update', 'other',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const interactionKindSchema = z.enum(INTERACTION_KINDS, {
  error: (issue) => `unknown interaction kind ${JSON.stringify(issue.input)}: use ${INTERACTION_KINDS.join(', ')}`,
});

// The channel a kind most often happens on, so `log ada --kind coffee` needs no --channel.
export const DEFAULT_CHANNEL: Record<InteractionKind, Channel> = {
  coffee: 'in-person', meal: 'in-person', meeting: 'in-person', call: 'phone', message: 'message',
  email: 'email', event: 'event', introduction: 'email', 'informational-interview': 'video',
  connected: 'social', update: 'message', other: 'message',
};

export const VALUE_FLOWS = ['given', 'received', 'mutual', 'none'] as const;
export type ValueFlow = (typeof VALUE_FLOWS)[number];
export const valueFlowSchema = z.enum(VALUE_FLOWS);
