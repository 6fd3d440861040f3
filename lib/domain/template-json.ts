/**
 * A workspace's own hand-over templates, from JSON. The document is `{ "templates": [ … ] }` (a bare array is read
 * as the same list). Every problem is reported with the path that has it, never as a crash, so the settings page can
 * show the person editing the JSON exactly what to fix.
 */
import { z } from 'zod';
import { findJsonSyntaxProblem } from './json-position';
import { handoffTemplateSchema, type HandoffTemplate } from './schemas';
import { describeIssues, type PathIssue } from './zod-issues';

/** The template JSON is malformed or does not describe valid templates. `issues` names each problem's path. */
export class TemplateValidationError extends Error {
  override readonly name = 'TemplateValidationError';
  constructor(readonly issues: PathIssue[]) {
    const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    super(`Could not read the hand-over templates: ${shown.join('; ')}${more}`);
  }
}

const documentSchema = z.object({ templates: z.array(handoffTemplateSchema).max(20) });

/**
 * Parses a template document, given as JSON text or as an already-parsed value. Throws `TemplateValidationError`
 * with one issue per problem: malformed JSON (with line, column and offset), wrong shapes and values (zod issues
 * with their paths), and two templates for one kind.
 */
export function parseTemplateJson(input: unknown): HandoffTemplate[] {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (err) {
      const p = findJsonSyntaxProblem(input);
      const message = p
        ? `malformed JSON at line ${p.line}, column ${p.column} (offset ${p.offset}): ${p.message}`
        : `malformed JSON: ${err instanceof Error ? err.message : String(err)}`;
      throw new TemplateValidationError([{ path: '', message }]);
    }
  }
  const doc = Array.isArray(data) ? { templates: data } : data;
  if (doc === null || typeof doc !== 'object' || !('templates' in doc)) {
    throw new TemplateValidationError([{ path: '', message: 'expected an object with a "templates" array' }]);
  }
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) throw new TemplateValidationError(describeIssues(parsed.error.issues, doc));

  const seen = new Map<string, number>();
  const issues: PathIssue[] = [];
  parsed.data.templates.forEach((t, i) => {
    const first = seen.get(t.kind);
    if (first === undefined) seen.set(t.kind, i);
    else issues.push({ path: `templates[${i}].kind`, message: `a template for ${t.kind} is already defined at templates[${first}]` });
  });
  if (issues.length) throw new TemplateValidationError(issues);
  return parsed.data.templates;
}
