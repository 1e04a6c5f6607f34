/**
 * URL state declared once per lesson as a table: each key's type, range and
 * default. Parsing never fails: unknown keys are ignored, bad values fall back
 * to the default and out-of-range values are clamped, each with a short notice.
 */
import { t } from '../i18n';

export interface NumberParam {
  kind: 'number';
  min: number;
  max: number;
  default: number;
  /** Slider moves in log10 space (learning rates). */
  log?: boolean;
}
/** A number that may be absent (null): "use the context's own default", e.g. a surface's start point. */
export interface OptionalNumberParam {
  kind: 'optional-number';
  min: number;
  max: number;
  default: null;
  log?: boolean;
}
export interface IntParam {
  kind: 'int';
  min: number;
  max: number;
  default: number;
}
export interface EnumParam<O extends readonly string[]> {
  kind: 'enum';
  options: O;
  default: O[number];
}
export interface BoolParam {
  kind: 'bool';
  default: boolean;
}
/** A subset of options, written comma-separated (racers=sgd,adam). */
export interface SetParam<O extends readonly string[]> {
  kind: 'set';
  options: O;
  default: readonly O[number][];
  /** At least this many must stay chosen. */
  min?: number;
}
export type ParamSpec = NumberParam | OptionalNumberParam | IntParam | EnumParam<readonly string[]> | BoolParam | SetParam<readonly string[]>;
export type SchemaTable = Record<string, ParamSpec>;

export type ValueOf<P extends ParamSpec> = P extends { kind: 'enum'; options: readonly (infer S)[] }
  ? S
  : P extends { kind: 'set'; options: readonly (infer S)[] }
    ? readonly S[]
    : P extends BoolParam
      ? boolean
      : P extends OptionalNumberParam
        ? number | null
        : number;
export type ValuesOf<T extends SchemaTable> = { [K in keyof T]: ValueOf<T[K]> };

export interface Parsed<T extends SchemaTable> {
  values: ValuesOf<T>;
  /** Human-readable notes about what was clamped or ignored. */
  notices: string[];
}

/**
 * Notices never repeat the raw text of a parameter (it could be markup, or read
 * "NaN"); they name the key and, for numbers, the finite value that was parsed.
 */
const fmtNumber = (v: number) => (Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(2) : String(v));

export function defaults<T extends SchemaTable>(table: T): ValuesOf<T> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(table)) out[k] = p.default;
  return out as ValuesOf<T>;
}

function parseOne(key: string, p: ParamSpec, raw: string, notices: string[]): unknown {
  switch (p.kind) {
    case 'bool': {
      if (raw === '1' || raw === 'true') return true;
      if (raw === '0' || raw === 'false') return false;
      notices.push(t('notice.bool', { key }));
      return p.default;
    }
    case 'set': {
      const parts = raw.split(',').filter((x) => x !== '');
      const known = (p.options as readonly string[]).filter((o) => parts.includes(o));
      const unknown = parts.filter((x) => !(p.options as readonly string[]).includes(x));
      if (unknown.length > 0) notices.push(t('notice.setUnknown', { key, count: unknown.length, options: p.options.join(', ') }));
      if (known.length < (p.min ?? 0)) {
        notices.push(t('notice.setMin', { key, min: p.min ?? 0 }));
        return p.default;
      }
      return known;
    }
    case 'enum': {
      if ((p.options as readonly string[]).includes(raw)) return raw;
      notices.push(t('notice.enum', { key, options: p.options.join(', ') }));
      return p.default;
    }
    case 'optional-number':
    case 'number':
    case 'int': {
      const trimmed = raw.trim();
      const v = trimmed === '' ? NaN : Number(trimmed);
      if (!Number.isFinite(v)) {
        notices.push(t('notice.number', { key, min: p.min, max: p.max }));
        return p.default;
      }
      // -0 would print as "0" and come back as +0: normalise it now so links round-trip.
      let out = (p.kind === 'int' ? Math.round(v) : v) + 0;
      if (out < p.min || out > p.max) {
        out = Math.min(p.max, Math.max(p.min, out));
        notices.push(t('notice.clamped', { key, value: fmtNumber(v), out, min: p.min, max: p.max }));
      }
      return out;
    }
  }
}

export function parseParams<T extends SchemaTable>(table: T, params: URLSearchParams): Parsed<T> {
  const notices: string[] = [];
  const values: Record<string, unknown> = defaults(table);
  for (const [key, p] of Object.entries(table)) {
    const raw = params.get(key);
    if (raw === null) continue;
    values[key] = parseOne(key, p, raw, notices);
  }
  return { values: values as ValuesOf<T>, notices };
}

/** Clamp or default one value coming from a control (same rules as the URL). */
export function sanitize<T extends SchemaTable, K extends keyof T & string>(
  table: T,
  key: K,
  value: unknown,
): ValuesOf<T>[K] {
  const p = table[key]!;
  const notices: string[] = [];
  const raw = typeof value === 'boolean' ? (value ? '1' : '0') : Array.isArray(value) ? value.join(',') : String(value);
  return parseOne(key, p, raw, notices) as ValuesOf<T>[K];
}

/** Only the values that differ from the defaults, so links stay short. */
export function serializeParams<T extends SchemaTable>(table: T, values: ValuesOf<T>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, p] of Object.entries(table)) {
    const v = (values as Record<string, unknown>)[key];
    if (v === p.default || v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      const ordered = (p as SetParam<readonly string[]>).options.filter((o) => v.includes(o));
      if (ordered.join(',') !== [...(p.default as readonly string[])].join(',')) out.set(key, ordered.join(','));
      continue;
    }
    out.set(key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return out;
}
