import type { WeightSnapshot } from '../ml/tasks/task';

/** Why `file` cannot be loaded into a model whose weights are `model` (null: it can). */
export function weightMismatch(model: WeightSnapshot, file: WeightSnapshot): string | null {
  const want = Object.keys(model);
  const got = Object.keys(file);
  const missing = want.filter((k) => !(k in file));
  if (missing.length) return `missing ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` (+${missing.length - 3})` : ''}`;
  const extra = got.filter((k) => !(k in model));
  if (extra.length) return `unexpected ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ` (+${extra.length - 3})` : ''}`;
  for (const k of want) {
    const a = model[k]!.shape;
    const b = file[k]!.shape;
    if (a.length !== b.length || a.some((d, i) => d !== b[i])) return `${k} is [${b.join(', ')}] in the file, [${a.join(', ')}] here`;
    if (file[k]!.values.length !== a.reduce((n, d) => n * d, 1)) return `${k} has the wrong number of values`;
    if (!file[k]!.values.every(Number.isFinite)) return `${k} contains values that are not finite numbers`;
  }
  return null;
}
