// Types of scripts/build-options.mjs for bench/compiled.ts.
import type { BuildOptions } from 'esbuild';

export const EXTERNAL: string[];
export const REQUIRE_BANNER: string;
export const NODE_BUNDLE: BuildOptions;
