/**
 * The layout report's raw material, built in the content script on demand: an outline of the page's elements
 * (tag names and the attributes the readers look at) and how many elements each reader selector finds. It never
 * reads text: no `textContent`, and the attributes that carry words (`title`, `value`, `aria-label`,
 * `data-label`, `alt`, `placeholder`) are reduced to "present" before anything leaves this function. Ids and
 * numbers in the values left are masked by `lib/crm/layout-report.ts` when the report is written.
 */
import { firstShown } from './dom';

/** Attributes worth reporting: the CRMs' test and accessibility hooks, and the state classes readers match. */
const KEEP = /^(?:id|class|name|role|slot|hidden|type|href|title|value|alt|placeholder|aria-(?:current|selected|hidden|label)|data-(?:id|testid|test|test-id|selenium-test|label|selected-stage|card-id|card-type|aura-class|component-id))$/;
/** Attributes whose value may be words a person wrote: reported as present (`…`) or empty, never as written. */
const WORDS = /^(?:title|value|alt|placeholder|aria-label|data-label)$/;
/** Elements whose insides say nothing about the layout (and may hold page data). */
const SKIP = /^(?:script|style|noscript|template|link|meta|svg|iframe|canvas|baton-panel)$/;

/** One element: depth, tag name, then `[name, value, name, value, …]` of the kept attributes. */
export type OutlineNode = [number, string, string[]];

/** The outline of a page and, per selector, `[name, selector, matches, 1 when one of them is shown else 0]` (-1 matches: invalid). */
export interface PageOutline {
  nodes: OutlineNode[];
  probes: Array<[string, string, number, number]>;
  /** The outline stopped at `max` elements. */
  truncated: boolean;
  /** Open shadow roots walked into (a CRM moving to native shadow DOM would hide elements from the readers). */
  shadowRoots: number;
}

/**
 * Outlines `root` (depth first, open shadow roots included, at most `max` elements) and counts, for every
 * string in `selectors` (a CRM's selectors module), the elements it matches and those shown.
 */
export function outlinePage(root: Element, selectors: Record<string, unknown>, hidden: string, max = 3000): PageOutline {
  const nodes: OutlineNode[] = [];
  let shadowRoots = 0;
  const walk = (el: Element, depth: number): void => {
    if (nodes.length >= max) return;
    const tag = el.localName;
    const attrs: string[] = [];
    for (const a of Array.from(el.attributes)) {
      if (KEEP.test(a.name)) attrs.push(a.name, WORDS.test(a.name) ? (a.value.trim() ? '…' : '') : a.name === 'href' ? a.value.split(/[?#]/)[0]! : a.value.slice(0, 300));
    }
    nodes.push([depth, tag, attrs]);
    if (SKIP.test(tag)) return;
    const shadow = el.shadowRoot;
    if (shadow) {
      shadowRoots++;
      for (const child of Array.from(shadow.children)) walk(child, depth + 1);
    }
    for (const child of Array.from(el.children)) walk(child, depth + 1);
  };
  walk(root, 0);
  const doc = root.ownerDocument;
  const probes: PageOutline['probes'] = [];
  for (const [name, selector] of Object.entries(selectors)) {
    if (typeof selector !== 'string') continue;
    let matches = 0;
    try {
      matches = doc.querySelectorAll(selector).length;
    } catch {
      matches = -1;
    }
    probes.push([name, selector, matches, matches > 0 && firstShown(doc, selector, hidden) ? 1 : 0]);
  }
  return { nodes, probes, truncated: nodes.length >= max, shadowRoots };
}
