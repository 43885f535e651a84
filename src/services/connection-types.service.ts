import { z } from 'zod';
import { lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { allConnectionTypes, connectionTypeKeySchema, findConnectionType, type ConnectionType } from '../domain/connection-types.ts';
import { RapportError } from '../domain/errors.ts';
import { networkSchema } from '../domain/networks.ts';
import { insertCustomConnectionType, loadCustomConnectionTypes } from '../store/repositories/settings.repository.ts';
import { defineOperation } from './operation.ts';
import { connectionTypeOutput } from './schemas/entities.ts';

// "board-member" → "Board member", so a quick `types add board-member --network strategic` reads well.
const labelOf = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

export const connectionTypeList = defineOperation({
  name: 'connection-type.list',
  summary: 'Connection types: the built-in ones (seed 002 and 004) and your own, each with its suggested network',
  effect: 'read',
  input: z.object({}),
  output: z.array(connectionTypeOutput),
  http: { method: 'get', path: '/connection-types' },
  run: async ({ store }): Promise<ConnectionType[]> => allConnectionTypes(await loadCustomConnectionTypes(store)),
});

export const connectionTypeAdd = defineOperation({
  name: 'connection-type.add',
  conflicts: true,
  summary: 'Add your own connection type with the network it suggests',
  effect: 'write',
  input: z.object({
    key: connectionTypeKeySchema,
    label: lineText(TEXT_LIMITS.short).min(1).optional(),
    defaultNetwork: networkSchema,
  }),
  output: connectionTypeOutput,
  http: { method: 'post', path: '/connection-types' },
  run: async ({ store }, { key, label, defaultNetwork }): Promise<ConnectionType> => {
    const existing = findConnectionType(key, await loadCustomConnectionTypes(store));
    if (existing) {
      throw new RapportError('conflict', `key: connection type ${JSON.stringify(key)} already exists (${existing.builtIn ? 'built in' : 'added by you'}: ${existing.label})`, {
        problems: [{ path: 'key', message: 'already exists', value: key }],
      });
    }
    const type: ConnectionType = { key, label: label ?? labelOf(key), defaultNetwork, builtIn: false };
    await insertCustomConnectionType(store, type);
    return type;
  },
});
