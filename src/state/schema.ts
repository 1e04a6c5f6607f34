/**
 * URL state declared once per lesson as a table: each key's type, range and
 * default. Parsing never fails: unknown keys are ignored, bad values fall back
 * to the default and out-of-range values are clamped, each with a short notice.
 */
export interface NumberParam {
  kind: 'number';
  min: number;
  max: number;
  default: number;
  /** Slider moves in log10 space (learning rates). */
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
export type ParamSpec = NumberParam | IntParam | EnumParam<readonly string[]> | BoolParam;
export type SchemaTable = Record<string, ParamSpec>;

export type ValueOf<P extends ParamSpec> = P extends { kind: 'enum'; options: readonly (infer S)[] }
  ? S
  : P extends BoolParam
    ? boolean
    : number;
export type ValuesOf<T extends SchemaTable> = { [K in keyof T]: ValueOf<T[K]> };

export interface Parsed<T extends SchemaTable> {
  values: ValuesOf<T>;
  /** Human-readable notes about what was clamped or ignored. */
  notices: string[];
}

const MAX_SHOWN = 24;
/** Quote a raw value for a notice, shortened; React escapes it, so markup stays text. */
const show = (raw: string) => JSON.stringify(raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw);

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
      notices.push(`Ignored ${key}=${show(raw)}: expected 1 or 0.`);
      return p.default;
    }
    case 'enum': {
      if ((p.options as readonly string[]).includes(raw)) return raw;
      notices.push(`Ignored ${key}=${show(raw)}: expected one of ${p.options.join(', ')}.`);
      return p.default;
    }
    case 'number':
    case 'int': {
      const trimmed = raw.trim();
      const v = trimmed === '' ? NaN : Number(trimmed);
      if (!Number.isFinite(v)) {
        notices.push(`Ignored ${key}=${show(raw)}: not a finite number.`);
        return p.default;
      }
      let out = p.kind === 'int' ? Math.round(v) : v;
      if (out < p.min || out > p.max) {
        out = Math.min(p.max, Math.max(p.min, out));
        notices.push(`${key}=${show(raw)} is out of range; using ${out} (allowed ${p.min} … ${p.max}).`);
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
  return parseOne(key, p, typeof value === 'boolean' ? (value ? '1' : '0') : String(value), notices) as ValuesOf<T>[K];
}

/** Only the values that differ from the defaults, so links stay short. */
export function serializeParams<T extends SchemaTable>(table: T, values: ValuesOf<T>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, p] of Object.entries(table)) {
    const v = (values as Record<string, unknown>)[key];
    if (v === p.default || v === undefined) continue;
    out.set(key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return out;
}
