/**
 * The first element matching `selector` that the user can see: none of its ancestors matches
 * `hiddenAncestor` (the CRM's way of parking cached or inactive views) and, in a real browser, it is
 * rendered (`checkVisibility`). The attribute rule alone decides in DOM-only test environments, which
 * have no layout; the layout check catches CSS a CRM hides by in ways its markers do not show.
 */
export function firstShown(root: ParentNode, selector: string, hiddenAncestor: string): Element | null {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    if (el.closest(hiddenAncestor)) continue;
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) continue;
    return el;
  }
  return null;
}

/**
 * An element's text as the user reads it: `textContent` (never markup, so a record named
 * `<img src=x onerror=…>` stays text), whitespace collapsed, null when empty or missing.
 */
export function textOf(el: Element | null | undefined): string | null {
  return clean(el?.textContent);
}

/**
 * What a form control shows: a text box's current `value` (an editable title is a `<textarea>` whose typed
 * text never reaches `textContent`), a `<select>`'s chosen option, else the element's text.
 */
export function shownValue(el: Element | null | undefined): string | null {
  if (!el) return null;
  if (el.localName === 'select') return textOf(el.querySelector('option:checked'));
  if (el.localName === 'textarea' || el.localName === 'input') return clean((el as HTMLInputElement).value);
  return textOf(el);
}

/** A trimmed, whitespace-collapsed string, or null when there is nothing in it. */
export function clean(text: string | null | undefined): string | null {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}
