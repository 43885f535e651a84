import { homedir } from 'node:os';
import { join } from 'node:path';

// Where the database lives: an explicit --db, else RAPPORT_DB, else the XDG data directory.
export function resolveDatabaseLocation(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.RAPPORT_DB) return env.RAPPORT_DB;
  return defaultDatabaseLocation(env);
}

// The only location whose folders are created when missing: any other path is the user's, and may be mistyped.
export function defaultDatabaseLocation(env: NodeJS.ProcessEnv = process.env): string {
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(dataHome, 'rapport', 'rapport.db');
}

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

// Hides a password in a connection URL before it is printed.
export function describeLocation(location: string): string {
  return isPostgresUrl(location) ? location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : location;
}
