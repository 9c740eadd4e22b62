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
}

/** The pager under a server-paged table (useServerPage): first, previous, next, and where we are. */
export function ServerPager({ pageIndex, total, hasPrevious, hasNext, previous, next, first }: Props) {
  const { t } = useTranslation('common');
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
