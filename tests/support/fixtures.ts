import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// Two kinds of test files. The project's own, in tests/fixtures/clients (vCard and CSV in each client's shape) and
// src/analysis/kernels/fixtures (small graphs with networkx's values): always there, so a plain clone passes.
// And an outside corpus of real files nobody here wrote: ../shared/fixtures beside the checkout, or the folder
// RAPPORT_FIXTURES names. Its suites are named "corpus: …" and run when it is present; CI requires it.
export const CORPUS_ROOT: URL = process.env.RAPPORT_FIXTURES
  ? pathToFileURL(`${process.env.RAPPORT_FIXTURES.replace(/\/$/, '')}/`)
  : new URL('../../../shared/fixtures/', import.meta.url);

export const corpusPresent = (): boolean => existsSync(CORPUS_ROOT);

// The folder of one kind of corpus file (csv, vcard, graphs) as a URL ending in "/", or null without the corpus.
export function corpusUrl(kind: string): URL | null {
  const url = new URL(`${kind}/`, CORPUS_ROOT);
  return existsSync(url) ? url : null;
}

// As corpusUrl, for a suite that cannot run without it: says where it was looked for.
export function fixturesUrl(kind: string): URL {
  const url = corpusUrl(kind);
  if (!url) {
    throw new Error(`test corpus not found at ${new URL(`${kind}/`, CORPUS_ROOT).pathname}: it lives in ../shared/fixtures beside the checkout, or set RAPPORT_FIXTURES to that folder`);
  }
  return url;
}

export const clientFixturesUrl = (kind: 'csv' | 'vcard'): URL => new URL(`../fixtures/clients/${kind}/`, import.meta.url);

export function corpusFileCount(): number {
  if (!corpusPresent()) return 0;
  return readdirSync(CORPUS_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.\w+$/.test(f) && !/(^|\/)(SOURCE\.txt|README\.md)$/.test(f)).length;
}
