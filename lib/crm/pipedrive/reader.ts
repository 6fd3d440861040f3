import { firstShown, textOf } from '../dom';
import type { PageFacts } from '../types';
import * as S from './selectors';

/**
 * Reads a Pipedrive record's name and, on deals, the pipeline stage and whether the deal is won.
 * Pipedrive keeps a won deal in its last stage and shows "Won" as a status, so the status decides;
 * an open deal (stage shown, no status badge) is not won.
 */
export function readPipedrivePage(doc: Document): PageFacts {
  const title = textOf(firstShown(doc, S.RECORD_TITLE, S.HIDDEN_ANCESTOR));
  const stage = textOf(firstShown(doc, S.CURRENT_STAGE, S.HIDDEN_ANCESTOR));
  const status = textOf(firstShown(doc, S.DEAL_STATUS, S.HIDDEN_ANCESTOR));
  if (stage === null && status === null) return { title, stage, isWonStage: null };
  return { title, stage, isWonStage: status !== null && /^won$/i.test(status) };
}
