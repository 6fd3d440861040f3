/**
 * zod issues turned into `{ path, message }` a person can act on: `templates[2].fields[0].acceptance.min: expected a
 * number, got a string`. Used by template import, and by any import that wants the same wording.
 */
import type { z } from 'zod';

export interface PathIssue {
  /** `templates[2].fields[0].label`; empty for the whole document. */
  path: string;
  message: string;
}

/** `['templates', 2, 'fields', 0, 'key']` → `templates[2].fields[0].key`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Readable issues; `input` is the parsed value, used to say what was found where something else was expected. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): PathIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describe(issue, valueAt(input, issue.path)) }));
}

function describe(issue: z.core.$ZodIssue, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? `missing; expected ${article(issue.expected)}` : `expected ${article(issue.expected)}, got ${kindOf(found)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${show(found)}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return `expected one of ${options.map((v) => JSON.stringify(v)).join(', ')}; got ${show(found)}`;
      return issue.message;
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n === 1 ? 'must not be empty' : `must be at least ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${n} ${n === 1 ? 'item' : 'items'}`;
      return `must be at least ${n}${issue.inclusive === false ? ' (exclusive)' : ''}, got ${show(found)}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${n} items`;
      return `must be at most ${n}, got ${show(found)}`;
    }
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return article(typeof v);
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
