/**
 * The MSE of linear regression is a quadratic in (w, b) with Hessian
 *   H = (2/N) Σ [[xᵢ², xᵢ], [xᵢ, 1]],
 * the same everywhere. Plain gradient descent on the full batch is stable only
 * when α < 2/λmax(H); the ratio λmax/λmin (condition number) says how elongated
 * the bowl is, and so how much momentum can help.
 */
export function hessianEigen(xs: ArrayLike<number>): { lambdaMax: number; lambdaMin: number } {
  const n = xs.length;
  let sxx = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    sxx += xs[i]! * xs[i]!;
    sx += xs[i]!;
  }
  const a = (2 * sxx) / n;
  const b = (2 * sx) / n;
  const d = 2;
  const mean = (a + d) / 2;
  const r = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return { lambdaMax: mean + r, lambdaMin: mean - r };
}
