import { clean, firstShown, shownValue, textOf } from '../dom';
import type { PageFacts } from '../types';
import * as S from './selectors';

/** The save status the Unified Interface appends to the header title's text. */
const SAVE_STATUS = /\s+-\s+(?:Saved|Unsaved|Saving…?)$/;

/**
 * Reads a Dynamics 365 record's name, its business process stage, whether it was won and its account. The
 * last stage (Close) is reached before the deal is decided, so a win is read from the Status Reason, not the
 * stage; without a visible status the answer is unknown (null). Status Reason Won is option value 3 on the
 * standard opportunity, whatever the label's language.
 */
export function readDynamicsPage(doc: Document): PageFacts {
  const heading = firstShown(doc, S.RECORD_TITLE, S.HIDDEN_ANCESTOR);
  const title = clean(heading?.getAttribute('title')) ?? textOf(heading)?.replace(SAVE_STATUS, '') ?? null;
  const stage = textOf(firstShown(doc, S.BPF_ACTIVE_STAGE, S.HIDDEN_ANCESTOR));
  const control = firstShown(doc, S.STATUS_REASON, S.HIDDEN_ANCESTOR);
  const status = control?.localName === 'button' || control?.localName === 'select' ? shownValue(control) : (clean(control?.getAttribute('value')) ?? textOf(control));
  const wonOption = control?.localName === 'select' && control.querySelector('option:checked')?.getAttribute('value') === '3';
  const account = textOf(firstShown(doc, S.ACCOUNT_TAG, S.HIDDEN_ANCESTOR));
  return { title, stage, isWonStage: status === null ? null : wonOption || /^won$/i.test(status), account };
}
