import { PlusOutlined } from '@ant-design/icons';
import type { ParameterVersion, ParameterVersionStatus } from '@ftai/api';
import { Button, Card, Grid, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ServerPager } from '../../components/ServerPager';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageHeader, QueryState } from './parts';
import { VERSION_STATUSES, VersionStatusTag } from './version-parts';
import { useVersionsPage } from './versions-api';

/**
 * 政策参数版本 (/officer/policy-versions): every version of the policy's parameters, newest first,
 * by status if asked — its number and version string, status, effective date, the document that
 * authorises it and how many parameters it changes — and a new draft.
 */
export function PolicyVersionsPage() {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ParameterVersionStatus | undefined>();
  const versions = useVersionsPage(status);
  const list = versions.data?.versions ?? [];
  const colon = lang === 'en' ? ': ' : '：';

  const name = (v: ParameterVersion) => (
    <Link to={`/officer/policy-versions/${v.number}`} data-testid={`version-${v.number}`}>
      {t('versions.numbered', { n: v.number })}
    </Link>
  );
  const authority = (v: ParameterVersion) => (
    <div style={{ minWidth: 160 }}>
      <div>{v.authority}</div>
      {v.authorityRef && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {v.authorityRef}
        </Typography.Text>
      )}
    </div>
  );

  const columns: ColumnsType<ParameterVersion> = [
    {
      title: t('versions.version'),
      key: 'version',
      render: (_, v) => (
        <div>
          {name(v)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
              {v.version}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('versions.statusLabel'), key: 'status', render: (_, v) => <VersionStatusTag status={v.status} inEffect={v.inEffect} /> },
    { title: t('versions.effectiveOn'), dataIndex: 'effectiveOn', render: (d: string) => formatDate(d, lang) },
    { title: t('versions.authority'), key: 'authority', render: (_, v) => authority(v) },
    {
      title: t('versions.changeCount'),
      key: 'changes',
      align: 'right',
      render: (_, v) => (v.number === 1 ? '—' : t('versions.parametersN', { n: v.changes.length })),
    },
    {
      title: t('versions.draftedBy'),
      key: 'drafted',
      responsive: ['lg'],
      render: (_, v) => (
        <div>
          <div>{v.draftedBy?.name ?? t('versions.shipped')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.draftedAt ? formatDateTime(v.draftedAt, lang) : ''}
          </Typography.Text>
        </div>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('versions.heading')}
        subtitle={t('versions.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/officer/policy-versions/new')} data-testid="version-new">
            {t('versions.create')}
          </Button>
        }
      />
      <Card
        size="small"
        title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('versions.list')}</h2>}
        extra={
          <Select<ParameterVersionStatus>
            allowClear
            size="small"
            aria-label={t('versions.statusLabel')}
            placeholder={t('versions.allStatuses')}
            value={status}
            onChange={setStatus}
            options={VERSION_STATUSES.map((s) => ({ value: s, label: t(`versions.status.${s}`) }))}
            style={{ width: 130 }}
            data-testid="version-status-filter"
          />
        }
      >
        <QueryState
          isLoading={versions.isLoading}
          error={versions.error}
          isEmpty={list.length === 0 && versions.pageIndex === 0}
          empty={t('versions.none')}
          onRetry={() => void versions.refetch()}
        >
          {screens.md ? (
            <Table<ParameterVersion>
              rowKey="number"
              size="small"
              columns={columns}
              dataSource={list}
              pagination={false}
              loading={versions.isFetching}
              data-testid="versions"
            />
          ) : (
            <div data-testid="versions">
              {list.map((v) => (
                <Card
                  key={v.number}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={name(v)}
                  extra={<VersionStatusTag status={v.status} />}
                >
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <span>
                      {t('versions.effectiveOn')}
                      {colon}
                      {formatDate(v.effectiveOn, lang)}
                    </span>
                    {authority(v)}
                  </Space>
                </Card>
              ))}
            </div>
          )}
          <ServerPager {...versions} hideOnSinglePage />
        </QueryState>
      </Card>
    </div>
  );
}
