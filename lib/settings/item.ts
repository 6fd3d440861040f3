/**
 * A setting: a WXT storage item (`storage.defineItem`: versioned, with migrations and `watch`) whose value is
 * guarded by a zod schema on every read and write. A stored value that does not parse (written by hand, by an older
 * version, or half-written) reads as the fallback instead of breaking a page; a value that does not parse is never
 * written. Each setting of Baton is one `defineSetting` call in `lib/settings/`.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod';

export interface Setting<T> {
  /** The storage key, `local:<name>`. */
  readonly key: StorageItemKey;
  /** What reads return when nothing valid is stored. */
  readonly fallback: T;
  /** The stored value, validated; the fallback when absent or invalid. */
  get(): Promise<T>;
  /** Validate and store `value`; throws the schema's `ZodError` (nothing written) when it does not parse. */
  set(value: unknown): Promise<T>;
  /** Forget the stored value (reads give the fallback again). */
  remove(): Promise<void>;
  /** Call `onChange` with the validated value whenever any page or the background changes it. */
  watch(onChange: (value: T) => void): () => void;
}

export interface SettingOptions<T> {
  fallback: T;
  /** The stored format's version; bump it with a migration when the schema changes shape. */
  version?: number;
  /** Migrations to each version from the one before (WXT runs them when the extension updates). */
  migrations?: Record<number, (old: unknown) => unknown>;
}

/** One setting kept in the extension's local storage under `key`, validated by `schema`. */
export function defineSetting<S extends z.ZodType>(key: StorageItemKey, schema: S, options: SettingOptions<z.output<S>>): Setting<z.output<S>> {
  type T = z.output<S>;
  const item = storage.defineItem<unknown>(key, { version: options.version ?? 1, ...(options.migrations ? { migrations: options.migrations } : {}) });
  const read = (raw: unknown): T => {
    if (raw === null || raw === undefined) return options.fallback;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : options.fallback;
  };
  return {
    key,
    fallback: options.fallback,
    get: async () => read(await item.getValue()),
    async set(value) {
      const parsed = schema.parse(value);
      await item.setValue(parsed);
      return parsed;
    },
    remove: () => item.removeValue(),
    watch: (onChange) => item.watch((raw) => onChange(read(raw))),
  };
}
