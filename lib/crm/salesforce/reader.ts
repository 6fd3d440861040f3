import { clean, firstShown, textOf } from '../dom';
import type { PageFacts } from '../types';
import * as S from './selectors';

/**
 * Reads the record name, current stage and account of the Salesforce page on screen (Lightning or Classic),
 * ignoring cached pages and background console workspaces Lightning keeps in the DOM. A stage is won when the
 * Path marks it so or it is named "Closed Won" (the standard label, and the only sign Classic gives).
 */
export function readSalesforcePage(doc: Document): PageFacts {
  const title = textOf(
    firstShown(doc, S.RECORD_TITLE, S.HIDDEN_ANCESTOR) ?? firstShown(doc, S.CLASSIC_TITLE, S.HIDDEN_ANCESTOR),
  );
  const account = textOf(firstShown(doc, S.ACCOUNT_LINK, S.HIDDEN_ANCESTOR));
  const item = firstShown(doc, S.PATH_CURRENT_ITEM, S.HIDDEN_ANCESTOR);
  const label = item?.querySelector(S.PATH_ITEM_TITLE);
  const stage = item
    ? (clean(label?.getAttribute('data-label')) ?? textOf(label))
    : textOf(firstShown(doc, S.CLASSIC_STAGE, S.HIDDEN_ANCESTOR));
  if (stage === null) return { title, stage, isWonStage: null, account };
  return { title, stage, isWonStage: Boolean(item?.matches(S.PATH_WON_ITEM)) || /^closed won$/i.test(stage), account };
}
