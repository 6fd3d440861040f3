import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIB = resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/crm');

/** Every module the given entry pulls in at runtime (type-only imports are erased and skipped). */
function runtimeImports(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const source = readFileSync(entry, 'utf8');
  const specifiers = [...source.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  seen.set(entry, specifiers);
  for (const spec of specifiers) {
    if (spec.startsWith('.')) runtimeImports(resolve(dirname(entry), `${spec}.ts`), seen);
  }
  return seen;
}

describe('the code the content script bundles from lib/crm', () => {
  it.each(['detect.ts', 'read.ts', 'outline.ts'])('%s imports nothing but its own small modules (no zod, React or other packages)', (entry) => {
    const graph = runtimeImports(resolve(LIB, entry));
    const packages = [...graph.values()].flat().filter((spec) => !spec.startsWith('.'));
    expect(packages).toEqual([]);
    expect([...graph.keys()].some((file) => file.endsWith('api.ts') || file.endsWith('schemas.ts'))).toBe(false);
  });
});
