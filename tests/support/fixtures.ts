import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// Real files from outside live in ../shared/fixtures beside the checkout (never copied in); RAPPORT_FIXTURES points
// elsewhere, for a clone made somewhere else.
const ROOT = process.env.RAPPORT_FIXTURES
  ? pathToFileURL(`${process.env.RAPPORT_FIXTURES.replace(/\/$/, '')}/`)
  : new URL('../../../shared/fixtures/', import.meta.url);

// The folder of one kind of fixture (csv, vcard, graphs), as a URL ending in "/".
export function fixturesUrl(kind: string): URL {
  const url = new URL(`${kind}/`, ROOT);
  if (!existsSync(url)) {
    throw new Error(`test fixtures not found at ${url.pathname}: they live in ../shared/fixtures beside the checkout, or set RAPPORT_FIXTURES to that folder`);
  }
  return url;
}
