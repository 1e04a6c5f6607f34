import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getOfflineState, subscribeOfflineState, updateNow } from './pwa';

/**
 * A quiet note once the service worker has cached the whole app, or a button when a new
 * version waits. Renders nothing before that (or in dev builds). Deliberately not a live
 * region: lessons have exactly one role="status" region (the training status).
 */
export function OfflineStatus() {
  const { t } = useTranslation();
  const state = useSyncExternalStore(subscribeOfflineState, getOfflineState, getOfflineState);
  if (state === 'update')
    return (
      <button type="button" className="offline-status" onClick={updateNow}>
        {t('offline.update')}
      </button>
    );
  if (state !== 'ready') return null;
  return (
    <span className="offline-status" data-testid="offline-status" title={t('offline.readyTitle')}>
      {t('offline.ready')}
    </span>
  );
}
