import { CheckCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { EnterpriseProfile } from '@ftai/api';
import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { meetsGeneralConditions } from './portal-logic';

/** The general conditions (all must hold) and the enterprise types that change rates and caps. */
export const GENERAL_FLAGS = ['registeredInFengtai', 'taxResidentInFengtai', 'seriousDishonesty'] as const;
export const TYPE_FLAGS = ['aiPartnerProgram', 'industrialAI', 'startup'] as const;

/** The profile's flags as tags: what holds, what does not, and a warning when a general condition fails. */
export function EnterpriseFlags({ profile, compact = false }: { profile: EnterpriseProfile; compact?: boolean }) {
  const { t } = useTranslation('portal');
  const good = (flag: (typeof GENERAL_FLAGS)[number]) => (flag === 'seriousDishonesty' ? profile[flag] !== true : profile[flag] === true);
  return (
    <div data-testid="enterprise-flags">
      {!compact && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('profile.general')}
        </Typography.Text>
      )}
      <Space size={[4, 4]} wrap style={{ display: 'flex', margin: '4px 0 8px' }}>
        {GENERAL_FLAGS.map((f) => (
          <Tag key={f} color={good(f) ? 'success' : 'error'} icon={good(f) ? <CheckCircleOutlined /> : <CloseCircleOutlined />}>
            {t(`flagState.${f}.${good(f) ? 'yes' : 'no'}`)}
          </Tag>
        ))}
      </Space>
      {!compact && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('profile.types')}
        </Typography.Text>
      )}
      <Space size={[4, 4]} wrap style={{ display: 'flex', margin: '4px 0' }}>
        {TYPE_FLAGS.map((f) => (
          <Tag key={f} color={profile[f] ? 'blue' : 'default'} icon={profile[f] ? <CheckCircleOutlined /> : <MinusCircleOutlined />}>
            {t(`profile.flags.${f}`)}
            {profile[f] ? '' : ` · ${t('profile.no')}`}
          </Tag>
        ))}
      </Space>
      {!meetsGeneralConditions(profile) && <Alert type="error" showIcon title={t('profile.generalFails')} style={{ marginTop: 8 }} />}
    </div>
  );
}
