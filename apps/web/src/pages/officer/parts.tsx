import type { Call } from '@ftai/api';
import { Alert, Button, Empty, Flex, type FormInstance, InputNumber, type InputNumberProps, Select, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../lib/field-errors';
import { groupThousands, ungroupThousands } from './lib/yuan';

/** A page's title line: the title, an optional subtitle and the page's tools on the right (below on a phone). */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0, flex: '1 1 280px' }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex wrap gap={8} align="center" style={{ maxWidth: '100%' }}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

/** The message of an error from the API (or anything thrown), for an alert. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Loading, failed or empty, else the content: every list and view goes through it. */
export function QueryState({
  isLoading,
  error,
  isEmpty,
  empty,
  onRetry,
  children,
}: {
  isLoading: boolean;
  error: unknown;
  isEmpty?: boolean;
  empty?: ReactNode;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={t('error')}
        description={errorMessage(error)}
        action={
          onRetry && (
            <Button size="small" onClick={onRetry}>
              {t('retry')}
            </Button>
          )
        }
      />
    );
  if (isEmpty) return <Empty description={empty ?? t('empty')} />;
  return <>{children}</>;
}

/** A whole-yuan amount input: thousands separators, no fractions, not below 0. */
export function YuanInput(props: Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'precision'>) {
  const { t } = useTranslation();
  return (
    <InputNumber<number>
      min={0}
      step={10_000}
      precision={0}
      style={{ width: '100%' }}
      suffix={t('yuan')}
      formatter={(v) => groupThousands(v)}
      parser={(v) => Number(ungroupThousands(v))}
      {...props}
    />
  );
}

/** The call picker of the per-call pages; `allowAll` adds "every call" (undefined). */
export function CallSelect({
  calls,
  value,
  onChange,
  allowAll,
  loading,
}: {
  calls: readonly Call[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  allowAll?: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation('officer');
  return (
    <Select<string>
      aria-label={t('call.pick')}
      data-testid="call-select"
      loading={loading}
      value={value ?? (allowAll ? '' : undefined)}
      onChange={(v) => onChange(v || undefined)}
      style={{ width: 400, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      options={[
        ...(allowAll ? [{ value: '', label: t('call.all') }] : []),
        ...calls.map((c) => ({
          value: c.id,
          label: (
            <Flex gap={6} align="center" style={{ minWidth: 0 }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{c.title}</span>
              <Tag color={c.status === 'open' ? 'green' : 'default'} style={{ marginInlineEnd: 0, flex: 'none' }}>
                {t(`call.status.${c.status}`)}
              </Tag>
            </Flex>
          ),
        })),
      ]}
    />
  );
}

/**
 * Puts the API's field errors in place on `form` and returns what is left to say above it: the
 * message when some issue matches no field, or when the refusal names no field at all.
 */
export function formProblem(form: FormInstance, error: unknown, prefix = ''): string | null {
  const rest = applyFieldErrors(form, error, prefix);
  const hasIssues = error instanceof ApiError && error.issues.length > 0;
  if (!hasIssues) return errorMessage(error);
  return rest.length > 0 ? rest.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; ') : null;
}
