import { firstShown, textOf } from '../dom';
import type { PageFacts } from '../types';
import * as S from './selectors';

/**
 * Reads a HubSpot record's name and, on deals, its deal stage and company. Won means the default pipeline's
 * "Closed won" label; a renamed won stage in a custom pipeline is not recognised from the page alone.
 */
export function readHubspotPage(doc: Document): PageFacts {
  const title = textOf(firstShown(doc, S.RECORD_TITLE, S.HIDDEN_ANCESTOR));
  const stage = textOf(firstShown(doc, S.DEAL_STAGE, S.HIDDEN_ANCESTOR) ?? firstShown(doc, S.LEGACY_DEAL_STAGE, S.HIDDEN_ANCESTOR));
  const account = textOf(firstShown(doc, S.COMPANY_LINK, S.HIDDEN_ANCESTOR));
  return { title, stage, isWonStage: stage === null ? null : /^closed ?won$/i.test(stage), account };
}
