/**
 * A setting's value for a page (`lib/settings/`), kept current when any page or the background changes it.
 * `undefined` while it is read. `null` for the setting means "not available yet" (the popup passes its lazily
 * loaded settings once they are here), and reads as `undefined`.
 */
import { useEffect, useState } from 'react';
import type { Setting } from '../settings/item';

export function useSetting<T>(setting: Setting<T> | null): T | undefined {
  const [state, setState] = useState<{ setting: Setting<T> | null; value: T | undefined }>({ setting, value: undefined });
  useEffect(() => {
    if (!setting) return;
    let live = true;
    const show = (value: T) => live && setState({ setting, value });
    const unwatch = setting.watch(show);
    void setting.get().then(show);
    return () => {
      live = false;
      unwatch();
    };
  }, [setting]);
  return state.setting === setting ? state.value : undefined;
}
