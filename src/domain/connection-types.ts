import { z } from 'zod';
import type { Network } from './networks.ts';

export interface ConnectionType {
  key: string;
  label: string;
  defaultNetwork: Network;
  builtIn: boolean;
}

// The twelve of seed 002 (three groups of four), then seed 004's additions. The network is a suggestion.
export const BUILT_IN_CONNECTION_TYPES: readonly ConnectionType[] = [
  { key: 'direct-supervisor', label: 'Direct supervisor', defaultNetwork: 'operational', builtIn: true },
  { key: 'colleague', label: 'Colleague', defaultNetwork: 'operational', builtIn: true },
  { key: 'interdepartmental', label: 'Interdepartmental connection', defaultNetwork: 'operational', builtIn: true },
  { key: 'consultant', label: 'Consultant', defaultNetwork: 'operational', builtIn: true },
  { key: 'contractor', label: 'Contractor', defaultNetwork: 'strategic', builtIn: true },
  { key: 'financial-expert', label: 'Financial expert', defaultNetwork: 'strategic', builtIn: true },
  { key: 'government-body', label: 'Government body / authority', defaultNetwork: 'strategic', builtIn: true },
  { key: 'licensing-authority', label: 'Licensing authority', defaultNetwork: 'strategic', builtIn: true },
  { key: 'mentor', label: 'Mentor', defaultNetwork: 'personal', builtIn: true },
  { key: 'educator', label: 'Educator', defaultNetwork: 'personal', builtIn: true },
  { key: 'family', label: 'Family', defaultNetwork: 'personal', builtIn: true },
  { key: 'friend', label: 'Friend', defaultNetwork: 'personal', builtIn: true },
  { key: 'alumni', label: 'Alumni', defaultNetwork: 'personal', builtIn: true },
  { key: 'former-colleague', label: 'Former colleague', defaultNetwork: 'personal', builtIn: true },
  { key: 'association-peer', label: 'Association peer', defaultNetwork: 'personal', builtIn: true },
  // A job seeker's most direct strategic tie; triage suggests it from titles like "Technical Recruiter".
  { key: 'recruiter', label: 'Recruiter', defaultNetwork: 'strategic', builtIn: true },
];

export const connectionTypeKeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a connection type key is lowercase letters, digits and dashes, e.g. "board-member"');

export function findConnectionType(key: string, custom: readonly ConnectionType[]): ConnectionType | undefined {
  return BUILT_IN_CONNECTION_TYPES.find((t) => t.key === key) ?? custom.find((t) => t.key === key);
}

export function allConnectionTypes(custom: readonly ConnectionType[]): ConnectionType[] {
  return [...BUILT_IN_CONNECTION_TYPES, ...custom];
}
