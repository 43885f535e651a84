// Types for scripts/build.mjs, which stays plain JavaScript so it runs before anything is compiled.
import type { BuildOptions, Metafile } from 'esbuild';

export const ROOT: string;
export const CLI_BUNDLE: string;
export const HELP_PAGES: string;
export const EXTERNAL: string[];
export function cliBuildIsStale(): boolean;
export function webBuildIsStale(): boolean;
export function cliBuildOptions(): BuildOptions & { outfile: string; metafile: true };
export function buildCli(): Promise<Metafile>;
export function buildWeb(options?: { force?: boolean }): Promise<boolean>;
