import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A query that failed: the server's message and a retry button. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('error')}
      description={error instanceof Error ? error.message : String(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
