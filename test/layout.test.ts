/**
 * The architecture, as rules on imports (docs/architecture.md): what the server may share with the extension,
 * which way lib/db and lib/sync depend, what stays pure, and where data access may happen. Each rule walks the
 * real import graph of the source files, type-only imports included (a type from the browser side is still a
 * dependency on it).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rel = (abs: string) => relative(ROOT, abs).split('\\').join('/');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(rel(path)));
    else if (/\.tsx?$/.test(name)) out.push(rel(path));
  }
  return out;
}

interface Import {
  spec: string;
  /** The file it resolves to (repo-relative), for relative imports. */
  file: string | null;
  /** `import type …`: erased from the build. */
  typeOnly: boolean;
}

const cache = new Map<string, Import[]>();
/** Every import and re-export of a file, static or dynamic. */
function importsOf(file: string): Import[] {
  const hit = cache.get(file);
  if (hit) return hit;
  const src = readFileSync(join(ROOT, file), 'utf8');
  const found = [
    ...[...src.matchAll(/^\s*(import|export)(\s+type)?\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[3]!, typeOnly: !!m[2] })),
    ...[...src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[1]!, typeOnly: false })),
    ...[...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false })),
  ];
  const out = found.map(({ spec, typeOnly }) => ({ spec, typeOnly, file: spec.startsWith('.') ? resolveFile(file, spec) : null }));
  cache.set(file, out);
  return out;
}

function resolveFile(from: string, spec: string): string | null {
  const base = resolve(ROOT, dirname(from), spec);
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return rel(p);
  }
  return null;
}

/** Every file reachable from `entries` through relative imports, with the file that first reached it. */
function reachable(entries: readonly string[]): Map<string, string> {
  const seen = new Map<string, string>(entries.map((e) => [e, '(entry)']));
  const queue = [...entries];
  while (queue.length) {
    const f = queue.shift()!;
    if (!/\.tsx?$/.test(f)) continue;
    for (const i of importsOf(f)) {
      if (i.file && !seen.has(i.file)) {
        seen.set(i.file, f);
        queue.push(i.file);
      }
    }
  }
  return seen;
}

/** `file imports spec` lines for the direct imports of `files` that `bad` flags. */
function offending(files: readonly string[], bad: (i: Import) => boolean): string[] {
  return files.flatMap((f) => importsOf(f).filter(bad).map((i) => `${f} imports ${i.file ?? i.spec}`));
}

describe('the layout', () => {
  it('the server reaches no browser code: of lib/ only lib/sync/shared/ and lib/domain/, and no browser packages', () => {
    const graph = reachable(filesUnder('server'));
    const outside = [...graph.keys()].filter((f) => !f.startsWith('server/') && !f.startsWith('lib/sync/shared/') && !f.startsWith('lib/domain/'));
    expect(outside.map((f) => `${f} (from ${graph.get(f)})`)).toEqual([]);
    const packages = [...graph.keys()].flatMap((f) => (/\.tsx?$/.test(f) ? importsOf(f) : [])).filter((i) => !i.file && /^(react|react-dom|dexie|dexie-react-hooks|wxt|webextension-polyfill|@wxt-dev)(\/|$)/.test(i.spec));
    expect(packages.map((i) => i.spec)).toEqual([]);
  });

  it('lib/sync/shared/ depends on nothing but itself and the pure domain', () => {
    expect(offending(filesUnder('lib/sync/shared'), (i) => !!i.file && !i.file.startsWith('lib/sync/shared/') && !i.file.startsWith('lib/domain/'))).toEqual([]);
  });

  it('lib/domain/ is pure: it imports only itself and zod', () => {
    expect(offending(filesUnder('lib/domain'), (i) => (i.file ? !i.file.startsWith('lib/domain/') : i.spec !== 'zod'))).toEqual([]);
  });

  it('lib/db/ and lib/sync/ do not import each other both ways: the database uses only the shared sync code', () => {
    expect(offending(filesUnder('lib/db'), (i) => !!i.file && i.file.startsWith('lib/sync/') && !i.file.startsWith('lib/sync/shared/'))).toEqual([]);
    expect(offending(filesUnder('lib/sync/shared'), (i) => !!i.file && i.file.startsWith('lib/db/'))).toEqual([]);
  });

  it('components get props and send events: no database, storage, settings or data hooks', () => {
    const bad = (i: Import) =>
      (!!i.file && /^lib\/(db|hooks|settings|sync)\//.test(i.file)) || /^(dexie|dexie-react-hooks|wxt\/browser|wxt\/utils\/storage)$/.test(i.spec);
    expect(offending(filesUnder('components'), bad)).toEqual([]);
  });

  it('pages reach data only through the hooks: no getDb(), repository, Dexie or raw storage calls', () => {
    // The two modules that give a page its database source are the only ones that open it.
    const sources = new Set(['entrypoints/dashboard/source.ts', 'entrypoints/popup/data-layer.ts']);
    const pages = ['entrypoints/panel', 'entrypoints/popup', 'entrypoints/dashboard'].flatMap(filesUnder).filter((f) => !sources.has(f));
    const bad = (i: Import) => (!!i.file && !i.typeOnly && /^lib\/db\/(index|schema|queries)\.ts$|^lib\/db\/repos\//.test(i.file)) || /^(dexie|dexie-react-hooks)$/.test(i.spec);
    expect(offending(pages, bad)).toEqual([]);
    expect(pages.filter((f) => /browser\.storage\.|getDb\(/.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
