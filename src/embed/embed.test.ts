import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { embedSnippet, embedUrl } from './embed-url';
import { originAllowed, parseHostCommand } from './protocol';
import { resolveRoute, unknownParts } from './route';
import { WIDGETS } from './widgets';

const q = (s: string) => new URLSearchParams(s);

describe('embed routes', () => {
  it('#/embed/<widget> shows that widget of its lesson, with locks and hidden parts', () => {
    const r = resolveRoute('/embed/regression', q('lr=0.1&lock=lr,optimizer&hide=explanation,bogus'));
    expect(r.kind).toBe('lesson');
    if (r.kind !== 'lesson') return;
    expect(r.lesson.id).toBe('gradient-descent');
    expect(r.embed.embedded).toBe(true);
    expect(r.embed.widget).toBe('regression');
    expect([...r.embed.locked]).toEqual(['lr', 'opt']);
    expect(unknownParts(r.embed)).toEqual(['bogus']);
  });

  it('an embedded widget leaves its explanation out unless show=explanation asks for it; hide= still works', () => {
    const plain = resolveRoute('/embed/mlp', q('lock=lr'));
    const shown = resolveRoute('/embed/mlp', q('show=explanation&hide=chart'));
    const both = resolveRoute('/embed/mlp', q('show=explanation&hide=explanation'));
    const site = resolveRoute('/backprop', q('show=explanation'));
    expect(plain.kind === 'lesson' && [...plain.embed.hidden]).toEqual(['explanation']);
    expect(shown.kind === 'lesson' && [...shown.embed.hidden]).toEqual(['chart']);
    expect(both.kind === 'lesson' && both.embed.hidden.has('explanation')).toBe(true);
    expect(site.kind === 'lesson' && site.embed.hidden.size).toBe(0);
    // The six training labs let a teacher leave their Runs region out; the step-through widgets have none.
    const noRuns = resolveRoute('/embed/mnist', q('hide=runs'));
    expect(noRuns.kind === 'lesson' && noRuns.embed.hidden.has('runs')).toBe(true);
    expect(noRuns.kind === 'lesson' && unknownParts(noRuns.embed)).toEqual([]);
    const qkv = resolveRoute('/embed/qkv', q('hide=runs'));
    expect(qkv.kind === 'lesson' && unknownParts(qkv.embed)).toEqual(['runs']);
    const odd = resolveRoute('/embed/mlp', q('show=explanation,bogus'));
    expect(odd.kind === 'lesson' && unknownParts(odd.embed)).toEqual(['bogus']);
  });

  it('lock=speed names the steps-per-second key of the widget shown', () => {
    const mlp = resolveRoute('/embed/mlp', q('lock=speed'));
    const regression = resolveRoute('/embed/regression', q('lock=sps,lr'));
    const race = resolveRoute('/embed/optimizer-race', q('lock=speed'));
    expect(mlp.kind === 'lesson' && [...mlp.embed.locked]).toEqual(['sps']);
    expect(regression.kind === 'lesson' && [...regression.embed.locked]).toEqual(['lsps', 'lr']);
    expect(race.kind === 'lesson' && [...race.embed.locked]).toEqual(['sps']);
  });

  it('?embed=1 on a lesson shows its first widget, or the one named if it belongs to the lesson', () => {
    const a = resolveRoute('/backprop', q('embed=1'));
    const b = resolveRoute('/backprop', q('embed=1&widget=mlp'));
    const c = resolveRoute('/backprop', q('embed=1&widget=mnist'));
    expect(a.kind === 'lesson' && a.embed.widget).toBe('chain-rule');
    expect(b.kind === 'lesson' && b.embed.widget).toBe('mlp');
    expect(c.kind === 'lesson' && c.embed.widget).toBe('chain-rule');
  });

  it('an unknown widget is a not-found page whose notice does not echo markup', () => {
    const r = resolveRoute('/embed/%3Cscript%3Ealert(1)%3C%2Fscript%3E', q(''));
    expect(r.kind).toBe('not-found');
  });

  it('the full site is not embedded', () => {
    const r = resolveRoute('/cnn', q('lr=1'));
    expect(r.kind === 'lesson' && r.embed.embedded).toBe(false);
    expect(resolveRoute('/', q('')).kind).toBe('index');
  });

  it('names that are Object.prototype keys stay plain names', () => {
    const r = resolveRoute('/embed/mlp', q('lock=__proto__,constructor,tostring&hide=__proto__'));
    expect(r.kind === 'lesson' && [...r.embed.locked]).toEqual(['__proto__', 'constructor', 'tostring']);
  });

  it('any lock/hide text parses to bounded sets of plain names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 2000 }), (lock, hide) => {
        const r = resolveRoute('/embed/mlp', new URLSearchParams({ lock, hide }));
        if (r.kind !== 'lesson') return false;
        return [...r.embed.locked, ...r.embed.hidden].every((n) => /^[a-z0-9_-]{1,24}$/.test(n)) && r.embed.locked.size <= 64;
      }),
    );
  });

  it('every widget belongs to a lesson and declares parts', () => {
    for (const w of Object.values(WIDGETS)) expect(w.parts.length).toBeGreaterThan(0);
  });
});

describe('postMessage commands', () => {
  const ok = (d: unknown) => parseHostCommand(d).ok;
  it('accepts exactly the documented shapes', () => {
    expect(ok({ source: 'dl-playground', type: 'start' })).toBe(true);
    expect(ok({ source: 'dl-playground', type: 'step', steps: 10 })).toBe(true);
    expect(ok({ source: 'dl-playground', type: 'set', params: { lr: 0.01, opt: 'adam', log: true } })).toBe(true);
    expect(ok({ source: 'dl-playground', type: 'add-run', file: '{"format":"dl-playground/run"}', name: 'week2.json', pin: true })).toBe(true);
  });
  it('rejects anything else', () => {
    expect(ok({ type: 'start' })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'start', extra: 1 })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'launch' })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'step', steps: 1e9 })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'step', steps: 1.5 })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'set', params: { lr: Infinity } })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'set', params: { 'bad key': 1 } })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'set', params: { lr: 'x'.repeat(201) } })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'set', params: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 1])) })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'add-run' })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'add-run', file: 42 })).toBe(false);
    expect(ok({ source: 'dl-playground', type: 'add-run', file: '{}', pin: 'yes' })).toBe(false);
    expect(ok('start')).toBe(false);
    expect(ok(null)).toBe(false);
  });
  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (d) => typeof parseHostCommand(d).ok === 'boolean'));
  });
  it('checks origins when the link names them', () => {
    expect(originAllowed('https://course.example', null)).toBe(true);
    expect(originAllowed('https://course.example', 'https://course.example')).toBe(true);
    expect(originAllowed('https://evil.example', 'https://course.example')).toBe(false);
    expect(originAllowed('https://b.example', 'https://a.example,https://b.example')).toBe(true);
  });
});

describe('embed snippet', () => {
  it('carries the settings, locks and hidden parts, and escapes attributes', () => {
    const url = embedUrl('https://host.example/sub/', 'regression', q('lr=0.05&embed=1&lock=x&lang=zh'), ['lr', 'opt'], ['explanation']);
    expect(url).toBe('https://host.example/sub/#/embed/regression?lr=0.05&lang=zh&lock=lr,opt&hide=explanation');
    const html = embedSnippet(url, 'regression', 'A "quoted" <title>');
    expect(html).toContain('title="A &quot;quoted&quot; &lt;title>"');
    expect(html).toContain(`src="${url.replace(/&/g, '&amp;')}"`);
    expect(html).toContain("e.data.type === 'resize'");
  });

  it('asks for the explanation with show=', () => {
    expect(embedUrl('https://h.example/', 'mlp', q('lr=0.1'), [], ['chart'], ['explanation'])).toBe(
      'https://h.example/#/embed/mlp?lr=0.1&hide=chart&show=explanation',
    );
    expect(embedUrl('https://h.example/', 'mlp', q('show=explanation'), [], [])).toBe('https://h.example/#/embed/mlp');
  });
});
