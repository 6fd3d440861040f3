import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for a Salesforce org's REST API, answering with the response shapes Salesforce
 * documents (version list, query pages with `nextRecordsUrl`, `[{ message, errorCode }]` errors).
 * The bearer token picks the scenario, so one server serves every test.
 */
export interface FakeSalesforce {
  origin: string;
  requests: Array<{ path: string; authorization: string | undefined; cookie: string | undefined }>;
  close(): Promise<void>;
}

export const OPP_ID = '0065g00000ABcdEAAT';
const V = '/services/data/v62.0';

const attributes = (type: string, id: string) => ({ type, url: `${V}/sobjects/${type}/${id}` });

export const OPPORTUNITY = {
  attributes: attributes('Opportunity', OPP_ID),
  Id: OPP_ID,
  Name: 'Acme – 200 Widgets',
  StageName: 'Proposal/Price Quote',
  IsWon: false,
  IsClosed: false,
  Amount: 120000.0,
  CloseDate: '2025-09-15',
  AccountId: '0015g00000XyZ12AAF',
  Account: { attributes: attributes('Account', '0015g00000XyZ12AAF'), Name: 'Acme Corporation' },
};

/** The same opportunity at the end of its life: the bearer token picks it. */
const SCENARIOS: Record<string, typeof OPPORTUNITY> = {
  won: { ...OPPORTUNITY, StageName: 'Closed Won', IsWon: true, IsClosed: true },
  lost: { ...OPPORTUNITY, StageName: 'Closed Lost', IsWon: false, IsClosed: true },
};

const role = (n: number, name: string, email: string | null, title: string | null, roleName: string | null, primary = false) => ({
  attributes: attributes('OpportunityContactRole', `00K5g00000Role${n}AAA`),
  Id: `00K5g00000Role${n}AAA`,
  ContactId: `0035g00000Cont${n}AAA`,
  Contact: { attributes: attributes('Contact', `0035g00000Cont${n}AAA`), Name: name, Email: email, Title: title },
  Role: roleName,
  IsPrimary: primary,
});

export const ROLE_PAGES = [
  [
    role(1, 'Avery Chen', 'avery.chen@acme.example', 'CFO', 'Economic Buyer', true),
    role(2, 'Blake Diaz', 'blake.diaz@acme.example', 'COO', 'Executive Sponsor'),
  ],
  [
    role(3, 'Casey Ito', 'casey.ito@acme.example', 'Head of IT', 'Technical Buyer'),
    role(4, 'Drew Fox', null, null, null),
  ],
];

const errors = {
  expired: [401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]],
  'api-disabled-org': [403, [{ message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' }]],
  'api-disabled-user': [403, [{ message: 'API is disabled for this User', errorCode: 'API_CURRENTLY_DISABLED' }]],
  maintenance: [503, [{ message: 'Server temporarily unavailable for maintenance', errorCode: 'SERVER_UNAVAILABLE' }]],
} as const;

function answer(token: string, path: string, q: string | null): [number, unknown, string?] {
  if (token in errors) return errors[token as keyof typeof errors] as unknown as [number, unknown];
  if (token === 'login-page') return [200, '<html><body>Login | Salesforce</body></html>', 'text/html'];
  if (path === '/services/data/') {
    return [200, [
      { label: "Winter '24", url: '/services/data/v59.0', version: '59.0' },
      { label: "Winter '25", url: V, version: '62.0' },
      { label: "Summer '24", url: '/services/data/v61.0', version: '61.0' },
    ]];
  }
  if (path === `${V}/query` && q?.includes('FROM Opportunity WHERE')) {
    if (!q.includes(`'${OPP_ID}'`)) return [200, { totalSize: 0, done: true, records: [] }];
    const record = token === 'bad-shape' ? { ...OPPORTUNITY, Name: 42 } : (SCENARIOS[token] ?? OPPORTUNITY);
    return [200, { totalSize: 1, done: true, records: [record] }];
  }
  if (path === `${V}/query` && q?.includes('FROM OpportunityContactRole')) {
    const next = token === 'foreign-next' ? 'https://attacker.example/steal' : `${V}/query/01gD0000002HU6KIAW-2`;
    return [200, { totalSize: 4, done: false, nextRecordsUrl: next, records: ROLE_PAGES[0] }];
  }
  if (path === `${V}/query/01gD0000002HU6KIAW-2`) return [200, { totalSize: 4, done: true, records: ROLE_PAGES[1] }];
  return [404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]];
}

/** Starts the fake org on 127.0.0.1 on a random port. */
export async function startFakeSalesforce(): Promise<FakeSalesforce> {
  const requests: FakeSalesforce['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname + url.search, authorization: req.headers.authorization, cookie: req.headers.cookie });
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const [status, body, type = 'application/json;charset=UTF-8'] = answer(token, url.pathname, url.searchParams.get('q'));
    res.writeHead(status, { 'Content-Type': type });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
