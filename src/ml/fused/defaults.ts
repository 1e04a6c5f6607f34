/** Optimiser constants the tfjs tasks use (optimizers.ts), shared with the fused engine. */
export const MOMENTUM = 0.9;
export const BETA1 = 0.9;
export const BETA2 = 0.999;
/** Adam's ε in createOptimizer (optimizers.ts) and RACE_EPSILON: tfjs's float32 default. */
export const ADAM_EPSILON = 1e-7;
