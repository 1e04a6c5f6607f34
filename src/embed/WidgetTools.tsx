import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../components/CopyButton';
import { parseLocation } from '../app/url-state';
import { useEmbed, useWidget } from './context';
import { embedSnippet, embedUrl, siteBase } from './embed-url';
import { OPT_IN_PARTS, WIDGETS, type WidgetId } from './widgets';

/** Share and Embed buttons for the widget they sit in (left out when embedded). */
export function WidgetTools() {
  const embed = useEmbed();
  const widget = useWidget();
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  if (embed.embedded || !widget) return null;
  const title = t(`widgets.${widget.id}`);
  return (
    <div className="widget-tools" data-widget={widget.id}>
      <CopyButton
        text={() => window.location.href}
        label={t('settings.share')}
        title={t('settings.shareTitle')}
        copiedLabel={t('settings.copied')}
        failedLabel={t('settings.copyFailed')}
      />
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('embed.button')}
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-label={`${t('embed.title')}: ${title}`} onClose={() => setOpen(false)}>
        {open && <EmbedForm id={widget.id} title={title} controls={widget.controls()} onClose={() => dialog.current?.close()} />}
      </dialog>
    </div>
  );
}

interface FormProps {
  id: WidgetId;
  title: string;
  controls: { key: string; label: string }[];
  onClose: () => void;
}

function EmbedForm({ id, title, controls, onClose }: FormProps) {
  const { t } = useTranslation();
  const [lock, setLock] = useState<string[]>([]);
  const [hide, setHide] = useState<string[]>([]);
  const [show, setShow] = useState<string[]>([]);
  const params = parseLocation(window.location.search, window.location.hash).params;
  const url = embedUrl(siteBase(), id, params, lock, hide, show);
  // The widget comes first in a frame: the explanation is asked for (show=), every other part is on unless hidden.
  const parts = WIDGETS[id].parts.filter((p) => !OPT_IN_PARTS.includes(p));
  const extras = WIDGETS[id].parts.filter((p) => OPT_IN_PARTS.includes(p));
  const snippet = embedSnippet(url, id, title);
  const toggle = (list: string[], set: (l: string[]) => void, v: string) =>
    set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <form method="dialog" className="embed-form">
      <h2>
        {t('embed.title')}: {title}
      </h2>
      <p>{t('embed.intro')}</p>
      {controls.length > 0 && (
        <fieldset>
          <legend>{t('embed.lock')}</legend>
          {controls.map((c) => (
            <label key={c.key} className="check">
              <input type="checkbox" checked={lock.includes(c.key)} onChange={() => toggle(lock, setLock, c.key)} />
              {c.label} <code>{c.key}</code>
            </label>
          ))}
        </fieldset>
      )}
      {extras.length > 0 && (
        <fieldset>
          <legend>{t('embed.show')}</legend>
          {extras.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={show.includes(p)} onChange={() => toggle(show, setShow, p)} />
              {t(`embed.part.${p}`)}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('embed.hide')}</legend>
        {parts.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" checked={hide.includes(p)} onChange={() => toggle(hide, setHide, p)} />
            {t(`embed.part.${p}`)}
          </label>
        ))}
      </fieldset>
      <label className="snippet">
        <span>{t('embed.snippet')}</span>
        <textarea readOnly value={snippet} rows={7} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="embed-actions">
        <CopyButton text={() => snippet} label={t('embed.copy')} copiedLabel={t('embed.copied')} failedLabel={t('settings.copyFailed')} />
        <a href={url} target="_blank" rel="noopener">
          {t('embed.preview')}
        </a>
        <button type="button" onClick={onClose}>
          {t('embed.close')}
        </button>
      </div>
    </form>
  );
}
