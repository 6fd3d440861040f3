/**
 * "Copy a layout report": asks the CRM tab's content script for the page's outline (never its text), writes the
 * report (lib/crm/layout-report.ts) and copies it. Where the browser refuses the clipboard the report is shown
 * to copy by hand; every other failure says what to do.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LayoutReportState } from '../../components/record/LayoutNotice';
import { FACT_NAMES, type PageFact } from '../../lib/crm/facts';
import { writeLayoutReport } from '../../lib/crm/layout-report';
import { pageOutlineSchema, type LayoutOutlineRequest } from '../../lib/messages/panel';
import { hostTabId } from './bridge';
import type { HostRecord } from './useHostRecord';

/** Copies through the async clipboard, else through a selected text box (older permission policies in frames). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const box = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
    box.style.position = 'fixed';
    box.style.opacity = '0';
    document.body.append(box);
    box.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      box.remove();
    }
  }
}

export function useLayoutReport(record: HostRecord, unread: readonly PageFact[]): { report: LayoutReportState; copy(): void } {
  const [report, setReport] = useState<LayoutReportState>({ status: 'idle' });
  const recordKey = `${record.ref.crm}/${record.ref.objectName}/${record.ref.id}`;
  useEffect(() => setReport({ status: 'idle' }), [recordKey]);

  const copy = useCallback(() => {
    setReport({ status: 'working' });
    void (async () => {
      const tabId = await hostTabId();
      if (tabId === undefined) return setReport({ status: 'failed', message: 'Open this record in its CRM tab to write a layout report.' });
      const request: LayoutOutlineRequest = { type: 'baton:layout-outline' };
      const answer: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
      const outline = pageOutlineSchema.safeParse(answer);
      if (!outline.success) return setReport({ status: 'failed', message: 'The CRM tab did not answer. Reload the record page and try again.' });
      const text = writeLayoutReport(
        {
          crm: record.ref.crm,
          objectName: record.ref.objectName,
          unread: unread.map((f) => FACT_NAMES[f]),
          version: browser.runtime.getManifest().version,
          userAgent: navigator.userAgent,
          at: new Date().toISOString(),
        },
        outline.data,
      );
      setReport(await copyText(text) ? { status: 'copied', text } : { status: 'shown', text });
    })();
  }, [recordKey, unread.join()]);
  return { report, copy };
}
