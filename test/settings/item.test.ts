import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { defineSetting } from '../../lib/settings/item';

const schema = z.object({ colour: z.enum(['red', 'blue']), size: z.number().int().min(1) });
const setting = defineSetting('local:test.setting', schema, { fallback: { colour: 'red', size: 1 } });

beforeEach(() => fakeBrowser.reset());

describe('a setting', () => {
  it('reads its fallback until something is stored', async () => {
    expect(await setting.get()).toEqual({ colour: 'red', size: 1 });
  });

  it('keeps its value under its plain name in local storage, where earlier versions kept it', async () => {
    await setting.set({ colour: 'blue', size: 3 });
    expect((await browser.storage.local.get('test.setting'))['test.setting']).toEqual({ colour: 'blue', size: 3 });
    expect(await setting.get()).toEqual({ colour: 'blue', size: 3 });
  });

  it('reads a stored value that does not parse as its fallback', async () => {
    await browser.storage.local.set({ 'test.setting': { colour: 'green', size: 0 } });
    expect(await setting.get()).toEqual({ colour: 'red', size: 1 });
  });

  it('refuses to store a value that does not parse, and keeps the one it had', async () => {
    await setting.set({ colour: 'blue', size: 2 });
    await expect(setting.set({ colour: 'blue', size: -1 })).rejects.toThrow(z.ZodError);
    expect(await setting.get()).toEqual({ colour: 'blue', size: 2 });
  });

  it('tells a watcher every change, validated, and stops when asked', async () => {
    const seen: unknown[] = [];
    const stop = setting.watch((v) => seen.push(v));
    await setting.set({ colour: 'blue', size: 2 });
    await browser.storage.local.set({ 'test.setting': 'junk' });
    stop();
    await setting.set({ colour: 'red', size: 5 });
    expect(seen).toEqual([{ colour: 'blue', size: 2 }, { colour: 'red', size: 1 }]);
  });

  it('forgets its value', async () => {
    await setting.set({ colour: 'blue', size: 2 });
    await setting.remove();
    expect(await setting.get()).toEqual({ colour: 'red', size: 1 });
  });
});
