/**
 * The decision form, shared by the popup (quick log from any page) and the panel (log from the record).
 * Props in, events out, no database access: the page owns the client, saving and what happens after.
 *
 * Props
 * - `people`        the client's stakeholders and our teammates, offered as owner and participants (`PeopleDirectory`).
 * - `onSubmit(v)`   called with a validated `DecisionFormValue` when the user saves (Enter in title, owner or
 *                   participants; Ctrl/Cmd+Enter anywhere; the Save button). Return a promise: the form shows
 *                   "Saving…", keeps the draft and shows the error when it rejects, and resets (focus back in the
 *                   title) when it resolves.
 * - `blockedReason` when set (e.g. "Choose a client first."), saving is refused with that message and `onBlocked`
 *                   is called (the popup moves focus to its client picker).
 * - `header`        rendered above the title (the popup puts its `ClientPicker` there).
 * - `reopening`     a decision being reopened: the form is pre-filled from it, titled "Reopen", and `onCancelReopen`
 *                   is offered. The page calls `reopenDecision` with the value.
 * - `autoFocus`     focus the title on mount (default true); `onReady` is called right after (performance marks).
 * - `now`           clock for "decided at" (default `Date.now`), for tests.
 * - `submitLabel`   the button's text (default "Log decision" / "Log reopened decision").
 *
 * The owner field is a combobox: typing suggests stakeholders then teammates; arrows choose, Enter takes the
 * highlighted one (a second Enter saves). Unpicked text is resolved by `resolveOwner` when saving, and the line
 * under the field always says who that will be.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Decision, DecisionSource } from '../lib/domain/schemas';
import {
  emptyDraft,
  ownerLabel,
  resolveOwner,
  suggestOwners,
  toLocalInput,
  validateDraft,
  type DecisionDraft,
  type DecisionFormValue,
  type DraftErrors,
  type PeopleDirectory,
} from '../lib/decisions/draft';
import './combobox.css';

export type { DecisionFormValue, PeopleDirectory } from '../lib/decisions/draft';

export interface DecisionFormProps {
  people: PeopleDirectory;
  onSubmit: (value: DecisionFormValue) => Promise<unknown> | void;
  blockedReason?: string | null;
  onBlocked?: () => void;
  header?: ReactNode;
  reopening?: Decision | null;
  onCancelReopen?: () => void;
  autoFocus?: boolean;
  onReady?: () => void;
  now?: () => number;
  submitLabel?: string;
}

const SOURCES: { value: DecisionSource; label: string }[] = [
  { value: 'meeting', label: 'Meeting' },
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
];

function draftFrom(decision: Decision, people: PeopleDirectory, now: number): DecisionDraft {
  return {
    title: decision.title,
    ownerText: ownerLabel(decision.owner, people),
    ownerPick: decision.owner,
    text: decision.text,
    participantsText: decision.participants.map((p) => ownerLabel(p, people)).join(', '),
    source: decision.source,
    decidedAt: toLocalInput(now),
  };
}

/** The decision form (see the file comment for its props). */
export function DecisionForm(props: DecisionFormProps) {
  const { people, reopening, autoFocus = true } = props;
  const clock = props.now ?? Date.now;
  const [draft, setDraft] = useState<DecisionDraft>(() => emptyDraft(clock()));
  const [errors, setErrors] = useState<DraftErrors & { form?: string }>({});
  const [saving, setSaving] = useState(false);
  const [ownerOpen, setOwnerOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const titleRef = useRef<HTMLInputElement>(null);
  const ownerRef = useRef<HTMLInputElement>(null);
  const uid = useId();
  const onReady = useRef(props.onReady);
  onReady.current = props.onReady;

  useLayoutEffect(() => {
    if (!autoFocus) return;
    titleRef.current?.focus();
    onReady.current?.();
  }, [autoFocus]);

  // Reopening pre-fills from the old decision; leaving reopen mode clears the form.
  const reopenId = reopening?.id ?? null;
  useEffect(() => {
    setDraft(reopening ? draftFrom(reopening, people, clock()) : emptyDraft(clock()));
    setErrors({});
    if (reopenId) titleRef.current?.select();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the decision being reopened changes
  }, [reopenId]);

  // "Choose a client first" goes away once the page has one.
  useEffect(() => {
    if (!props.blockedReason) setErrors((e) => (e.form ? { ...e, form: undefined } : e));
  }, [props.blockedReason]);

  const suggestions = useMemo(() => (ownerOpen ? suggestOwners(draft.ownerText, people) : []), [ownerOpen, draft.ownerText, people]);
  const resolved = useMemo(() => draft.ownerPick ?? resolveOwner(draft.ownerText, people), [draft.ownerPick, draft.ownerText, people]);

  const set = <K extends keyof DecisionDraft>(key: K, value: DecisionDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    const field = key === 'ownerText' || key === 'ownerPick' ? 'owner' : key === 'participantsText' ? 'participants' : key;
    if (errors[field as keyof DraftErrors] || errors.form) setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };

  async function submit() {
    if (saving) return;
    if (props.blockedReason) {
      setErrors({ form: props.blockedReason });
      props.onBlocked?.();
      return;
    }
    const result = validateDraft(draft, people, clock());
    if (!result.ok) {
      setErrors(result.errors);
      const first = (['title', 'owner', 'text', 'participants', 'decidedAt'] as const).find((f) => result.errors[f]);
      document.getElementById(`${uid}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await props.onSubmit(result.value);
      setDraft((d) => ({ ...emptyDraft(clock(), d.source) }));
      setErrors({});
      setOwnerOpen(false);
      titleRef.current?.focus();
    } catch (err) {
      setErrors({ form: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  }

  const onEnterSaves = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  const pick = (i: number) => {
    const s = suggestions[i];
    if (!s) return;
    setDraft((d) => ({ ...d, ownerText: s.label, ownerPick: s.owner }));
    setErrors((e) => ({ ...e, owner: undefined, form: undefined }));
    setOwnerOpen(false);
    setActive(-1);
  };

  const onOwnerKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!ownerOpen) setOwnerOpen(true);
      const n = suggestOwners(draft.ownerText, people).length;
      if (n === 0) return;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
    } else if (e.key === 'Escape' && ownerOpen) {
      e.preventDefault();
      e.stopPropagation();
      setOwnerOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter' && ownerOpen && active >= 0 && suggestions[active]) {
      e.preventDefault();
      pick(active);
    } else onEnterSaves(e);
  };

  const ownerHint =
    draft.ownerText.trim() && resolved
      ? resolved.kind === 'stakeholder'
        ? `Stakeholder: ${ownerLabel(resolved, people)}`
        : people.teammates.some((t) => t.name === resolved.name)
          ? `Teammate: ${resolved.name}`
          : `New name: ${resolved.name}${resolved.email ? ` <${resolved.email}>` : ''}`
      : undefined;
  const listId = `${uid}-owners`;
  const fieldId = (f: string) => `${uid}-${f}`;
  const err = (f: keyof DraftErrors) => errors[f];
  const describe = (f: keyof DraftErrors) => (errors[f] ? `${fieldId(f)}-err` : undefined);

  return (
    <form
      className="decision-form"
      aria-label={reopening ? 'Reopen a decision' : 'Log a decision'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      {reopening ? (
        <div className="df-reopen" role="status">
          <span>
            Reopening <strong>{reopening.title}</strong>
          </span>
          {props.onCancelReopen ? (
            <button type="button" className="btn-link" onClick={props.onCancelReopen}>
              Cancel
            </button>
          ) : null}
        </div>
      ) : null}
      {props.header}
      <div className="field">
        <label htmlFor={fieldId('title')}>Decision</label>
        <input
          ref={titleRef}
          id={fieldId('title')}
          className="input df-title"
          placeholder="What was decided?"
          autoComplete="off"
          maxLength={400}
          value={draft.title}
          aria-invalid={err('title') ? true : undefined}
          aria-describedby={describe('title')}
          onChange={(e) => set('title', e.target.value)}
          onKeyDown={onEnterSaves}
        />
        {err('title') ? <FieldError id={`${fieldId('title')}-err`}>{err('title')}</FieldError> : null}
      </div>

      <div className="df-row">
        <div className="field combo grow">
          <label htmlFor={fieldId('owner')}>Owner</label>
          <input
            ref={ownerRef}
            id={fieldId('owner')}
            className="input"
            placeholder="Stakeholder or teammate"
            autoComplete="off"
            role="combobox"
            aria-expanded={ownerOpen && suggestions.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={ownerOpen && active >= 0 ? `${listId}-${active}` : undefined}
            aria-invalid={err('owner') ? true : undefined}
            aria-describedby={describe('owner') ?? (ownerHint ? `${fieldId('owner')}-hint` : undefined)}
            value={draft.ownerText}
            onChange={(e) => {
              set('ownerText', e.target.value);
              set('ownerPick', null);
              setOwnerOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOwnerOpen(true)}
            onBlur={() => setOwnerOpen(false)}
            onKeyDown={onOwnerKey}
          />
          {ownerOpen && suggestions.length > 0 ? (
            <ul className="combo-list" role="listbox" id={listId} aria-label="Owners">
              {suggestions.map((s, i) => (
                <li
                  key={s.owner.kind === 'stakeholder' ? s.owner.stakeholderId : `m-${s.label}-${s.owner.email ?? ''}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="combo-option"
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(i);
                  }}
                >
                  <span className="combo-name">{s.label}</span>
                  <span className="combo-detail">{s.detail}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {err('owner') ? (
            <FieldError id={`${fieldId('owner')}-err`}>{err('owner')}</FieldError>
          ) : ownerHint ? (
            <span className="help" id={`${fieldId('owner')}-hint`}>
              {ownerHint}
            </span>
          ) : null}
        </div>
        <div className="field df-source">
          <label htmlFor={fieldId('source')}>Source</label>
          <select id={fieldId('source')} className="select" value={draft.source} onChange={(e) => set('source', e.target.value as DecisionSource)}>
            {SOURCES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="field">
        <label htmlFor={fieldId('text')}>
          Details <span className="faint">optional</span>
        </label>
        <textarea
          id={fieldId('text')}
          className="textarea df-text"
          rows={2}
          placeholder="Context, numbers, what changes"
          value={draft.text}
          aria-invalid={err('text') ? true : undefined}
          aria-describedby={describe('text')}
          onChange={(e) => set('text', e.target.value)}
        />
        {err('text') ? <FieldError id={`${fieldId('text')}-err`}>{err('text')}</FieldError> : null}
      </div>

      <div className="df-row">
        <div className="field grow">
          <label htmlFor={fieldId('participants')}>
            Participants <span className="faint">optional</span>
          </label>
          <input
            id={fieldId('participants')}
            className="input"
            autoComplete="off"
            placeholder="Names or emails"
            title="Separate people with commas"
            value={draft.participantsText}
            aria-invalid={err('participants') ? true : undefined}
            aria-describedby={describe('participants')}
            onChange={(e) => set('participantsText', e.target.value)}
            onKeyDown={onEnterSaves}
          />
          {err('participants') ? <FieldError id={`${fieldId('participants')}-err`}>{err('participants')}</FieldError> : null}
        </div>
        <div className="field df-when">
          <label htmlFor={fieldId('decidedAt')}>Decided at</label>
          <input
            id={fieldId('decidedAt')}
            type="datetime-local"
            className="input"
            value={draft.decidedAt}
            aria-invalid={err('decidedAt') ? true : undefined}
            aria-describedby={describe('decidedAt')}
            onChange={(e) => set('decidedAt', e.target.value)}
          />
        </div>
      </div>
      {err('decidedAt') ? <FieldError id={`${fieldId('decidedAt')}-err`}>{err('decidedAt')}</FieldError> : null}

      {errors.form ? (
        <div className="banner banner-bad" role="alert">
          {errors.form}
        </div>
      ) : null}
      <div className="df-actions">
        <span className="faint">
          <kbd>Enter</kbd> to save
        </span>
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : (props.submitLabel ?? (reopening ? 'Log reopened decision' : 'Log decision'))}
        </button>
      </div>
    </form>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="error-text" id={id} role="alert">
      {children}
    </span>
  );
}
