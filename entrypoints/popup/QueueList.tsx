/**
 * My queue: what waits for me, each item a link to the CRM record it is about (or the client's dashboard page when
 * no record is linked). Props in, events out.
 */
import { browser } from 'wxt/browser';
import { Badge } from '../../components/ui';
import { CRM_NAMES, dashboardClientPath, linkUrl, pickLink } from '../../lib/crm/links';
import type { QueueItem, QueueKind } from '../../lib/queue/rules';
import type { MyQueue } from '../../lib/queue/query';

const KIND_LABEL: Record<QueueKind, string> = {
  handoff_awaiting_me: 'To accept',
  handoff_rejected: 'Rejected',
  handoff_overdue: 'Past SLA',
  decision_not_circulated: 'Circulate',
  objective_review_overdue: 'Review',
};

function target(item: QueueItem, queue: MyQueue): { url: string; where: string } {
  const link = pickLink(queue.links.get(item.clientId) ?? [], item.dealId);
  const url = link && linkUrl(link);
  if (link && url) return { url, where: `Open in ${CRM_NAMES[link.crm]}` };
  return { url: browser.runtime.getURL(dashboardClientPath(item.clientId) as '/dashboard.html'), where: 'Open in Baton' };
}

export function QueueList({ queue, onOpen, limit = 8 }: { queue: MyQueue; onOpen: (url: string) => void; limit?: number }) {
  const items = queue.items.slice(0, limit);
  return (
    <>
      <ul className="queue" aria-label="My queue">
        {items.map((item) => {
          const t = target(item, queue);
          return (
            <li key={item.key} data-kind={item.kind}>
              <a
                className={`queue-item${item.urgent ? ' queue-urgent' : ''}`}
                href={t.url}
                target="_blank"
                rel="noreferrer"
                title={t.where}
                onClick={(e) => {
                  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  onOpen(t.url);
                }}
              >
                <span className={`dot ${item.urgent ? 'dot-bad' : 'dot-warn'}`} aria-hidden="true" />
                <span className="queue-text">
                  <span className="queue-title">{item.title}</span>
                  <span className="queue-detail">
                    <span className="queue-client">{item.clientName}</span> · {item.detail}
                  </span>
                </span>
                <Badge tone={item.urgent ? 'bad' : 'neutral'}>{KIND_LABEL[item.kind]}</Badge>
                {item.urgent ? <span className="sr-only">(urgent)</span> : null}
              </a>
            </li>
          );
        })}
      </ul>
      {queue.items.length > limit ? (
        <a
          className="popup-more"
          href={browser.runtime.getURL('/dashboard.html')}
          target="_blank"
          rel="noreferrer"
          onClick={(e) => {
            e.preventDefault();
            onOpen(browser.runtime.getURL('/dashboard.html'));
          }}
        >
          {queue.items.length - limit} more in the dashboard
        </a>
      ) : null}
    </>
  );
}
