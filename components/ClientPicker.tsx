/**
 * Pick a client by typing its name or a CRM id. Shared by the popup and the dashboard.
 * Props in, events out, no database access: the page builds the search (e.g. `lib/search/client-index.ts`'s `ClientIndex`,
 * which answers 5,000 clients in about a millisecond) and passes it in.
 *
 * Props
 * - `value`        the chosen client, or null. When set, the picker shows it with a "Change" button.
 * - `search(q, n)` synchronous search: up to `n` options for the query, best first (an empty query may return
 *                  recent or first clients, or nothing).
 * - `onChange(c)`  the user chose a client (Enter or click) or cleared it (null: "Change", or Backspace on it).
 * - `ready`        false while the page is still building the search: the input works, the list says "Loading…".
 * - `label`, `placeholder`, `limit` (default 8), `autoFocus`, `disabled`.
 * - `inputRef`     lets the page move focus into the search (e.g. after "Choose a client first").
 * - `note`         a line under the field (e.g. "From the open Salesforce opportunity").
 *
 * Keyboard: type to search, ArrowDown/ArrowUp move through results, Enter chooses, Escape closes the list
 * (a second Escape is left to the page).
 */
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import './combobox.css';

/** One client as the picker lists it. */
export interface ClientOption {
  id: string;
  name: string;
  /** Second line: CRM ids, owners, or why it matched. */
  detail?: string;
}

export interface ClientPickerProps {
  value: ClientOption | null;
  search: (query: string, limit: number) => readonly ClientOption[];
  onChange: (client: ClientOption | null) => void;
  ready?: boolean;
  label?: string;
  placeholder?: string;
  limit?: number;
  autoFocus?: boolean;
  disabled?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  note?: ReactNode;
}

/** The client picker (see the file comment for its props). */
export function ClientPicker(props: ClientPickerProps) {
  const { value, ready = true, limit = 8, label = 'Client' } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const uid = useId();
  const listId = `${uid}-list`;
  const search = props.search;
  const results = useMemo(() => (open && ready && query.trim() ? search(query, limit) : []), [open, ready, query, search, limit]);

  const choose = (c: ClientOption) => {
    props.onChange(c);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (results.length === 0) return;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % results.length : (a - 1 + results.length) % results.length));
    } else if (e.key === 'Enter') {
      // Enter never submits a surrounding form from here: it chooses, or does nothing.
      e.preventDefault();
      e.stopPropagation();
      const c = results[active] ?? results[0];
      if (c) choose(c);
    } else if (e.key === 'Escape' && open && query) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  if (value) {
    return (
      <div className="field">
        <span className="label" id={`${uid}-label`}>
          {label}
        </span>
        <div className="picker-value">
          <span className="picker-avatar" aria-hidden="true">
            {initials(value.name)}
          </span>
          <span className="grow picker-text">
            <strong aria-labelledby={`${uid}-label`}>{value.name}</strong>
            {value.detail ? <span className="faint"> · {value.detail}</span> : null}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={props.disabled}
            onClick={() => {
              props.onChange(null);
              requestAnimationFrame(() => props.inputRef?.current?.focus());
            }}
          >
            Change
          </button>
        </div>
        {props.note ? <span className="help">{props.note}</span> : null}
      </div>
    );
  }

  const showList = open && query.trim().length > 0;
  return (
    <div className="field combo">
      <label htmlFor={`${uid}-input`}>{label}</label>
      <input
        ref={props.inputRef}
        id={`${uid}-input`}
        className="input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        autoFocus={props.autoFocus}
        disabled={props.disabled}
        placeholder={props.placeholder ?? 'Search clients by name or CRM id'}
        aria-expanded={showList && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      {showList ? (
        <ul className="combo-list" role="listbox" id={listId} aria-label="Clients">
          {!ready ? (
            <li className="combo-empty">Loading clients…</li>
          ) : results.length === 0 ? (
            <li className="combo-empty">No client matches “{query.trim()}”.</li>
          ) : (
            results.map((c, i) => (
              <li
                key={c.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="combo-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(c);
                }}
              >
                <span className="combo-name">{c.name}</span>
                {c.detail ? <span className="combo-detail">{c.detail}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
      {props.note ? <span className="help">{props.note}</span> : null}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]![0] ?? '') : '')).toUpperCase() || '?';
}
