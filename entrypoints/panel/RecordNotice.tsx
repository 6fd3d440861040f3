/** The layout notice for the record on screen: the words for what could not be read, and the report button wired up. */
import { LayoutNotice } from '../../components/record/LayoutNotice';
import { sourceLines, UNREAD_WORDING } from '../../lib/crm/facts';
import type { HostRecord } from './useHostRecord';
import { useLayoutReport } from './useLayoutReport';
import type { RecordFactsState } from './useRecordFacts';

export function RecordNotice({ record, state }: { record: HostRecord; state: RecordFactsState }) {
  const { facts, apiNote } = state;
  const { report, copy } = useLayoutReport(record, facts.unread);
  return (
    <LayoutNotice
      unread={facts.unread.map((f) => UNREAD_WORDING[f])}
      sources={sourceLines(record.ref.crm, facts)}
      apiNote={facts.unread.includes('stage') ? apiNote : null}
      report={report}
      onCopyReport={copy}
    />
  );
}
