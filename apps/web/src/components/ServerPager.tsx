import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly pageIndex: number;
  readonly total: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly previous: () => void;
  readonly next: () => void;
  readonly first: () => void;
  /** Show nothing while everything fits on the first page (a short list, as antd's pagination does). */
  readonly hideOnSinglePage?: boolean;
}

/** The pager under a server-paged table (useServerPage): first, previous, next, and where we are. */
export function ServerPager({ pageIndex, total, hasPrevious, hasNext, previous, next, first, hideOnSinglePage }: Props) {
  const { t } = useTranslation('common');
  if (hideOnSinglePage && !hasPrevious && !hasNext) return null;
  return (
    <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }} wrap>
      <Typography.Text>{t('pager.summary', { page: pageIndex + 1, total })}</Typography.Text>
      <Button size="small" onClick={first} disabled={!hasPrevious}>
        {t('pager.first')}
      </Button>
      <Button size="small" onClick={previous} disabled={!hasPrevious}>
        {t('pager.previous')}
      </Button>
      <Button size="small" onClick={next} disabled={!hasNext}>
        {t('pager.next')}
      </Button>
    </Space>
  );
}
