import { GiftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { beijingDate } from '../../lib/beijing-date';
import { formatAmount, formatDate } from '../../lib/format';
import { pendingOffers } from './offer-logic';
import { useOffers } from './offer-queries';

/**
 * 待确认的免申即享, at the top of the portal's dashboard: each offer still to confirm, with its call,
 * total and deadline and the way to it. Nothing while there is none.
 */
export function PendingOffers() {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const offers = useOffers();
  const pending = pendingOffers(offers.data ?? [], beijingDate());
  if (pending.length === 0) return null;
  return (
    <Card
      data-testid="pending-offers"
      style={{ marginBottom: 16, borderColor: '#faad14', background: '#fffbe6' }}
      styles={{ header: { borderBottomColor: '#ffe58f' } }}
      title={
        <h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>
          <GiftOutlined style={{ color: '#ad4e00' }} /> {t('pendingOffers.title')}
        </h2>
      }
    >
      <Typography.Paragraph style={{ marginTop: 0 }}>{t('pendingOffers.intro')}</Typography.Paragraph>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {pending.map((o) => (
          <li key={o.id} style={{ padding: '8px 0', borderTop: '1px solid #ffe58f' }} data-testid={`pending-offer-${o.id}`}>
            <Flex wrap gap={8} align="center" justify="space-between">
              <div style={{ flex: '1 1 260px', minWidth: 0 }}>
                <Typography.Text strong>{o.callTitle}</Typography.Text>
                <Flex wrap gap={16} style={{ marginTop: 2 }}>
                  <Typography.Text style={{ color: '#cf1322', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                    {t(o.items.some((i) => i.review) ? 'pendingOffers.totalUpTo' : 'pendingOffers.total', {
                      amount: formatAmount(o.total, lang),
                    })}
                  </Typography.Text>
                  <Typography.Text>{t('pendingOffers.deadline', { date: formatDate(o.deadline, lang) })}</Typography.Text>
                </Flex>
              </div>
              <Button
                type="primary"
                onClick={() => navigate(`/portal/offers/${o.id}`)}
                aria-label={`${t('pendingOffers.open')} ${o.callTitle}`}
              >
                {t('pendingOffers.open')}
              </Button>
            </Flex>
          </li>
        ))}
      </ul>
    </Card>
  );
}
