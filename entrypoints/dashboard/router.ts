/** Hash routes of the dashboard: `#/`, `#/metrics`, `#/settings`, `#/client/<id>`, `#/one-pager/<id>`. */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'triage' }
  | { page: 'metrics' }
  | { page: 'settings' }
  | { page: 'client'; clientId: string }
  | { page: 'one-pager'; clientId: string }
  | { page: 'not-found'; hash: string };

/** Parse a location hash into a route. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '') return { page: 'triage' };
  if (path === '/metrics') return { page: 'metrics' };
  if (path === '/settings') return { page: 'settings' };
  const m = /^\/(client|one-pager)\/([^/]+)$/.exec(path);
  if (m) {
    try {
      return { page: m[1] as 'client' | 'one-pager', clientId: decodeURIComponent(m[2]!) };
    } catch {
      return { page: 'not-found', hash };
    }
  }
  return { page: 'not-found', hash };
}

export const href = {
  triage: '#/',
  metrics: '#/metrics',
  settings: '#/settings',
  client: (id: string) => `#/client/${encodeURIComponent(id)}`,
  onePager: (id: string) => `#/one-pager/${encodeURIComponent(id)}`,
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => {
      setRoute(parseRoute(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
