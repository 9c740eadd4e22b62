import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Call } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { articleShortLabel } from '../../api/article-label';
import { api } from '../../api/client';
import { useArticleIndex } from '../../api/use-catalogue';
import { Money } from '../../components/Money';
import { formatDate, formatYuan } from '../../lib/format';
import { articleBudgetSum, type CallFormValues, callFormValues, createCallBody, updateCallBody } from './lib/call-form';
import { useCalls } from './officer-api';
import { formProblem, PageHeader, QueryState, YuanInput } from './parts';

const MAX_YUAN = 9_999_999_999_999;
/** As @ftai/api DEFAULT_REQUIRED_REVIEWS and MAX_REQUIRED_REVIEWS (the web imports only its types). */
const DEFAULT_REQUIRED_REVIEWS = 1;
const MAX_REQUIRED_REVIEWS = 20;

/** Annual calls (申报批次) with their dates and budgets: a list, and a form to open or change one. */
export function CallsPage() {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const articleOf = useArticleIndex();
  const calls = useCalls();
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState<Call | 'new' | null>(null);

  const budgets = (c: Call) => {
    const entries = Object.entries(c.articleBudgets);
    if (entries.length === 0) return <Typography.Text type="secondary">{t('calls.noArticleBudgets')}</Typography.Text>;
    return (
      <Space size={[4, 4]} wrap>
        {entries.map(([a, b]) => (
          <Tag key={a}>
            {articleOf.get(Number(a))?.citation ?? a} {formatYuan(b)}
          </Tag>
        ))}
      </Space>
    );
  };
  const status = (c: Call) => (
    <Space size={4} wrap>
      <Tag color={c.status === 'open' ? 'green' : 'default'}>{t(`call.status.${c.status}`)}</Tag>
      {c.isAccepting && <Tag color="blue">{t('calls.accepting')}</Tag>}
    </Space>
  );
  const links = (c: Call) => (
    <Space size={12} wrap>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={`${t('calls.edit')} ${c.title}`}>
        {t('calls.edit')}
      </Button>
      <Link to={`/officer/dashboard?call=${c.id}`}>{t('nav.dashboard')}</Link>
      <Link to={`/officer/applications?call=${c.id}`}>{t('nav.applications')}</Link>
    </Space>
  );

  const columns: ColumnsType<Call> = [
    {
      title: t('calls.title'),
      key: 'title',
      render: (_, c) => (
        <div>
          <Typography.Text strong>{c.title}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('calls.yearOf', { year: c.year })} · {formatDate(c.opensOn, lang)}
              {lang === 'en' ? ' to ' : '至'}
              {formatDate(c.closesOn, lang)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('calls.totalBudget'), dataIndex: 'totalBudget', align: 'right', render: (v: number) => <Money value={v} strong /> },
    { title: t('calls.articleBudgets'), key: 'articles', render: (_, c) => budgets(c) },
    { title: t('calls.status'), key: 'status', render: (_, c) => status(c) },
    { title: t('actions', { ns: 'common' }), key: 'actions', render: (_, c) => links(c) },
  ];

  return (
    <div>
      <PageHeader
        title={t('calls.heading')}
        subtitle={t('calls.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('calls.create')}
          </Button>
        }
      />
      <QueryState
        isLoading={calls.isLoading}
        error={calls.error}
        isEmpty={(calls.data ?? []).length === 0}
        empty={t('call.none')}
        onRetry={() => void calls.refetch()}
      >
        {screens.md ? (
          <Card size="small">
            <Table<Call> rowKey="id" columns={columns} dataSource={calls.data} pagination={false} size="middle" />
          </Card>
        ) : (
          // Cards one under another (not a list whose items are cards: a list holds list items only).
          <div>
            {(calls.data ?? []).map((c) => (
              <Card key={c.id} size="small" style={{ marginBottom: 12 }} title={c.title} extra={status(c)}>
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  <Typography.Text type="secondary">
                    {t('calls.yearOf', { year: c.year })} · {formatDate(c.opensOn, lang)}
                    {lang === 'en' ? ' to ' : '至'}
                    {formatDate(c.closesOn, lang)}
                  </Typography.Text>
                  <div>
                    {t('calls.totalBudget')}
                    {i18n.language === 'en' ? ': ' : '：'}
                    <Money value={c.totalBudget} strong />
                    {i18n.language === 'en' ? ' yuan' : '元'}
                  </div>
                  {budgets(c)}
                  {links(c)}
                </Space>
              </Card>
            ))}
          </div>
        )}
      </QueryState>
      <CallDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

function CallDrawer({ editing, onClose }: { editing: Call | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('officer');
  // Every article of the policy, from the catalogue: each may have a budget of its own.
  const articles = [...useArticleIndex().values()];
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<CallFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const isNew = editing === 'new';
  const call = editing !== 'new' ? editing : null;
  const articleBudgets = Form.useWatch('articleBudgets', form);
  const total = Form.useWatch('totalBudget', form);
  const articleSum = articleBudgetSum(articleBudgets);

  const save = useMutation({
    mutationFn: (v: CallFormValues) =>
      call ? api.patch<Call>(`/api/v1/calls/${call.id}`, updateCallBody(v)) : api.post<Call>('/api/v1/calls', createCallBody(v)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['officer'] });
      message.success(call ? t('calls.saved', { title: saved.title }) : t('calls.created', { title: saved.title }));
      onClose();
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });

  // The form stays mounted (forceRender) so that its watchers always have a form; each opening starts afresh.
  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    form.setFieldsValue(editing === 'new' ? { year: new Date().getFullYear() } : callFormValues(editing));
    setProblem(null);
  }, [editing, form]);

  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      title={isNew ? t('calls.create') : t('calls.editTitle')}
      size={screens.md ? 640 : '100%'}
      forceRender
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel', { ns: 'common' })}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="call-save">
            {t('save', { ns: 'common' })}
          </Button>
        </Flex>
      }
    >
      <Form<CallFormValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="title"
          label={t('calls.title')}
          rules={[
            { required: true, whitespace: true, message: t('calls.rule.title') },
            { max: 200, message: t('calls.rule.max200') },
          ]}
        >
          <Input placeholder={t('calls.titlePlaceholder')} maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="year"
              label={t('calls.year')}
              tooltip={t('calls.yearHelp')}
              rules={[{ required: true, type: 'integer', min: 2025, max: 2100, message: t('calls.rule.year') }]}
            >
              <InputNumber<number> min={2025} max={2100} precision={0} style={{ width: '100%' }} disabled={!isNew} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="opensOn" label={t('calls.opensOn')} rules={[{ required: true, message: t('calls.rule.date') }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="closesOn"
              label={t('calls.closesOn')}
              dependencies={['opensOn']}
              rules={[
                { required: true, message: t('calls.rule.date') },
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) =>
                    !v || !getFieldValue('opensOn') || v >= getFieldValue('opensOn')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('calls.rule.closesAfter'))),
                }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="totalBudget"
          label={t('calls.totalBudget')}
          rules={[{ required: true, type: 'integer', min: 0, max: MAX_YUAN, message: t('calls.rule.yuan') }]}
        >
          <YuanInput max={MAX_YUAN} data-testid="total-budget" />
        </Form.Item>
        <Form.Item
          name="applicationNumberFormat"
          label={t('calls.numberFormat')}
          extra={t('calls.numberFormatHelp')}
          rules={[
            { max: 60, message: t('calls.rule.max60') },
            {
              validator: (_, v?: string) =>
                !v?.trim() || v.includes('{seq}') ? Promise.resolve() : Promise.reject(new Error(t('calls.rule.numberFormat'))),
            },
          ]}
        >
          <Input placeholder="丰科AI申〔{year}〕{seq}号" maxLength={60} data-testid="number-format" />
        </Form.Item>
        <Form.Item
          name="noticeIssuer"
          label={t('calls.noticeIssuer')}
          extra={t('calls.noticeIssuerHelp')}
          rules={[{ max: 100, message: t('calls.rule.max100') }]}
        >
          <Input placeholder="北京市丰台区科学技术和信息化局" maxLength={100} data-testid="notice-issuer" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item
              name="noticePhone"
              label={t('calls.noticePhone')}
              rules={[{ pattern: /^[0-9+（）()\-\s转,，、;；]*$/, message: t('calls.rule.phone') }]}
            >
              <Input placeholder="010-63800000" maxLength={60} data-testid="notice-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="noticeAddress" label={t('calls.noticeAddress')} extra={t('calls.noticeContactHelp')}>
              <Input maxLength={200} data-testid="notice-address" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="requiredReviews"
          label={t('calls.requiredReviews')}
          extra={t('calls.requiredReviewsHelp')}
          rules={[
            { type: 'integer', min: 0, max: MAX_REQUIRED_REVIEWS, message: t('calls.rule.requiredReviews', { max: MAX_REQUIRED_REVIEWS }) },
          ]}
        >
          <InputNumber<number>
            min={0}
            max={MAX_REQUIRED_REVIEWS}
            precision={0}
            placeholder={String(DEFAULT_REQUIRED_REVIEWS)}
            data-testid="required-reviews"
          />
        </Form.Item>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('calls.articleBudgets')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('calls.articleBudgetsHelp')}
        </Typography.Paragraph>
        <Row gutter={12}>
          {articles.map((a) => (
            <Col xs={24} sm={12} key={a.article}>
              <Form.Item
                name={['articleBudgets', String(a.article)]}
                label={articleShortLabel(a)}
                dependencies={['totalBudget']}
                rules={[
                  { type: 'integer', min: 0, max: MAX_YUAN, message: t('calls.rule.yuan') },
                  // An article is a part of the total: the server refuses more (FTAI_ERR_BUDGET_ABOVE_TOTAL).
                  ({ getFieldValue }) => ({
                    validator: (_, v: number | null | undefined) => {
                      const limit = getFieldValue('totalBudget') as number | null | undefined;
                      return typeof v !== 'number' || typeof limit !== 'number' || v <= limit
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('calls.rule.articleAboveTotal', { total: formatYuan(limit) })));
                    },
                  }),
                ]}
              >
                <YuanInput max={MAX_YUAN} placeholder={t('calls.noOwnBudget')} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {typeof total === 'number' && articleSum > total && (
          <Alert type="warning" showIcon title={t('calls.articleSumOver', { sum: formatYuan(articleSum), total: formatYuan(total) })} />
        )}
        {!isNew && (
          <Form.Item name="status" label={t('calls.status')} style={{ marginTop: 16 }}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'open', label: t('call.status.open') },
                { value: 'closed', label: t('call.status.closed') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
