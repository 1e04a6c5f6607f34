import { describe, expect, it } from 'vitest';
import { stringTableTests } from '../i18n/string-table-tests';
import { en, zh } from './strings';

describe('runs strings', () => {
  stringTableTests(en, zh, /IndexedDB|JSON|MB|Adam/g);
  it('names the tests rely on', () => {
    expect(en.region).toBe('Runs');
    expect(en.pin).toBe('Pin');
    expect(en.rewind).toBe('Rewind to step');
  });
});
