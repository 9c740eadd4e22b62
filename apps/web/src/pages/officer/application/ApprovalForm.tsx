import { CheckOutlined } from '@ant-design/icons';
import type { ApplicationItem, ApplicationView } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Grid, Input, InputNumber, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useMeasureIndex } from '../../../api/use-catalogue';
import { Money } from '../../../components/Money';
import { formatYuan } from '../../../lib/format';
import { type AmountProblem, amountProblem, approvalBody, approvalTotals, defaultApproval } from '../lib/approval';
import { groupThousands, ungroupThousands } from '../lib/yuan';
import { formProblem } from '../parts';

interface Values {
  items: { measure: string; subject: string | null; amount: number | null }[];
  note?: string;
}

const REVIEW_BG = '#fffbe6';

/**
 * The officer's approval (审定): an amount per item, starting at the engine's figure, never above
 * it (the input's max, a rule, and the server's check). Items the engine flags for expert review
 * (最高 amounts) are highlighted: they are the ones a review usually lowers.
 */
export function ApprovalForm({ application }: { application: ApplicationView }) {
  const { t } = useTranslation('officer');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const measures = useMeasureIndex(application.call?.year);
  const [form] = Form.useForm<Values>();
  // Approval waits for the expert reviews the call requires (the server refuses it otherwise).
  const waiting = application.reviews.completed < application.reviews.required;
  const [problem, setProblem] = useState<string | null>(null);
  const items = application.items;
  const lines = Form.useWatch('items', form) ?? [];
  const totals = approvalTotals(items, lines);

  const approve = useMutation({
    mutationFn: (v: Values) => api.post(`/api/v1/applications/${application.id}/approve`, approvalBody(v.items, v.note)),
    onSuccess: async () => {
      message.success(t('approve.done'));
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: ['officer'] });
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });

  const problemText = (p: AmountProblem, engine: number) =>
    p === 'over' ? t('approve.rule.over', { amount: formatYuan(engine) }) : t(`approve.rule.${p}`);

  const amountInput = (item: ApplicationItem, index: number) => (
    <Form.Item
      name={['items', index, 'amount']}
      style={{ margin: 0 }}
      rules={[
        {
          validator: (_, v: number | null) => {
            const p = amountProblem(v, item.engineAmount);
            return p ? Promise.reject(new Error(problemText(p, item.engineAmount))) : Promise.resolve();
          },
        },
      ]}
    >
      <InputNumber<number>
        aria-label={t('approve.amountOf', { measure: item.measure, subject: item.subject ?? '' })}
        data-testid={`amount-${item.measure}-${item.subject ?? ''}`}
        min={0}
        max={item.engineAmount}
        precision={0}
        step={1000}
        formatter={(v) => groupThousands(v)}
        parser={(v) => Number(ungroupThousands(v))}
        style={{ width: '100%', minWidth: 140 }}
      />
    </Form.Item>
  );

  const label = (item: ApplicationItem) => {
    const m = measures.get(item.measure);
    return (
      <div>
        <Typography.Text strong>{item.measure}</Typography.Text> <Typography.Text type="secondary">{m?.citation ?? ''}</Typography.Text>
        {item.subject && <Tag style={{ marginInlineStart: 6 }}>{item.subject}</Tag>}
        {item.review && (
          <Tooltip title={t('approve.reviewHelp')}>
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              {t('approve.review')}
            </Tag>
          </Tooltip>
        )}
        {m && <div style={{ fontSize: 12, color: '#595959', maxWidth: 380 }}>{m.summary}</div>}
      </div>
    );
  };

  const reduced = (item: ApplicationItem, index: number) => {
    const v = lines[index]?.amount;
    if (typeof v !== 'number' || v >= item.engineAmount) return <Typography.Text type="secondary">—</Typography.Text>;
    return <Typography.Text type="warning">−{formatYuan(item.engineAmount - v)}</Typography.Text>;
  };

  const columns: ColumnsType<ApplicationItem> = [
    { title: t('approve.item'), key: 'item', render: (_, item) => label(item) },
    {
      title: t('approve.engine'),
      dataIndex: 'engineAmount',
      key: 'engine',
      align: 'right',
      width: 150,
      render: (v: number) => <Money value={v} />,
    },
    { title: t('approve.amount'), key: 'amount', width: 190, render: (_, item, index) => amountInput(item, index) },
    { title: t('approve.reduced'), key: 'reduced', align: 'right', width: 120, render: (_, item, index) => reduced(item, index) },
  ];

  return (
    <Card
      title={t('approve.title')}
      size="small"
      data-testid="approval-form"
      extra={
        <Button size="small" onClick={() => form.setFieldsValue({ items: defaultApproval(items) })}>
          {t('approve.reset')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ items: defaultApproval(items), note: '' }}
        onFinish={(v) =>
          approve.mutate({
            ...v,
            items: items.map((i, k) => ({ measure: i.measure, subject: i.subject, amount: v.items[k]?.amount ?? null })),
          })
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('approve.help')}
        </Typography.Paragraph>
        {screens.md ? (
          <Table<ApplicationItem>
            size="small"
            rowKey={(i) => `${i.measure}|${i.subject ?? ''}`}
            columns={columns}
            dataSource={[...items]}
            pagination={false}
            onRow={(item) => ({ style: item.review ? { background: REVIEW_BG } : undefined })}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('total', { ns: 'common' })}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Money value={totals.engine} strong />
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2}>
                  <span data-testid="approved-total" style={{ paddingInlineStart: 12 }}>
                    <Money value={totals.approved} strong />
                  </span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {totals.reduced > 0 ? <Typography.Text type="warning">−{formatYuan(totals.reduced)}</Typography.Text> : '—'}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        ) : (
          <Flex vertical gap={8}>
            {items.map((item, index) => (
              <div
                key={`${item.measure}|${item.subject ?? ''}`}
                style={{ padding: 8, borderRadius: 6, border: '1px solid #f0f0f0', background: item.review ? REVIEW_BG : undefined }}
              >
                {label(item)}
                <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('approve.engine')} <Money value={item.engineAmount} />
                  </Typography.Text>
                  <div style={{ width: 160 }}>{amountInput(item, index)}</div>
                </Flex>
              </div>
            ))}
            <Flex justify="space-between">
              <Typography.Text strong>{t('total', { ns: 'common' })}</Typography.Text>
              <span>
                <Money value={totals.approved} strong /> / <Money value={totals.engine} />
              </span>
            </Flex>
          </Flex>
        )}
        <Form.Item name="note" label={t('approve.note')} style={{ marginTop: 16 }} rules={[{ max: 1000, message: t('rule.max1000') }]}>
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('approve.notePlaceholder')} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        {waiting && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('actions.reviews.missing', { required: application.reviews.required, completed: application.reviews.completed })}
          />
        )}
        <Flex justify="end">
          <Popconfirm
            disabled={waiting}
            title={t('approve.confirm', { amount: formatYuan(totals.approved) })}
            okText={t('confirm', { ns: 'common' })}
            cancelText={t('cancel', { ns: 'common' })}
            onConfirm={() => form.submit()}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={approve.isPending} disabled={waiting} data-testid="approve-submit">
              {t('approve.submit')}
            </Button>
          </Popconfirm>
        </Flex>
      </Form>
    </Card>
  );
}
