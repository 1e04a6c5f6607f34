import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtInt } from '../format';
import type { TaskKind } from '../worker/protocol';
import type { TrainingSession } from '../state/training-session';
import { useLocked } from '../embed/context';
import { downloadBlob } from './download';
import { decodeModel, encodeModel, MAX_WEIGHTS_BYTES, type DecodeError } from './model-format';

interface Props<K extends TaskKind> {
  session: TrainingSession<K>;
  /** File name stem, e.g. "mlp" → mlp.json + mlp.weights.bin */
  name: string;
}

type Message = { kind: 'ok' | 'error'; text: string } | null;

const kib = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/**
 * Export the trained model in TensorFlow.js format (model.json + .weights.bin),
 * and import such files back: a wrong file gets a clear message and changes nothing.
 */
export function ModelFile<K extends TaskKind>({ session, name }: Props<K>) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  // Loading weights changes the model: a teacher who locks everything locks this too.
  const locked = useLocked('model');

  const errorText = (e: DecodeError): string => {
    switch (e.code) {
      case 'errTooBig':
        return t('model.errTooBig', { file: e.file, size: kib(e.size), max: kib(e.max) });
      case 'errSize':
        return t('model.errSize', { got: fmtInt(e.got), want: fmtInt(e.want) });
      default:
        return t(`model.${e.code}`, e);
    }
  };

  const onExport = async () => {
    setBusy(true);
    try {
      const spec = session.currentSpec();
      const { weights, step } = await session.exportModel();
      const kind = (spec as { kind?: string } | null)?.kind ?? 'unknown';
      const file = encodeModel(weights, { kind, step, spec }, name);
      downloadBlob(new Blob([file.json], { type: 'application/json' }), `${name}.json`);
      downloadBlob(new Blob([file.bin], { type: 'application/octet-stream' }), file.binName);
      setMessage({ kind: 'ok', text: t('model.exported', { count: Object.keys(weights).length, step: fmtInt(step) }) });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    try {
      const files = await Promise.all(
        [...list].slice(0, 8).map(async (f) =>
          f.size > MAX_WEIGHTS_BYTES ? { name: f.name, bytes: new ArrayBuffer(MAX_WEIGHTS_BYTES + 1) } : { name: f.name, bytes: await f.arrayBuffer() },
        ),
      );
      const kind = (session.currentSpec() as { kind?: string } | null)?.kind ?? 'unknown';
      const decoded = decodeModel(files, kind);
      if (!decoded.ok) {
        setMessage({ kind: 'error', text: errorText(decoded.error) });
        return;
      }
      const r = await session.importModel(decoded.weights, decoded.step);
      setMessage(
        r.ok
          ? { kind: 'ok', text: t('model.imported', { file: decoded.file, count: Object.keys(decoded.weights).length, step: fmtInt(decoded.step) }) }
          : { kind: 'error', text: t('model.errShape', { detail: r.detail }) },
      );
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="model-file" role="group" aria-label={t('model.group')}>
      <button type="button" onClick={() => void onExport()} disabled={busy} title={t('model.exportTitle')}>
        {t('model.export')}
      </button>
      <label htmlFor={inputId} className={`file-button${locked ? ' disabled' : ''}`} title={t('model.importTitle')}>
        {t('model.import')}
      </label>
      <input
        id={inputId}
        ref={input}
        type="file"
        className="visually-hidden"
        accept=".json,.bin,application/json,application/octet-stream"
        multiple
        disabled={busy || locked}
        onChange={(e) => void onFiles(e.target.files)}
      />
      {message && (
        // Not role=status: the page's one status region is the training status line.
        <p className={`model-message ${message.kind}`} data-testid="model-message" {...(message.kind === 'error' ? { role: 'alert' } : { 'aria-live': 'polite' as const })}>
          {message.text}
        </p>
      )}
    </div>
  );
}
