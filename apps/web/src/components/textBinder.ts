import type { ChangeEvent } from 'react';

/** The keys of a form's values that hold text. */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * Binds text inputs to a form's values: `{...text('city')}` gives the input its value, its change
 * handler and the server's message for that field (the field and the value share a name).
 */
export function textBinder<V>(
  values: V,
  set: (key: TextKey<V>, value: string) => void,
  err: (field: string) => string | undefined,
) {
  return (key: TextKey<V>) => ({
    value: values[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value),
    error: err(key),
  });
}

/** The keys of a form's values that hold lists of text. */
type ListKey<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

/** The same for list inputs (MultiSelect, TagsInput): `{...list('regions')}`. */
export function listBinder<V>(
  values: V,
  set: (key: ListKey<V>, value: string[]) => void,
  err: (field: string) => string | undefined,
) {
  return (key: ListKey<V>) => ({
    value: values[key] as string[],
    onChange: (value: string[]) => set(key, value),
    error: err(key),
  });
}
