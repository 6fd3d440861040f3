/**
 * The layout report a rep copies and sends us when a layout defeats the readers: which facts could not be read,
 * what each reader selector found, and an outline of the page's elements (tag names and the attributes readers
 * look at). It holds no record text: the outline never had any (lib/crm/outline.ts), and here the values that
 * are left lose whatever could still point at a record or a person: ids, GUIDs, long numbers, e-mail addresses,
 * non-web links. Pure, so the test that proves it can run it on any saved page.
 */
import type { PageOutline } from './outline';

/** What the report says about where it comes from; nothing that names the record (no id, no title). */
export interface LayoutReportContext {
  crm: string;
  /** The CRM's own object name (`Opportunity`, `0-3`, `deal`). */
  objectName: string;
  /** The facts the panel could not read, in words ("stage"). */
  unread: readonly string[];
  /** Baton's version, the browser's user agent, the panel's time of writing (ISO). */
  version: string;
  userAgent: string;
  at: string;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A Salesforce-style record id: 15 or 18 letters and digits with at least one digit; the 3-character key prefix says only the object. */
const RECORD_ID = /\b([a-zA-Z0-9]{3})(?=[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?\b)(?=[a-zA-Z]*\d)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?\b/g;
const LONG_NUMBER = /\d{4,}/g;
const EMAIL = /[^\s@]+@[^\s@]+/g;

/** An attribute value with every id, number and address masked. */
export function maskValue(name: string, value: string): string {
  if (name === 'href') return maskHref(value);
  return value.replace(EMAIL, '{email}').replace(GUID, '{guid}').replace(RECORD_ID, '$1…').replace(LONG_NUMBER, '{n}');
}

/** A link's target as its shape: web paths keep their words and lose their ids; any other scheme keeps only its name. */
function maskHref(href: string): string {
  const path = href.split(/[?#]/)[0]!;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(path);
  if (scheme && !/^https?$/i.test(scheme[1]!)) return `${scheme[1]!.toLowerCase()}:…`;
  const local = path.replace(/^https?:\/\/[^/]+/i, '');
  return local
    .split('/')
    .map((segment) => {
      if (!segment || /^[a-z_-]{1,40}$/i.test(segment) || /^\d+-\d+$/.test(segment)) return segment;
      if (/^\d+$/.test(segment)) return '{n}';
      return maskValue('', segment).replace(/[^a-zA-Z0-9{}…_-]/g, '') || '…';
    })
    .join('/');
}

/** One outline line: `tag#id.class[attr=value]`, values masked. */
function line(tag: string, attrs: readonly string[]): string {
  let out = tag;
  for (let i = 0; i < attrs.length; i += 2) {
    const name = attrs[i]!;
    const value = maskValue(name, attrs[i + 1] ?? '');
    if (name === 'id') out += `#${value}`;
    else if (name === 'class') out += value.split(/\s+/).filter(Boolean).map((c) => `.${c}`).join('');
    else out += value === '' ? `[${name}]` : `[${name}="${value}"]`;
  }
  return out;
}

/**
 * Keeps the elements that say something (an attribute kept, or a custom element's name) and the ancestors that
 * lead to them, so a page of nested plain `div`s comes out as its skeleton.
 */
function prune(nodes: PageOutline['nodes']): PageOutline['nodes'] {
  const keep = new Array<boolean>(nodes.length).fill(false);
  const path: number[] = [];
  nodes.forEach(([depth, tag, attrs], i) => {
    path.length = depth;
    path[depth] = i;
    if (attrs.length > 0 || tag.includes('-') || depth <= 1) for (const j of path) keep[j] = true;
  });
  return nodes.filter((_, i) => keep[i]);
}

/** The report as plain text, ready for the clipboard. */
export function writeLayoutReport(context: LayoutReportContext, outline: PageOutline): string {
  const kept = prune(outline.nodes);
  const probeWidth = Math.max(...outline.probes.map(([name]) => name.length), 8);
  return [
    'Baton layout report',
    `CRM: ${context.crm} · object: ${context.objectName} · Baton ${context.version} · ${context.at}`,
    `Could not read: ${context.unread.length ? context.unread.join(', ') : 'nothing'}`,
    `Browser: ${context.userAgent}`,
    `Elements outlined: ${outline.nodes.length}${outline.truncated ? ' (stopped at the limit)' : ''}, shown below: ${kept.length}, open shadow roots: ${outline.shadowRoots}`,
    '',
    'What each reader selector finds (matches, and whether one is on screen):',
    ...outline.probes.map(([name, selector, matches, shown]) =>
      `  ${name.padEnd(probeWidth)} ${matches < 0 ? 'invalid' : String(matches).padStart(3)} ${shown ? 'shown ' : 'hidden'}  ${selector}`,
    ),
    '',
    'Outline (tag names and attributes only; no text, names or ids):',
    ...kept.map(([depth, tag, attrs]) => `${'  '.repeat(depth)}${line(tag, attrs)}`),
    '',
  ].join('\n');
}
