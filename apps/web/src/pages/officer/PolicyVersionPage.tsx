import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  CheckOutlined,
  CloseOutlined,
  DownloadOutlined,
  EditOutlined,
  ExperimentOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { ParameterVersion, ParameterVersionChange } from '@ftai/api';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import { ParameterValue } from '../../components/ParameterValue';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDate, formatDateTime } from '../../lib/format';
import { errorMessage, PageHeader, QueryState } from './parts';
import { VersionStatusTag } from './version-parts';
import { useVersion, useVersionAction, versionPath } from './versions-api';

/**
 * 政策参数版本 (/officer/policy-versions/:number): what the version is (number, version string,
 * status, effective date, reason, 授权文件 and 文号, who drafted and decided it and when) and what
 * it changes, each parameter before → after; the author edits, submits or withdraws it, another
 * officer approves or rejects it (a rejection says why); its parameter file for `ftai calc
 * --parameters`, and a simulation of it against the version in effect.
 */
export function PolicyVersionPage() {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { number: param = '' } = useParams();
  const number = Number(param);
  const version = useVersion(number);
  const v = version.data;
  return (
    <div>
      <Link to="/officer/policy-versions" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('versions.back')}
      </Link>
      <QueryState isLoading={version.isLoading} error={version.error} onRetry={() => void version.refetch()}>
        {v && (
          <Flex vertical gap={16}>
            <PageHeader
              title={
                <span>
                  {t('versions.titleOf', { n: v.number })} <VersionStatusTag status={v.status} inEffect={v.inEffect} />
                </span>
              }
              subtitle={
                <span>
                  {t('versions.versionString')}
                  {lang === 'en' ? ': ' : '：'}
                  <span translate="no">{v.version}</span>
                </span>
              }
              extra={<VersionActions version={v} />}
            />
            <VersionFacts version={v} />
            <Card
              size="small"
              title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('versions.changes')}</h2>}
              extra={v.basedOn ? <Typography.Text type="secondary">{t('versions.againstBase', { n: v.basedOn })}</Typography.Text> : null}
            >
              {v.changes.length === 0 ? (
                <Typography.Text type="secondary">{t('versions.noChanges')}</Typography.Text>
              ) : (
                <ChangesTable changes={v.changes} />
              )}
            </Card>
          </Flex>
        )}
      </QueryState>
    </div>
  );
}

function VersionFacts({ version: v }: { version: ParameterVersion }) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const who = (p: { name: string } | null, at: string | null) => (p ? `${p.name}${at ? ` · ${formatDateTime(at, lang)}` : ''}` : '—');
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'effective', label: t('versions.effectiveOn'), children: formatDate(v.effectiveOn, lang) },
          { key: 'base', label: t('versions.basedOn'), children: v.basedOn ? t('versions.numbered', { n: v.basedOn }) : '—' },
          { key: 'authority', label: t('versions.authority'), children: v.authority },
          { key: 'ref', label: t('versions.authorityRef'), children: v.authorityRef ?? '—' },
          { key: 'drafted', label: t('versions.draftedBy'), children: v.draftedBy ? who(v.draftedBy, v.draftedAt) : t('versions.shipped') },
          { key: 'submitted', label: t('versions.submittedAt'), children: v.submittedAt ? formatDateTime(v.submittedAt, lang) : '—' },
          { key: 'decided', label: t('versions.decidedBy'), children: who(v.decidedBy, v.decidedAt) },
          ...(v.decisionNote ? [{ key: 'note', label: t('versions.decisionNote'), children: v.decisionNote }] : []),
          { key: 'reason', label: t('versions.reason'), span: 'filled' as const, children: v.reason },
        ]}
      />
    </Card>
  );
}

/** The changes: parameter, clause, before → after (tiers as small tables), 原为假设 where the figure was an assumption. */
export function ChangesTable({ changes }: { changes: readonly ParameterVersionChange[] }) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const columns: ColumnsType<ParameterVersionChange> = [
    {
      title: t('versions.parameter'),
      key: 'parameter',
      render: (_, c) => (
        <div style={{ minWidth: 140 }}>
          <div>{c.label[lang]}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
            {c.parameter}
          </Typography.Text>
          {c.wasAssumed && (
            <div>
              <Tag color="orange" data-testid={`was-assumed-${c.parameter}`}>
                {t('versions.wasAssumed')}
              </Tag>
            </div>
          )}
        </div>
      ),
    },
    { title: t('versions.clause'), dataIndex: 'reference', render: (r: string) => <span style={{ whiteSpace: 'nowrap' }}>{r}</span> },
    {
      title: t('versions.before'),
      key: 'before',
      render: (_, c) => <ParameterValue unit={c.unit} value={c.before} testId={`before-${c.parameter}`} />,
    },
    {
      title: '',
      key: 'arrow',
      width: 28,
      render: () => <ArrowRightOutlined aria-label={t('versions.becomes')} style={{ color: '#8c8c8c' }} />,
    },
    {
      title: t('versions.after'),
      key: 'after',
      render: (_, c) => <ParameterValue unit={c.unit} value={c.after} testId={`after-${c.parameter}`} />,
    },
  ];
  return (
    <ScrollRegion label={t('versions.changes')}>
      <Table<ParameterVersionChange>
        rowKey="parameter"
        size="small"
        columns={columns}
        dataSource={[...changes]}
        pagination={false}
        data-testid="version-changes"
      />
    </ScrollRegion>
  );
}

/**
 * The buttons a version has, by its status and who looks: the author edits, submits and withdraws;
 * another officer approves or rejects a pending one (the author is told why they cannot); anyone
 * downloads its parameter file and simulates it.
 */
function VersionActions({ version: v }: { version: ParameterVersion }) {
  const { t } = useTranslation('modelling');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();
  const action = useVersionAction(v.number);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const isAuthor = user !== undefined && user !== null && v.draftedBy?.id === user.id;
  const run = (a: 'submit' | 'withdraw' | 'approve' | 'reject', note?: string) =>
    action.mutate(
      { action: a, note },
      {
        onSuccess: () => {
          message.success(t(`versions.done.${a}`));
          setRejecting(false);
        },
      },
    );
  return (
    <>
      {isAuthor && v.status === 'draft' && (
        <>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/officer/policy-versions/${v.number}/edit`)} data-testid="version-edit">
            {t('versions.edit')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={action.isPending && action.variables?.action === 'submit'}
            onClick={() => run('submit')}
            data-testid="version-submit"
          >
            {t('versions.submit')}
          </Button>
        </>
      )}
      {isAuthor && (v.status === 'draft' || v.status === 'pending') && (
        <Button
          icon={<RollbackOutlined />}
          loading={action.isPending && action.variables?.action === 'withdraw'}
          onClick={() => run('withdraw')}
          data-testid="version-withdraw"
        >
          {t('versions.withdraw')}
        </Button>
      )}
      {!isAuthor && v.status === 'pending' && (
        <>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={action.isPending && action.variables?.action === 'approve'}
            onClick={() => run('approve')}
            data-testid="version-approve"
          >
            {t('versions.approve')}
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="version-reject">
            {t('versions.reject')}
          </Button>
        </>
      )}
      {isAuthor && v.status === 'pending' && (
        <Typography.Text type="secondary" data-testid="version-own">
          {t('versions.ownVersion')}
        </Typography.Text>
      )}
      <a href={`${versionPath(v.number)}/parameters.json`} download data-testid="version-file">
        <DownloadOutlined /> {t('versions.download')}
      </a>
      <Button icon={<ExperimentOutlined />} onClick={() => navigate(`/officer/simulations?b=${v.number}`)} data-testid="version-simulate">
        {t('versions.simulate')}
      </Button>
      {action.error && !rejecting && <Alert type="error" showIcon title={errorMessage(action.error)} style={{ width: '100%' }} />}
      <Modal
        open={rejecting}
        title={t('versions.rejectTitle', { n: v.number })}
        okText={t('versions.reject')}
        okButtonProps={{ danger: true, loading: action.isPending, ...({ 'data-testid': 'reject-confirm' } as object) }}
        onCancel={() => setRejecting(false)}
        onOk={() => void form.validateFields().then((f) => run('reject', f.note))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="note"
            label={t('versions.rejectNote')}
            rules={[
              { required: true, whitespace: true, message: t('versions.rule.note') },
              { max: 1000, message: t('versions.rule.max1000') },
            ]}
          >
            <Input.TextArea rows={4} data-testid="reject-note" />
          </Form.Item>
        </Form>
        {action.error && rejecting && <Alert type="error" showIcon title={errorMessage(action.error)} />}
      </Modal>
    </>
  );
}
