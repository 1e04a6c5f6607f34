import { defineConfig } from 'vitest/config';

/** The CNN speed script (*.run.ts), which npm test leaves out: `npx vitest run --config src/ml/cnn/bench/vitest.config.ts`. */
export default defineConfig({
  test: { environment: 'node', include: ['src/ml/cnn/bench/**/*.run.ts'], testTimeout: 900_000 },
});
