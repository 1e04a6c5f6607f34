/**
 * A lab's run history in one hook: the store-backed list, the recorder fed by the lab's
 * TrainingSession, and the pinned runs' curves for the lab's charts.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { SeriesBuffer } from '../charts/series-buffer';
import type { ChartSeries } from '../components/charts/StreamingChart';
import { registerStrings } from '../i18n';
import type { TrainingSession } from '../state/training-session';
import type { TaskKind } from '../worker/protocol';
import { MAX_CURVE_POINTS } from './bounds';
import { openIdbRunStore } from './idb-store';
import { RunRecorder, type RecorderState } from './recorder';
import { registerRunsManager } from './run-events';
import type { RunMeta, Settings } from './run-record';
import { RunsManager, type RunsState } from './runs-manager';
import { compareLegend, defaultFormat, describeDiff, type SettingFormat } from './settings-diff';
import { en, zh } from './strings';

registerStrings('runs', { en, zh });

export interface RunsOptions {
  /** The lab's id (runs of one lab never show in another), e.g. "mlp". */
  lab: string;
  kind: TaskKind;
  /** The lab's URL values now. */
  settings: Settings;
  /** The model's configuration (kept with a run, written into its file). */
  spec: unknown;
  /** The lab's histories to keep with each run, by curve name; a stable function. */
  curves: () => Record<string, SeriesBuffer>;
  /** Settings that do not change what is trained (view toggles …): never "what differs". */
  ignore?: readonly string[];
  /** How a setting is written ("α 0.3"). */
  format?: SettingFormat;
}

export interface RunsController {
  manager: RunsManager;
  recorder: RunRecorder<TaskKind>;
  runs: RunsState;
  rec: RecorderState;
  settings: Settings;
  ignore: ReadonlySet<string>;
  format: SettingFormat;
}

export function useRuns<K extends TaskKind>(session: TrainingSession<K>, o: RunsOptions): RunsController {
  const [manager] = useState(() => new RunsManager(o.lab, o.kind, () => openIdbRunStore()));
  const [recorder] = useState(() => new RunRecorder<K>(session, manager, o.curves));
  useEffect(() => recorder.attach(), [recorder]);
  useEffect(() => registerRunsManager(manager), [manager]);
  const settingsKey = JSON.stringify(o.settings);
  useEffect(() => {
    recorder.setSettings(JSON.parse(settingsKey) as Settings, o.spec);
  }, [recorder, settingsKey, o.spec]);
  const runs = useSyncExternalStore(manager.subscribe, manager.getState);
  const rec = useSyncExternalStore(recorder.subscribe, recorder.getState);
  const ignoreKey = (o.ignore ?? []).join(',');
  const ignore = useMemo(() => new Set(ignoreKey ? ignoreKey.split(',') : []), [ignoreKey]);
  return {
    manager,
    recorder: recorder as unknown as RunRecorder<TaskKind>,
    runs,
    rec,
    settings: o.settings,
    ignore,
    format: o.format ?? defaultFormat,
  };
}

/**
 * Colour-blind-safe (Okabe–Ito) colours, each with its own dash, for up to four pinned runs. The
 * labs draw their live curves in the palette's first colours (vermillion, blue, green): pinned
 * runs take the others first, so a pinned run never looks like the live one.
 */
export const PIN_STYLES: readonly { color: string; dash: string }[] = [
  { color: '#CC79A7', dash: '7 3' },
  { color: '#56B4E9', dash: '2 3' },
  { color: '#E69F00', dash: '9 3 2 3' },
  { color: '#009E73', dash: '4 2 1 2 1 2' },
];

/** The pinned runs, oldest first: the order their styles are given in. */
export function pinnedRuns(runs: readonly RunMeta[]): RunMeta[] {
  return runs.filter((r) => r.pinned).sort((a, b) => a.created - b.created);
}

export function runName(r: RunMeta, t: (k: string, o?: Record<string, unknown>) => string): string {
  return r.name ?? t('defaultName', { n: r.n });
}

/**
 * The pinned runs' `curve` as chart series, styled and named by what differs from the
 * settings now (e.g. "Run 1 · α 0.3").
 */
export function useRunOverlays(c: RunsController, curve: string): ChartSeries[] {
  const { t } = useTranslation('runs');
  const pinned = pinnedRuns(c.runs.runs);
  const key = pinned.map((r) => `${r.id}:${r.updated}:${r.name ?? ''}`).join('|');
  const settingsKey = JSON.stringify(c.settings);
  const tKey = t('defaultName', { n: 0 });
  return useMemo(
    () =>
      pinned.flatMap((r, i) => {
        const pts = r.curves[curve];
        if (!pts || pts.length === 0) return [];
        const buffer = new SeriesBuffer(MAX_CURVE_POINTS + 1);
        for (const [x, y] of pts) buffer.push(x, y);
        const diff = describeDiff(r.settings, c.settings, c.ignore, c.format);
        const style = PIN_STYLES[i % PIN_STYLES.length]!;
        return [{ label: diff ? `${runName(r, t)} · ${diff}` : runName(r, t), buffer, color: style.color, dash: style.dash }];
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what changes the drawing (ids, saves, names, settings, language)
    [key, curve, settingsKey, c.ignore, c.format, tKey],
  );
}

/** "α 0.3 vs 0.03" across the pinned runs (and the settings now when a pinned run is live). */
export function compareText(c: RunsController): string {
  const pinned = pinnedRuns(c.runs.runs);
  return compareLegend(
    pinned.map((r) => r.settings),
    c.ignore,
    c.format,
  );
}
