import { firstShown, shownValue, textOf } from '../dom';
import type { PageFacts } from '../types';
import * as S from './selectors';

/**
 * Reads a Pipedrive record's name and, on deals, the pipeline stage, whether the deal is won and its
 * organization. Pipedrive keeps a won deal in its last stage and shows "Won" as a status, so the status
 * decides; an open deal (stage shown, no status badge) is not won.
 */
export function readPipedrivePage(doc: Document): PageFacts {
  const title = shownValue(firstShown(doc, S.RECORD_TITLE, S.HIDDEN_ANCESTOR)) ?? textOf(firstShown(doc, S.LEGACY_TITLE, S.HIDDEN_ANCESTOR));
  const stage = textOf(firstShown(doc, S.CURRENT_STAGE, S.HIDDEN_ANCESTOR));
  const status = textOf(firstShown(doc, S.DEAL_STATUS, S.HIDDEN_ANCESTOR));
  const account = textOf(firstShown(doc, S.ORGANIZATION_LINK, S.HIDDEN_ANCESTOR));
  if (stage === null && status === null) return { title, stage, isWonStage: null, account };
  return { title, stage, isWonStage: status !== null && /^won$/i.test(status), account };
}
