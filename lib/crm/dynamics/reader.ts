import { firstShown, textOf } from '../dom';
import type { PageFacts } from '../types';
import * as S from './selectors';

/**
 * Reads a Dynamics 365 record's name, its business process stage and whether it was won. The last
 * stage (Close) is reached before the deal is decided, so a win is read from the Status Reason, not
 * the stage; without a visible status the answer is unknown (null).
 */
export function readDynamicsPage(doc: Document): PageFacts {
  const title = textOf(firstShown(doc, S.RECORD_TITLE, S.HIDDEN_ANCESTOR));
  const stage = textOf(firstShown(doc, S.BPF_ACTIVE_STAGE, S.HIDDEN_ANCESTOR));
  const status = textOf(firstShown(doc, S.STATUS_REASON, S.HIDDEN_ANCESTOR));
  return { title, stage, isWonStage: status === null ? null : /^won$/i.test(status) };
}
