import { describe, expect, it } from 'vitest';
import { readShellParams } from './shell-params';

describe('shell parameters', () => {
  it('reads backend and language, preferring the link over the browser', () => {
    const s = readShellParams(new URLSearchParams('backend=wasm&lang=zh'), ['en-US']);
    expect(s.backend).toBe('wasm');
    expect(s.lang).toBe('zh');
    expect(s.notices).toEqual([]);
  });
  it('falls back to the browser language, and ignores bad values with a notice', () => {
    const s = readShellParams(new URLSearchParams('backend=<b>&lang=fr&theme=neon'), ['zh-CN', 'en']);
    expect(s.backend).toBe('auto');
    expect(s.lang).toBe('zh');
    expect(s.notices).toHaveLength(3);
    expect(s.notices.join(' ')).not.toContain('<b>');
    expect(s.notices.join(' ')).not.toContain('neon');
  });
});
