import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Leaving with changes the server does not hold asks first. Within the app (a link, the back
 * button), `wouldLose` opens a confirmation (留在本页 / 离开本页): changes still typing or saving
 * are saved as the page closes, so only those that cannot be (refused fields, a failed save)
 * count. Closing the tab or reloading saves nothing more: then any `hasUnsaved` change gets the
 * browser's own question (browsers show their own words for it, not the page's).
 */
export function useLeaveGuard({ hasUnsaved, wouldLose }: { hasUnsaved: boolean; wouldLose: boolean }): void {
  const { t } = useTranslation('portal');
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => wouldLose && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('leave.title'),
      content: t('leave.body'),
      okText: t('leave.ok'),
      cancelText: t('leave.stay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!hasUnsaved) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when a value is returned.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [hasUnsaved]);
}
