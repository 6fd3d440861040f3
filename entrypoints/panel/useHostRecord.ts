import { useEffect, useState } from 'react';
import type { RecordMessage } from '../../lib/messages/panel';
import { connectToHost, followActiveTab, panelMode, type PanelMode } from './bridge';

/** The CRM record the panel is about, as the CRM page shows it. */
export type HostRecord = Omit<RecordMessage, 'type'>;

export interface HostRecordState {
  mode: PanelMode;
  /** `waiting`: nothing heard yet; `none`: the tab shows no record (home, list, not a CRM). */
  status: 'waiting' | 'none' | 'record';
  record: HostRecord | null;
  /** In iframe mode, whether the in-page panel is currently shown (false while collapsed to the launcher). */
  visible: boolean;
}

/**
 * The current `{ ref, title, stage, isWonStage, crmOrigin, pending }`: from the host page over the bridge in
 * iframe mode (`panel.html`), or by following the active tab through the background in side-panel mode
 * (`panel.html?mode=sidebar`). Updates as the user navigates and as the deal moves on the Path.
 */
export function useHostRecord(): HostRecordState {
  const [state, setState] = useState<HostRecordState>({ mode: panelMode, status: 'waiting', record: null, visible: true });
  useEffect(() => {
    if (panelMode === 'sidebar') {
      return followActiveTab((msg) =>
        setState((s) => ({ ...s, ...(msg.type === 'baton:record' ? { status: 'record', record: strip(msg) } : { status: 'none', record: null }) })),
      );
    }
    const connection = connectToHost((msg) =>
      setState((s) =>
        msg.type === 'baton:visibility'
          ? { ...s, visible: msg.open }
          : { ...s, ...(msg.type === 'baton:record' ? { status: 'record', record: strip(msg) } : { status: 'none', record: null }) },
      ),
    );
    return () => connection.close();
  }, []);
  return state;
}

function strip({ type: _type, ...record }: RecordMessage): HostRecord {
  return record;
}
