import type { CompiledQuery, Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

// Counts every statement a piece of work sends to the database: those built with Kysely or `sql` (seen by the
// plugin) and those written as text and run with executeQuery (seen by the proxy), such as the bulk inserts.
// With `insertsInto`, only the INSERT statements into that table count.
export class QueryCounter implements KyselyPlugin {
  count = 0;
  readonly statements: string[] = [];
  constructor(private readonly insertsInto?: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (this.insertsInto === undefined || (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === this.insertsInto)) {
      this.count++;
      this.statements.push(node.kind);
    }
    return node;
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
          if (this.insertsInto !== undefined && !new RegExp(`^\\s*insert\\s+into\\s+"?${this.insertsInto}"?\\s`, 'i').test(query.sql)) return target.executeQuery(query);
          this.count++;
          this.statements.push(query.sql.slice(0, 60));
          return target.executeQuery(query);
        };
      },
    });
  }
}
