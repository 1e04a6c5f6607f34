import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmbed } from '../embed/context';
import { downloadBlob } from '../export/download';
import { fmtInt } from '../format';
import { MAX_PINNED } from './bounds';
import type { RunMeta } from './run-record';
import { RewindControl } from './RewindControl';
import { describeDiff } from './settings-diff';
import { compareText, PIN_STYLES, pinnedRuns, runName, type RunsController } from './useRuns';
import './runs.css';

interface Props {
  runs: RunsController;
}

/**
 * The lab's "Runs" region: one item per recorded run (what differs from now, its steps and
 * parent), Pin / Rename / Export / Delete per run, Import and Clear all, the comparison line,
 * and the rewind slider for the run in the model.
 */
export function RunsPanel({ runs: c }: Props) {
  // An embedding page may leave the region out (hide=runs); the runs are still recorded.
  return useEmbed().hidden.has('runs') ? null : <RunsRegion runs={c} />;
}

function RunsRegion({ runs: c }: Props) {
  const { t } = useTranslation('runs');
  const headingId = useId();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const { runs, storageMessage, message } = c.runs;
  const pinned = pinnedRuns(runs);
  const compared = pinned.length >= 2 ? compareText(c) : '';

  const onExport = async (r: RunMeta) => {
    const w = await c.recorder.finalWeights(r.id);
    if (!w) return c.manager.say({ kind: 'error', key: 'noWeights' });
    const text = c.manager.exportText(r, w.weights, w.step);
    downloadBlob(new Blob([text], { type: 'application/json' }), `${r.lab}-run-${r.n}.json`);
    c.manager.say({ kind: 'ok', key: 'exported', values: { name: runName(r, t), step: fmtInt(w.step) } });
  };

  const onFiles = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    try {
      await c.manager.importFile(await f.arrayBuffer(), f.name);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <section className="runs" aria-labelledby={headingId} data-storage={c.runs.storage} data-saving={c.runs.saving || undefined}>
      <h3 id={headingId}>{t('region')}</h3>
      <p className="control-hint">{t('intro', { max: MAX_PINNED })}</p>
      {storageMessage && (
        <p className="runs-message error" role="alert" data-testid="runs-storage-message">
          {t(storageMessage.key, storageMessage.values ?? {})}
        </p>
      )}
      {runs.length === 0 ? (
        <p className="runs-empty">{t('empty')}</p>
      ) : (
        <ul className="runs-list" aria-label={t('region')}>
          {runs.map((r) => (
            <RunItem key={r.id} run={r} c={c} styleIndex={pinned.indexOf(r)} onExport={() => void onExport(r)} />
          ))}
        </ul>
      )}
      {pinned.length >= 2 && (
        <p className="runs-compare" data-testid="runs-compare">
          {compared ? t('compare', { what: compared }) : t('compareSame')}
        </p>
      )}
      <RewindControl c={c} />
      {c.rec.tooBig && <p className="control-hint">{t('tooBig')}</p>}
      <div className="runs-tools">
        <label htmlFor={fileId} className="file-button" title={t('importTitle')}>
          {t('import')}
        </label>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          className="visually-hidden"
          accept=".json,application/json"
          onChange={(e) => void onFiles(e.target.files)}
        />
        {runs.length > 0 &&
          (confirmClear ? (
            <span className="runs-confirm">
              {t('clearConfirm', { count: runs.length })}{' '}
              <button
                type="button"
                onClick={() => {
                  setConfirmClear(false);
                  void c.manager.clear();
                }}
              >
                {t('clear')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmClear(false)}>
                {t('cancel')}
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirmClear(true)}>
              {t('clear')}
            </button>
          ))}
      </div>
      {message && (
        <p
          className={`runs-message ${message.kind}`}
          data-testid="runs-message"
          {...(message.kind === 'error' ? { role: 'alert' } : { 'aria-live': 'polite' as const })}
        >
          {t(message.key, message.values ?? {})}
        </p>
      )}
    </section>
  );
}

function RunItem({ run: r, c, styleIndex, onExport }: { run: RunMeta; c: RunsController; styleIndex: number; onExport: () => void }) {
  const { t } = useTranslation('runs');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const name = runName(r, t);
  const diff = describeDiff(r.settings, c.settings, c.ignore, c.format);
  const parent = r.parent ? c.manager.run(r.parent.id) : undefined;
  const style = styleIndex >= 0 ? PIN_STYLES[styleIndex % PIN_STYLES.length] : undefined;
  const live = c.rec.liveId === r.id;
  return (
    <li className="runs-item" data-run-id={r.id} data-pinned={r.pinned || undefined}>
      <div className="runs-item-head">
        <label className="runs-pin">
          <input type="checkbox" checked={r.pinned} onChange={(e) => void c.manager.setPinned(r.id, e.target.checked)} /> {t('pin')}
        </label>
        {style && (
          <svg className="legend-dash" width="22" height="6" aria-hidden="true">
            <line x1="0" y1="3" x2="22" y2="3" stroke={style.color} strokeWidth="2" strokeDasharray={style.dash} />
          </svg>
        )}
        {editing ? (
          <form
            className="runs-rename"
            onSubmit={(e) => {
              e.preventDefault();
              void c.manager.rename(r.id, draft);
              setEditing(false);
            }}
          >
            <input aria-label={t('renameLabel', { name })} value={draft} maxLength={80} onChange={(e) => setDraft(e.target.value)} autoFocus />
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </form>
        ) : (
          <b className="runs-name">{name}</b>
        )}
        {live && <span className="runs-tag">{t('live')}</span>}
        {r.imported && <span className="runs-tag">{t('imported')}</span>}
      </div>
      <div className="runs-item-body">
        <span className="runs-diff">{diff ? t('differs', { what: diff }) : t('sameSettings')}</span>
        <span>{t('steps', { from: fmtInt(r.firstStep), to: fmtInt(r.lastStep) })}</span>
        {r.parent && <span>{t('branch', { name: parent ? runName(parent, t) : '?', step: fmtInt(r.parent.step) })}</span>}
        {r.mixed && <span>{t('mixed')}</span>}
      </div>
      {!editing && (
        <div className="runs-item-tools">
          <button
            type="button"
            onClick={() => {
              setDraft(name);
              setEditing(true);
            }}
          >
            {t('rename')}
          </button>
          {!live && r.snapshotSteps.length > 0 && (
            <button
              type="button"
              aria-label={t('openLabel', { name })}
              title={c.recorder.canOpen() ? t('openLabel', { name }) : t('openFirst')}
              disabled={!c.recorder.canOpen()}
              onClick={() => void c.recorder.open(r.id)}
            >
              {t('open')}
            </button>
          )}
          <button type="button" aria-label={t('exportLabel', { name })} onClick={onExport}>
            {t('export')}
          </button>
          <button type="button" aria-label={t('deleteLabel', { name })} onClick={() => void c.manager.remove(r.id)}>
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
}
