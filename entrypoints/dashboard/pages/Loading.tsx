/** A calm loading state: what is loading, and grey lines where it will appear. */
export function Loading({ what }: { what: string }) {
  return (
    <div className="page loading" role="status" aria-live="polite">
      <p className="muted">Loading {what}…</p>
      <div className="skeleton" />
      <div className="skeleton" />
      <div className="skeleton short" />
    </div>
  );
}
