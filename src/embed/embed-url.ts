/**
 * Links and HTML for embedding a widget: the iframe's address carries the
 * page's settings plus the teacher's locks and hidden parts.
 */
import { MESSAGE_SOURCE } from './constants';
import type { WidgetId } from './widgets';

/** Keys that describe how the page is shown, not the widget's settings. */
export const SHELL_KEYS = ['embed', 'widget', 'lock', 'hide', 'show', 'origin'];

export function embedUrl(
  base: string,
  widget: WidgetId,
  params: URLSearchParams,
  lock: string[],
  hide: string[],
  show: string[] = [],
): string {
  const p = new URLSearchParams();
  params.forEach((v, k) => {
    if (!SHELL_KEYS.includes(k)) p.set(k, v);
  });
  if (lock.length) p.set('lock', lock.join(','));
  if (hide.length) p.set('hide', hide.join(','));
  if (show.length) p.set('show', show.join(','));
  const q = p.toString().replace(/%2C/g, ',');
  return `${base}#/embed/${widget}${q ? `?${q}` : ''}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An iframe plus a three-line script that resizes it to the height the widget reports. */
export function embedSnippet(url: string, widget: WidgetId, title: string): string {
  const id = `dlp-${widget}`;
  return [
    `<iframe id="${id}" src="${attr(url)}" title="${attr(title)}" style="width:100%;height:640px;border:0" loading="lazy"></iframe>`,
    `<script>`,
    `addEventListener('message', function (e) {`,
    `  var f = document.getElementById('${id}');`,
    `  if (f && e.source === f.contentWindow && e.data && e.data.source === '${MESSAGE_SOURCE}' && e.data.type === 'resize') f.style.height = e.data.height + 'px';`,
    `});`,
    `</script>`,
  ].join('\n');
}

/** The site's address without its hash: where the built app lives, sub-path included. */
export function siteBase(loc: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return `${loc.origin}${loc.pathname}`;
}
