/** The portable one-pager: a printable sheet (print to PDF) and the same words as Markdown to download or copy. */
import { useMemo, useState } from 'react';
import { Badge, Banner, Empty } from '../../../components/ui';
import { useQuery } from '../../../lib/hooks/data';
import { buildOnePager, onePagerFileName, onePagerMarkdown, type OnePager } from '../../../lib/one-pager/build';
import { toDomainBundle } from '../../../lib/clients/views';
import { href } from '../router';
import { Loading } from './Loading';

export function OnePagerPage({ clientId }: { clientId: string }) {
  const bundle = useQuery('clientBundle', [clientId]).value;
  const pager = useMemo(() => (bundle ? buildOnePager(toDomainBundle(bundle)) : null), [bundle]);
  const [copied, setCopied] = useState<string>();
  if (bundle === undefined) return <Loading what="the one-pager" />;
  if (!bundle || !pager) {
    return (
      <div className="page">
        <Empty title="This client is not in this browser’s data">
          <p>
            <a href={href.triage}>Back to the triage</a>
          </p>
        </Empty>
      </div>
    );
  }
  const markdown = onePagerMarkdown(pager);
  const download = () => {
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = onePagerFileName(pager.clientName);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setCopied('Markdown copied.');
    } catch {
      setCopied('The browser did not allow copying; use Download instead.');
    }
  };
  return (
    <div className="page one-pager-page">
      <div className="page-head no-print">
        <div>
          <p className="crumbs">
            <a href={href.triage}>Triage</a> / <a href={href.client(clientId)}>{pager.clientName}</a> / One-pager
          </p>
          <h1>One-pager</h1>
          <p className="muted">For the customer’s own people to carry: print it to PDF, or share it as Markdown.</p>
        </div>
        <div className="row">
          <button className="btn btn-primary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <button className="btn" onClick={download}>
            Download Markdown
          </button>
          <button className="btn" onClick={() => void copy()}>
            Copy Markdown
          </button>
        </div>
      </div>
      {copied ? (
        <div className="no-print" role="status">
          <Banner tone="ok">{copied}</Banner>
        </div>
      ) : null}
      {pager.toConfirm.length ? (
        <div className="no-print to-confirm">
          <Banner tone="warn" title="Before you share it (not printed)">
            <ul>
              {pager.toConfirm.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </Banner>
        </div>
      ) : null}
      <Sheet pager={pager} />
    </div>
  );
}

function Sheet({ pager: p }: { pager: OnePager }) {
  const o = p.objective;
  return (
    <article className="sheet" aria-label="One-pager">
      <header className="sheet-head">
        <h1>{p.title}</h1>
        <p className="sheet-meta">
          {p.prepared}. {p.standing}
        </p>
      </header>
      {!o ? (
        <p>No shared objective has been written yet.</p>
      ) : (
        <>
          <section>
            <h2>The outcome we are working toward</h2>
            <p className="sheet-outcome">{o.outcome || 'To be written together.'}</p>
          </section>
          {o.scope.length || o.nonScope.length ? (
            <section className="sheet-cols">
              {o.scope.length ? (
                <div>
                  <h2>In scope</h2>
                  <ul>
                    {o.scope.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {o.nonScope.length ? (
                <div>
                  <h2>Not in scope</h2>
                  <ul>
                    {o.nonScope.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </section>
          ) : null}
          {o.criteria.length ? (
            <section>
              <h2>How we will know it worked</h2>
              <table className="sheet-table">
                <thead>
                  <tr>
                    <th>Measure</th>
                    <th>Target</th>
                    <th>By</th>
                    <th>Now</th>
                    <th>Status</th>
                  </tr>
                </thead>
                <tbody>
                  {o.criteria.map((c) => (
                    <tr key={c.metric}>
                      <td>{c.metric}</td>
                      <td>{c.target}</td>
                      <td>{c.due}</td>
                      <td>{c.current}</td>
                      <td>
                        <Badge tone={c.tone}>{c.status}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <section className="sheet-cols">
            {o.decisionOwners.length ? (
              <div>
                <h2>Who decides</h2>
                <ul>
                  {o.decisionOwners.map((d) => (
                    <li key={d.area}>
                      <strong>{d.area}:</strong> {d.name}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div>
              <h2>Signed by</h2>
              {o.signatures.length ? (
                <ul>
                  {o.signatures.map((s) => (
                    <li key={s.role}>
                      <strong>{s.name}</strong>, {s.role.toLowerCase()} <span className="sheet-faint">· version {s.version}, {s.date}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Not signed yet.</p>
              )}
            </div>
          </section>
          <p className="sheet-faint">{o.review}</p>
        </>
      )}
      {p.businessCase ? (
        <section className="sheet-case">
          <h2 className="sheet-case-title">The case for the next step</h2>
          <ol className="sheet-questions">
            {p.businessCase.map((s) => (
              <li key={s.heading}>
                <h3>{s.heading}</h3>
                <ul>
                  {s.lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
