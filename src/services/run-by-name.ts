import { RapportError } from '../domain/errors.ts';
import { CATALOGUE, type OperationName } from './catalogue.ts';
import { runOperation, type Operation, type OutputOf, type ServiceContext } from './operation.ts';

// An operation looked up by its name ("contact.get"), typed as that very operation: for callers that hold a name
// rather than the operation (a tool call, a script), whose answer is still typed by the output schema.
export type OperationNamed<N extends OperationName> = Extract<(typeof CATALOGUE)[number], { name: N }>;
export type OutputNamed<N extends OperationName> = OutputOf<OperationNamed<N>>;

export function operationNamed<N extends OperationName>(name: N): OperationNamed<N> {
  const op = CATALOGUE.find((o): o is OperationNamed<N> => o.name === name);
  if (!op) throw new RapportError('not_found', `no operation named ${JSON.stringify(name)}; rapport --help lists them`);
  return op;
}

export async function runByName<N extends OperationName>(ctx: ServiceContext, name: N, input: unknown): Promise<OutputNamed<N>> {
  // A union of 80 operations is too wide for TypeScript to follow through runOperation; the name fixes which one it is.
  return (await runOperation(ctx, operationNamed(name) as Operation, input)) as OutputNamed<N>;
}
