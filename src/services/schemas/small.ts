import { z } from 'zod';
import { count, out } from './common.ts';

// The short answers of writes that report only how many rows they touched.
export const changedOutput = out({ changed: count });
export const erasedOutput = out({ erased: count });
export const deletedOutput = out({ deleted: count });
export const updatedOutput = out({ updated: count });
export const addedOutput = out({ added: count });
export const removedOutput = out({ removed: count });
export const linkRemovedOutput = out({ removed: z.boolean() });
export const passwordStatusOutput = out({ passwordSet: z.boolean() });
