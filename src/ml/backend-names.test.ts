import { describe, expect, it } from 'vitest';
import { shortRenderer } from './backend-names';

describe('renderer names for the backend badge', () => {
  it('shortens ANGLE renderer strings to the device', () => {
    expect(shortRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(
      'NVIDIA GeForce RTX 3060',
    );
    expect(shortRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(
      'SwiftShader',
    );
    expect(shortRenderer('Apple M2')).toBe('Apple M2');
  });
});
