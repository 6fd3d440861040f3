import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem } from '../../lib/domain/json-position';
import { parseTemplateJson, TemplateValidationError } from '../../lib/domain/template-json';
import { DEFAULT_TEMPLATES } from '../../lib/domain/templates';

const doc = () => structuredClone({ templates: DEFAULT_TEMPLATES }) as unknown as { templates: Record<string, any>[] };
const issuesOf = (input: unknown) => {
  try {
    parseTemplateJson(input);
  } catch (e) {
    if (e instanceof TemplateValidationError) return e.issues;
    throw e;
  }
  throw new Error('expected a TemplateValidationError');
};

describe('parseTemplateJson', () => {
  it('reads the default templates back from their JSON', () => {
    expect(parseTemplateJson(JSON.stringify(doc()))).toEqual(DEFAULT_TEMPLATES);
  });

  it('reads a bare array as the list of templates', () => {
    expect(parseTemplateJson(structuredClone(DEFAULT_TEMPLATES.slice(0, 2)))).toEqual(DEFAULT_TEMPLATES.slice(0, 2));
  });

  it('accepts an empty list (the workspace keeps the defaults)', () => {
    expect(parseTemplateJson('{"templates": []}')).toEqual([]);
  });

  it.each<[string, (d: ReturnType<typeof doc>) => unknown, string, string]>([
    ['a minimum given as a string', (d) => ((d.templates[2]!.fields[3].acceptance = { rule: 'targets', min: '1' }), d), 'templates[2].fields[3].acceptance.min', 'expected a number, got a string'],
    ['an unknown acceptance rule', (d) => ((d.templates[0]!.fields[0].acceptance = { rule: 'present' }), d), 'templates[0].fields[0].acceptance.rule', 'expected one of "text", "person"'],
    ['a rule that does not fit the field type', (d) => ((d.templates[1]!.fields[3].type = 'text'), d), 'templates[1].fields[3].acceptance.rule', 'acceptance rule does not fit the field type'],
    ['an unknown role', (d) => ((d.templates[2]!.fields[1].acceptance.role = 'ceo'), d), 'templates[2].fields[1].acceptance.role', 'expected one of "executive_sponsor"'],
    ['an unknown kind', (d) => ((d.templates[4]!.kind = 'renewal'), d), 'templates[4].kind', 'got "renewal"'],
    ['a missing label', (d) => (delete d.templates[3]!.label, d), 'templates[3].label', 'missing; expected a string'],
    ['an empty label', (d) => ((d.templates[3]!.fields[0].label = ' '), d), 'templates[3].fields[0].label', 'must not be empty'],
    ['a key that is not snake_case', (d) => ((d.templates[0]!.fields[1].key = 'Buying Motivation'), d), 'templates[0].fields[1].key', 'must be snake_case'],
    ['duplicate field keys', (d) => (d.templates[0]!.fields.push(d.templates[0]!.fields[0]), d), 'templates[0].fields', 'field keys must be unique'],
    ['a zero-word minimum', (d) => ((d.templates[0]!.fields[0].acceptance.minWords = 0), d), 'templates[0].fields[0].acceptance.minWords', 'must be at least 1'],
    ['a template with no fields', (d) => ((d.templates[0]!.fields = []), d), 'templates[0].fields', 'must have at least 1 item'],
    ['fields given as an object', (d) => ((d.templates[0]!.fields = {}), d), 'templates[0].fields', 'expected an array, got an object'],
    ['id and kind that differ', (d) => ((d.templates[0]!.id = 'close_to_onboarding'), d), 'templates[0].id', 'id must equal kind'],
    ['two templates for one kind', (d) => (d.templates.push(d.templates[1]!), d), 'templates[5].kind', 'already defined at templates[1]'],
    ['templates that are not a list', () => ({ templates: 'all' }), 'templates', 'expected an array, got a string'],
    ['a document without templates', () => ({ fields: [] }), '', 'expected an object with a "templates" array'],
    ['a number', () => 42, '', 'expected an object with a "templates" array'],
    ['null', () => null, '', 'expected an object with a "templates" array'],
  ])('names the path of %s', (_, mutate, path, message) => {
    const issue = issuesOf(mutate(doc())).find((i) => i.path === path);
    expect(issue, JSON.stringify(issuesOf(mutate(doc())))).toBeDefined();
    expect(issue!.message).toContain(message);
  });

  it('reports every problem, not only the first', () => {
    const d = doc();
    d.templates[0]!.slaBusinessDays = 0;
    d.templates[2]!.fields[0].acceptance.minWords = 'many';
    expect(issuesOf(d).map((i) => i.path)).toEqual(['templates[0].slaBusinessDays', 'templates[2].fields[0].acceptance.minWords']);
  });

  it('throws a named error whose message says what was attempted and where', () => {
    const d = doc();
    d.templates[2]!.fields[3].acceptance.min = 'one';
    const run = () => parseTemplateJson(JSON.stringify(d));
    expect(run).toThrow(TemplateValidationError);
    expect(run).toThrow('Could not read the hand-over templates: templates[2].fields[3].acceptance.min: expected a number, got a string');
    try {
      run();
    } catch (e) {
      expect((e as Error).name).toBe('TemplateValidationError');
    }
  });

  it.each([
    ['a trailing comma', '{"templates": [\n  {"id": 1},\n]}', 'line 3, column 1', 'trailing comma'],
    ['a missing comma', '{"templates": [\n  {"id": 1}\n  {"id": 2}]}', 'line 3, column 3', "expected ',' or ']'"],
    ['an unquoted key', '{templates: []}', 'line 1, column 2', 'property name in double quotes'],
    ['a cut-off document', '{"templates": [', 'line 1, column 16', 'unexpected end of input'],
    ['an empty string', '', 'line 1, column 1', 'unexpected end of input'],
    ['single quotes', "{'templates': []}", 'line 1, column 2', 'property name in double quotes'],
    ['text after the value', '{"templates": []} x', 'line 1, column 19', 'unexpected text after the JSON value'],
  ])('reports malformed JSON with its position: %s', (_, text, where, what) => {
    const [issue] = issuesOf(text);
    expect(issue!.path).toBe('');
    expect(issue!.message).toContain(`malformed JSON at ${where}`);
    expect(issue!.message).toContain(what);
  });

  it('finds no syntax problem in valid JSON of every kind', () => {
    expect(findJsonSyntaxProblem('{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}}')).toBeNull();
  });
});
