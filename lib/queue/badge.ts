/**
 * The toolbar badge: how many items of my queue are urgent (lib/queue/rules.ts), kept current by a Dexie live query in
 * the background, so a decision logged in the popup, a hand-over rejected in the panel or a pulled sync change
 * updates it without anyone asking. Deadlines pass without any database change (an SLA runs out, 24 hours pass),
 * so an alarm re-counts every 5 minutes; the profile changing (who "me" is) re-subscribes.
 *
 * MV3 stops the worker at will: the live query dies with it and `startBadge()` runs again on the next wake (the
 * alarm wakes it), recomputing from the database. Nothing is kept in memory that cannot be rebuilt.
 */
import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { loadQueueInput } from './query';
import { profileSetting } from '../settings/profile';
import { badgeText, buildQueue, urgentCount } from './rules';

export const BADGE_ALARM = 'baton-badge';
const BADGE_COLOR = '#ba0517';

async function show(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: badgeText(count) });
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setTitle({ title: count ? `Baton: ${count} urgent item${count === 1 ? '' : 's'} in your queue` : 'Baton: log a decision' });
}

/** Start keeping the badge current; returns a function that stops it (tests). Call once from the background. */
export function startBadge(): () => void {
  let sub: Subscription | undefined;
  let stopped = false;

  const subscribe = async () => {
    const me = await profileSetting.get();
    if (stopped) return;
    sub?.unsubscribe();
    sub = liveQuery(async () => {
      return urgentCount(buildQueue(await loadQueueInput(getDb(), { name: me.name, ...(me.email ? { email: me.email } : {}) }, Date.now())));
    }).subscribe({
      next: (count) => void show(count).catch(() => undefined),
      error: (err: unknown) => console.warn('Baton badge: could not count the queue', err),
    });
  };

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name !== BADGE_ALARM) return;
    void subscribe();
  };

  browser.alarms.onAlarm.addListener(onAlarm);
  const unwatch = profileSetting.watch(() => void subscribe());
  void browser.alarms.create(BADGE_ALARM, { periodInMinutes: 5 });
  void subscribe();

  return () => {
    stopped = true;
    sub?.unsubscribe();
    browser.alarms.onAlarm.removeListener(onAlarm);
    unwatch();
    void browser.alarms.clear(BADGE_ALARM);
  };
}
