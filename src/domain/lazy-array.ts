/**
 * Arrays whose elements are made on demand from columns (typed arrays and small tables), so that a
 * large dataset keeps no JavaScript object per link or per pair for the garbage collector to trace.
 */

/** The array index `key` names (a canonical decimal below `count`), or -1. No allocation. */
function indexKey(key: string | symbol, count: number): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
  if (key.length > 1 && key.charCodeAt(0) === 48) return -1;
  let i = 0;
  for (let k = 0; k < key.length; k++) {
    const d = key.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    i = i * 10 + d;
  }
  return i < count ? i : -1;
}

/**
 * An empty array of length `count` that holds no slots. (`a.length = count` would give V8 a
 * backing store of `count` holes: 4 MB at a million links, traced by every full collection.)
 * Writing its last element turns the array sparse, then the element is removed.
 */
export function sparseArray<T>(count: number): T[] {
  const a: T[] = [];
  if (count > 0) {
    a[count - 1] = undefined as T;
    delete a[count - 1];
  }
  return a;
}

/**
 * A read-only array of `count` elements made when read (`make(i)`), and dropped when no longer
 * used: the page holds no object per element, so a full collection (which V8 runs by itself, on a
 * timer, after a load) has a few thousand objects to trace at 1M links, not a million. An element
 * read twice is two equal objects, not one: nothing in the atlas compares links or pairs by
 * identity (they are named by their index or id). Writes are refused.
 */
export function lazyArray<T>(count: number, make: (i: number) => T): T[] {
  const target = sparseArray<T>(count);
  const element = (i: number): PropertyDescriptor => ({ value: make(i), writable: false, enumerable: true, configurable: true });
  return new Proxy(target, {
    get(t, key, receiver) {
      const i = indexKey(key, count);
      return i >= 0 ? make(i) : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return indexKey(key, count) >= 0 || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const i = indexKey(key, count);
      return i >= 0 ? element(i) : Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      return [...Array.from({ length: count }, (_, i) => String(i)), ...Reflect.ownKeys(t)];
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
