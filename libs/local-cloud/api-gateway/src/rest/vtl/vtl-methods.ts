/**
 * Java methods templates call on values (`$body.length()`, `$list.isEmpty()`, `$map.containsKey('x')`),
 * implemented with Java's semantics (replace() replaces every occurrence, split() drops trailing empty
 * strings, matches() must match the whole string). velocityjs itself provides get/set/keySet/entrySet/size/
 * put/add/remove/subList; every other method name is refused when templates are scanned.
 */
interface MethodCall {
  readonly property: string;
  readonly context: unknown;
  readonly params: unknown[];
}

export interface MethodHandler {
  readonly uid: string;
  match(call: MethodCall): boolean;
  resolve(call: MethodCall): unknown;
}

const regexCache = new Map<string, RegExp>();
const regex = (source: unknown, flags: string): RegExp => {
  const key = `${flags}/${String(source)}`;
  let compiled = regexCache.get(key);
  if (!compiled) {
    compiled = new RegExp(String(source), flags);
    if (regexCache.size < 1000) regexCache.set(key, compiled);
  }
  return compiled;
};

const str = (value: unknown): string => (value === undefined || value === null ? 'null' : String(value));

type StringMethod = (self: string, args: unknown[]) => unknown;

const STRING_METHODS: Readonly<Record<string, StringMethod>> = {
  length: (s) => s.length,
  isEmpty: (s) => s.length === 0,
  contains: (s, [part]) => s.includes(str(part)),
  startsWith: (s, [prefix, offset]) => s.startsWith(str(prefix), Number(offset ?? 0)),
  endsWith: (s, [suffix]) => s.endsWith(str(suffix)),
  indexOf: (s, [part, from]) => s.indexOf(str(part), Number(from ?? 0)),
  lastIndexOf: (s, [part]) => s.lastIndexOf(str(part)),
  substring: (s, [start, end]) =>
    end === undefined ? s.substring(Number(start)) : s.substring(Number(start), Number(end)),
  toLowerCase: (s) => s.toLowerCase(),
  toUpperCase: (s) => s.toUpperCase(),
  trim: (s) => s.trim(),
  replace: (s, [target, replacement]) => s.split(str(target)).join(str(replacement)),
  replaceAll: (s, [pattern, replacement]) => s.replace(regex(pattern, 'g'), str(replacement)),
  replaceFirst: (s, [pattern, replacement]) => s.replace(regex(pattern, ''), str(replacement)),
  matches: (s, [pattern]) => regex(`^(?:${str(pattern)})$`, '').test(s),
  split: (s: string, [pattern]: unknown[]) => {
    const parts = s.split(regex(pattern, ''));
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  },
  equals: (s, [other]) => typeof other === 'string' && s === other,
  equalsIgnoreCase: (s, [other]) => typeof other === 'string' && s.toLowerCase() === other.toLowerCase(),
  charAt: (s, [index]) => s.charAt(Number(index)),
  concat: (s, [other]) => s + str(other),
  toString: (s: string) => s,
};

type CollectionMethod = (self: unknown, args: unknown[]) => unknown;

const LIST_METHODS: Readonly<Record<string, CollectionMethod>> = {
  contains: (list, [item]) => (list as unknown[]).includes(item),
  isEmpty: (list) => (list as unknown[]).length === 0,
  indexOf: (list, [item]) => (list as unknown[]).indexOf(item),
};

const MAP_METHODS: Readonly<Record<string, CollectionMethod>> = {
  containsKey: (map, [key]) => Object.prototype.hasOwnProperty.call(map, str(key)),
  containsValue: (map, [value]) => Object.values(map as object).includes(value),
  isEmpty: (map) => Object.keys(map as object).length === 0,
  values: (map) => Object.values(map as object),
};

const own = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

const isPlainMap = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const javaMethodHandlers: readonly MethodHandler[] = [
  {
    uid: 'java: String',
    match: ({ property, context }) => typeof context === 'string' && own(STRING_METHODS, property),
    resolve: ({ property, context, params }) => STRING_METHODS[property](context as string, params),
  },
  {
    uid: 'java: number.toString',
    match: ({ property, context }) =>
      (typeof context === 'number' || typeof context === 'boolean') && property === 'toString',
    resolve: ({ context }) => String(context),
  },
  {
    uid: 'java: List',
    match: ({ property, context }) => Array.isArray(context) && own(LIST_METHODS, property),
    resolve: ({ property, context, params }) => LIST_METHODS[property](context, params),
  },
  {
    // Only for plain data: an object's own methods (such as $input.json) win.
    uid: 'java: Map',
    match: ({ property, context }) => isPlainMap(context) && own(MAP_METHODS, property) && !(property in context),
    resolve: ({ property, context, params }) => MAP_METHODS[property](context, params),
  },
];

const VELOCITYJS_METHODS = ['get', 'set', 'keySet', 'entrySet', 'size', 'put', 'add', 'remove', 'subList'];

/** Every method name a template may call on a value. */
export const SUPPORTED_VALUE_METHODS: ReadonlySet<string> = new Set([
  ...Object.keys(STRING_METHODS),
  ...Object.keys(LIST_METHODS),
  ...Object.keys(MAP_METHODS),
  ...VELOCITYJS_METHODS,
]);
