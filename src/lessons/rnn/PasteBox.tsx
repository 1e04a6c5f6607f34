import { useId, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useControlBinding } from '../../components/controls/binding';
import { LockMark } from '../../components/controls/LockMark';
import { PASTE_LIMITS, quickPasteCheck } from '../../datasets/corpus';
import { checkPaste, fromQuickCheck, pasteMessage, type PasteCheck } from './paste-check';

interface Props {
  /** Whether the model trains on pasted text now. */
  active: boolean;
  /** Train on this (already checked and normalised) text. */
  onUse: (text: string) => void;
  /** Back to the built-in corpus. */
  onBuiltin: () => void;
}

/**
 * Text this long never enters the box: Chromium lays out a textarea's value on the main thread
 * (about a second per megabyte), so a 10 MB paste would freeze the page. It is refused at once
 * with the reason; anything shorter goes in and is checked when the learner presses "Use this text".
 */
const REFUSE_AT = 10 * PASTE_LIMITS.maxChars;

/** The lock name of the paste box (pasted text is not kept in the URL, but a teacher can still lock it: lock=text). */
export const PASTE_LOCK_KEY = 'text';

/** "Paste your own text" for the character model: checked on the page, with a clear message either way. */
export function PasteBox({ active, onUse, onBuiltin }: Props) {
  const { t } = useTranslation('rnn');
  const id = useId();
  const locked = useControlBinding(PASTE_LOCK_KEY, t('paste.label'));
  const [draft, setDraft] = useState('');
  const [result, setResult] = useState<{ ok: boolean; check: PasteCheck } | null>(null);
  /** Why the last paste or drop was kept out of the box (until the box is edited). */
  const [refused, setRefused] = useState<PasteCheck | null>(null);

  const use = () => {
    if (locked) return;
    if (refused) {
      setResult({ ok: false, check: refused });
      return;
    }
    const o = checkPaste(draft);
    setResult({ ok: o.ok, check: o.check });
    if (o.ok) onUse(o.text);
  };
  const builtin = () => {
    if (locked) return;
    setResult(null);
    onBuiltin();
  };
  /** Refuse a huge paste or drop before the browser puts it in the box. */
  const intercept = (raw: string, e: { preventDefault: () => void }) => {
    if (raw.length <= REFUSE_AT) return;
    const q = quickPasteCheck(raw);
    if (!q) return;
    e.preventDefault();
    const check = fromQuickCheck(q);
    setRefused(check);
    setResult({ ok: false, check });
  };

  return (
    <div className="rnn-paste">
      <div className="rnn-row">
        <label htmlFor={id}>{t('paste.label')}</label>
        {locked && <LockMark />}
      </div>
      <textarea
        id={id}
        rows={4}
        value={draft}
        disabled={locked}
        onChange={(e) => {
          setDraft(e.target.value);
          setRefused(null);
        }}
        onPaste={(e: ClipboardEvent<HTMLTextAreaElement>) => intercept(e.clipboardData.getData('text'), e)}
        onDrop={(e: DragEvent<HTMLTextAreaElement>) => intercept(e.dataTransfer.getData('text'), e)}
        placeholder={t('paste.placeholder')}
      />
      <div className="rnn-row">
        <button type="button" onClick={use} disabled={locked}>
          {t('paste.use')}
        </button>
        {active && (
          <button type="button" onClick={builtin} disabled={locked}>
            {t('paste.builtin')}
          </button>
        )}
      </div>
      {result && !result.ok && (
        <p className="alert" role="alert">
          {pasteMessage(result.check, t)}
        </p>
      )}
      {result?.ok && active && <p className="rnn-note">{t('paste.training', { message: pasteMessage(result.check, t) })}</p>}
    </div>
  );
}
