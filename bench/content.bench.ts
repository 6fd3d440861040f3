/**
 * The content script loads on every CRM page (ARCHITECTURE.md: small and dumb), so its built size is a budget:
 * at most 8 KB gzip for .output/chrome-mv3/content-scripts/crm.js, WXT's runtime included.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from './types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, '.output', 'chrome-mv3', 'content-scripts', 'crm.js');

export const benchmarks: Benchmark[] = [
  {
    name: 'content script size (crm.js, gzip -9)',
    async run() {
      if (!existsSync(built)) execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
      const code = readFileSync(built);
      const gzip = gzipSync(code, { level: 9 }).length;
      return {
        figure: Math.round((gzip / 1024) * 100) / 100,
        unit: 'KB',
        target: 8,
        better: 'lower',
        note: `${gzip} B gzip, ${code.length} B minified`,
      };
    },
  },
];
