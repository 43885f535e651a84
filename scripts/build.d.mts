// Types for scripts/build.mjs, which stays plain JavaScript so it runs before anything is compiled.
import type { BuildOptions, Metafile } from 'esbuild';

export const ROOT: string;
export const CLI_ENTRY: string;
export const EXTERNAL: string[];
export function cliBuildIsStale(): boolean;
export function webBuildIsStale(): boolean;
export function cliBuildOptions(): BuildOptions & { outdir: string; metafile: true };
export function buildCli(): Promise<Metafile>;
export function buildWeb(options?: { force?: boolean }): Promise<boolean>;
