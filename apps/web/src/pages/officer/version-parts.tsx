import type { ParameterVersionStatus } from '@ftai/api';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const VERSION_STATUSES: readonly ParameterVersionStatus[] = ['draft', 'pending', 'approved', 'rejected', 'withdrawn'];

const STATUS_COLORS: Record<ParameterVersionStatus, string> = {
  draft: 'default',
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** A version's status as a tag (草稿, 待审批, 已批准, 已驳回, 已撤回), and 现行有效 beside it when it is the one in effect. */
export function VersionStatusTag({ status, inEffect }: { status: ParameterVersionStatus; inEffect?: boolean }) {
  const { t } = useTranslation('modelling');
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={STATUS_COLORS[status]} data-testid="version-status">
        {t(`versions.status.${status}`)}
      </Tag>
      {inEffect && (
        <Tag color="blue" data-testid="version-in-effect">
          {t('versions.inEffect')}
        </Tag>
      )}
    </span>
  );
}
