import { RapportError } from '../../domain/errors.ts';
import type { ConnectedAccount } from './account-syncer.ts';

// The password as the user chose to keep it: in the database (with consent) or in an environment variable, read
// at each sync so a changed variable takes effect without touching the account.
export function accountPassword(account: ConnectedAccount, env: NodeJS.ProcessEnv = process.env): string | null {
  if (account.secret !== null) return account.secret;
  if (account.secret_env === null) return null;
  const value = env[account.secret_env];
  if (value === undefined || value === '') {
    throw new RapportError('invalid', `account ${JSON.stringify(account.name)}: the environment variable ${account.secret_env} holding its password is not set; set it, or store the password with \`rapport sync add … --store-password\``, {
      problems: [{ path: 'passwordEnv', message: `${account.secret_env} is not set` }],
    });
  }
  return value;
}

export function basicAuth(account: ConnectedAccount): Record<string, string> {
  const password = accountPassword(account);
  if (account.username === null && password === null) return {};
  return { Authorization: `Basic ${Buffer.from(`${account.username ?? ''}:${password ?? ''}`).toString('base64')}` };
}
