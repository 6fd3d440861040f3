/**
 * What the panel says when a CRM layout defeats its readers: which fact it could not read and what that turns off,
 * with "Copy a layout report" to send us, and where facts came from when the CRM's API supplied them. Props in,
 * events out: the panel's hook builds and copies the report.
 */
import { Banner } from '../ui';

/** Where "Copy a layout report" stands. `shown`: written but not copied (the browser refused), so it is shown to copy by hand. */
export type LayoutReportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'copied'; text: string }
  | { status: 'shown'; text: string }
  | { status: 'failed'; message: string };

export interface LayoutNoticeProps {
  /** One sentence per fact the page does not show, saying what it turns off. */
  unread: readonly string[];
  /** Facts that came from the CRM's API rather than the page ("Stage from Salesforce’s API"). */
  sources: readonly string[];
  /** Why the API could not fill in what the page does not show; null when it did or is off. */
  apiNote: string | null;
  report: LayoutReportState;
  onCopyReport(): void;
}

export function LayoutNotice({ unread, sources, apiNote, report, onCopyReport }: LayoutNoticeProps) {
  if (unread.length === 0 && sources.length === 0) return null;
  return (
    <div className="section layout-notice stack-tight">
      {unread.length > 0 ? (
        <Banner tone="warn" role="status" title={unread.length === 1 ? 'Part of this layout is not readable' : 'This layout is not readable'}>
          {unread.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          {apiNote ? <p className="muted">Salesforce’s API could not fill it in: {apiNote}</p> : null}
          <p className="muted">
            A layout report helps us read this layout. It lists the page’s element names and attributes only: no record text, no names, no ids.
          </p>
          <div className="row">
            <button type="button" className="btn btn-small" onClick={onCopyReport} disabled={report.status === 'working'}>
              Copy a layout report
            </button>
            <span role="status" aria-live="polite" className={report.status === 'failed' ? 'error-text' : 'muted'}>
              {report.status === 'working'
                ? 'Writing the report…'
                : report.status === 'copied'
                  ? 'Copied. Paste it into your message to Baton support.'
                  : report.status === 'shown'
                    ? 'Your browser did not let Baton copy it: select the report below and copy it.'
                    : report.status === 'failed'
                      ? report.message
                      : null}
            </span>
          </div>
          {report.status === 'copied' || report.status === 'shown' ? (
            <details open={report.status === 'shown'}>
              <summary>What the report contains</summary>
              <textarea className="input layout-report" readOnly value={report.text} aria-label="Layout report" rows={8} />
            </details>
          ) : null}
        </Banner>
      ) : null}
      {sources.length > 0 ? (
        <p className="faint fact-sources" role="note">
          {sources.join(' · ')}
        </p>
      ) : null}
    </div>
  );
}
