import type { ApplicationStatus } from '@ftai/api/statuses';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Each status's tag colour (AntD presets): a status without one does not compile. */
const APPLICATION_COLORS: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'default',
  submitted: 'processing',
  formal_check: 'cyan',
  under_review: 'blue',
  returned: 'warning',
  approved: 'green',
  rejected: 'error',
  public_notice: 'purple',
  final: 'geekblue',
  paid: 'success',
};

const RESULT_COLORS: Record<string, string> = {
  granted: 'success',
  ineligible: 'default',
  excluded: 'warning',
  incomplete: 'orange',
  pending: 'processing',
  'in-kind': 'cyan',
  service: 'blue',
  'not-applicable': 'default',
};

/** An application's status (申报状态) as a coloured tag in the current language (labels: @ftai/api's STATUS_TABLE). */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={APPLICATION_COLORS[status]}>{t(`status.${status}`, { ns: 'common' })}</Tag>;
}

/**
 * A measure result's status as a coloured tag, in CHINESE.md's words (予以支持, 不符合条件, 不予支持,
 * 待补充信息 …). Never shown alone for a result that is not granted: see ResultStatus.
 */
export function ResultStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={RESULT_COLORS[status] ?? 'default'} data-status={status}>
      {t(`resultStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}
