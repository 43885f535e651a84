import type { CompiledQuery, Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

// Counts every statement a piece of work sends to the database: those built with Kysely or `sql` (seen by the
// plugin) and those written as text and run with executeQuery (seen by the proxy), such as the bulk inserts.
export class QueryCounter implements KyselyPlugin {
  count = 0;
  readonly statements: string[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    this.statements.push(args.node.kind);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
  watch<D>(db: Kysely<D>): Kysely<D> {
    const counted = db.withPlugin(this);
    return new Proxy(counted, {
      get: (target, prop) => {
        if (prop !== 'executeQuery') {
          // Kysely keeps its state in private fields, which only the real object can reach.
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
        return (query: CompiledQuery) => {
          this.count++;
          this.statements.push(query.sql.slice(0, 60));
          return target.executeQuery(query);
        };
      },
    });
  }
}
