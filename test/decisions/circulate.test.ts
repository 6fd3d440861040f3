import { describe, expect, it } from 'vitest';
import { decisionSummary, formatTimeLeft, mailtoUrl, mdEscape, recipients } from '../../lib/decisions/circulate';
import type { Decision } from '../../lib/domain/schemas';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const H = 3_600_000;
const people = {
  stakeholders: [
    { id: 's1', name: 'Dana Whitfield', email: 'Dana@Client.com' },
    { id: 's2', name: 'Raj Patel' },
  ],
};
const decision: Decision = {
  id: 'd1',
  clientId: 'c1',
  title: 'Go-live moves to *1 March*',
  text: 'SSO first.\nThen the data import.',
  owner: { kind: 'stakeholder', stakeholderId: 's1' },
  decidedAt: NOW - 2 * H,
  participants: [{ kind: 'stakeholder', stakeholderId: 's2' }, { kind: 'member', name: 'Sam Rep', email: 'sam@us.com' }],
  source: 'call',
  createdAt: NOW - H,
};

describe('time left to circulate', () => {
  it.each<[number, string]>([
    [24 * H - 60_000, '24 h left'],
    [22 * H + 5 * 60_000, '22 h left'],
    [5 * H + 20 * 60_000, '5 h 20 min left'],
    [40 * 60_000, '40 min left'],
    [10_000, '1 min left'],
    [-3 * H, '3 h overdue'],
    [-50 * H, '2 days overdue'],
  ])('writes %d ms as "%s"', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});

describe('the summary', () => {
  const summary = decisionSummary(decision, {
    ...people,
    clientName: 'Acme',
    recordUrl: 'https://acme.lightning.force.com/lightning/r/Account/001/view',
    loggedBy: 'Sam Rep <sam@us.com>',
    reopened: { title: 'Go-live on 1 February', decidedAt: Date.UTC(2026, 10, 20, 9, 0) },
    timeZone: 'UTC',
  });

  it('has a subject naming the decision and the client', () => {
    expect(summary.subject).toBe('Decision reopened: Go-live moves to *1 March* (Acme)');
  });

  it('reads as plain text', () => {
    expect(summary.text).toBe(
      [
        'Decision (reopened): Go-live moves to *1 March*',
        '',
        'Client: Acme',
        'Owner: Dana Whitfield',
        'Decided: 23 Nov 2026, 10:00 UTC, on a call',
        'Participants: Raj Patel, Sam Rep',
        'Reopens: “Go-live on 1 February” (decided 20 Nov 2026, 09:00 UTC)',
        'Logged by: Sam Rep <sam@us.com>',
        '',
        'SSO first.',
        'Then the data import.',
        '',
        'Record: https://acme.lightning.force.com/lightning/r/Account/001/view',
      ].join('\n'),
    );
  });

  it('is Markdown with user text escaped and the body quoted', () => {
    expect(summary.markdown.split('\n')[0]).toBe('**Decision (reopened): Go\\-live moves to \\*1 March\\***');
    expect(summary.markdown).toContain('- **Owner:** Dana Whitfield');
    expect(summary.markdown).toContain('> SSO first.\n> Then the data import.');
    expect(summary.markdown).toContain('[Open the record](https://acme.lightning.force.com/lightning/r/Account/001/view)');
  });

  it('is HTML with user text escaped', () => {
    const html = decisionSummary({ ...decision, title: '<img src=x onerror=alert(1)>' }, { ...people, clientName: 'A&B' }).html;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('A&amp;B');
    expect(html).not.toContain('<img');
  });

  it('escapes every Markdown control character', () => {
    expect(mdEscape('a_b [c](d) #1 `x`')).toBe('a\\_b \\[c\\]\\(d\\) \\#1 \\`x\\`');
  });
});

describe('recipients and mailto', () => {
  it('sends to the owner and participants with an e-mail, names the others, and leaves me out', () => {
    expect(recipients(decision, people)).toEqual({ to: ['dana@client.com', 'sam@us.com'], missing: ['Raj Patel'] });
    expect(recipients(decision, people, { name: 'Sam Rep', email: 'SAM@us.com' })).toEqual({ to: ['dana@client.com'], missing: ['Raj Patel'] });
  });

  it('de-duplicates an owner who is also a participant', () => {
    const d = { ...decision, participants: [{ kind: 'stakeholder' as const, stakeholderId: 's1' }] };
    expect(recipients(d, people).to).toEqual(['dana@client.com']);
  });

  it('encodes subject and body per RFC 6068: %20 for spaces, CRLF line breaks, reserved characters escaped', () => {
    expect(mailtoUrl(['a@x.com', 'b+tag@y.com'], 'Decision: A & B?', 'Line 1\nLine 2 #3 100%')).toBe(
      'mailto:a@x.com,b%2Btag@y.com?subject=Decision%3A%20A%20%26%20B%3F&body=Line%201%0D%0ALine%202%20%233%20100%25',
    );
  });

  it('round-trips the body through URL decoding', () => {
    const url = new URL(mailtoUrl(['a@x.com'], 's', 'Ünïcode — “quotes”\nnext'));
    expect(url.searchParams.get('body')).toBe('Ünïcode — “quotes”\r\nnext');
  });
});
