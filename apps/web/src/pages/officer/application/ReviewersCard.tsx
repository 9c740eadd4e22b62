import { UserAddOutlined } from '@ant-design/icons';
import type { ApplicationView, Assignment } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { formatTime } from '../../../lib/format';
import { keys, useAssignments, useRubric, useUsers } from '../officer-api';
import { errorMessage, formProblem } from '../parts';

/**
 * Expert review (专家评审): who reviews the application, their declarations and rubric scores; the
 * officer assigns reviewers while it is under review (a reviewer tied to the enterprise is
 * refused: 利益冲突), withdraws one who has not scored, and records a reviewer's tie to the enterprise.
 */
export function ReviewersCard({ application }: { application: ApplicationView }) {
  const { t, i18n } = useTranslation('officer');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const assignments = useAssignments(application.id);
  const users = useUsers();
  const rubric = useRubric();
  const [reviewerId, setReviewerId] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<{ conflict: boolean; text: string } | null>(null);
  const isUnderReview = application.status === 'under_review';
  const assigned = new Set((assignments.data ?? []).map((a) => a.reviewerId));
  const reviewers = (users.data ?? []).filter((u) => u.role === 'reviewer' && !u.disabled);
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.assignments(application.id) }),
      queryClient.invalidateQueries({ queryKey: keys.application(application.id) }),
    ]);

  const assign = useMutation({
    mutationFn: (id: string) => api.post<Assignment>(`/api/v1/applications/${application.id}/assignments`, { reviewerId: id }),
    onSuccess: async (a) => {
      setRefusal(null);
      setReviewerId(undefined);
      message.success(t('review.assigned', { name: a.reviewerName }));
      await refresh();
    },
    onError: (e) => setRefusal({ conflict: e instanceof ApiError && e.code === 'FTAI_ERR_CONFLICT_OF_INTEREST', text: errorMessage(e) }),
  });

  const withdraw = useMutation({
    mutationFn: (id: string) => api.post(`/api/v1/assignments/${id}/withdraw`),
    onSuccess: async () => {
      message.success(t('review.withdrawn'));
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const scores = (a: Assignment) =>
    a.scores && (
      <Descriptions
        size="small"
        column={2}
        style={{ marginTop: 6 }}
        items={(rubric.data?.criteria ?? []).map((c) => ({
          key: c.id,
          label: c.label[lang],
          children: `${a.scores?.[c.id] ?? '—'} / ${c.max}`,
        }))}
      />
    );

  return (
    <Card
      title={t('review.title')}
      size="small"
      extra={application.score !== null && <Tag color="blue">{t('review.average', { score: application.score })}</Tag>}
    >
      {assignments.isLoading ? (
        <Typography.Text type="secondary">{t('loading', { ns: 'common' })}</Typography.Text>
      ) : (assignments.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.none')} />
      ) : (
        <List
          size="small"
          dataSource={assignments.data}
          renderItem={(a) => (
            <List.Item
              actions={
                isUnderReview && !a.isScored
                  ? [
                      <Popconfirm
                        key="w"
                        title={t('review.withdrawConfirm', { name: a.reviewerName })}
                        okText={t('confirm', { ns: 'common' })}
                        cancelText={t('cancel', { ns: 'common' })}
                        onConfirm={() => withdraw.mutateAsync(a.id)}
                      >
                        <Button size="small" type="link" danger>
                          {t('review.withdraw')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <div style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={4}>
                  <Typography.Text strong>{a.reviewerName}</Typography.Text>
                  <Space size={4}>
                    <Tag color={a.isDeclared ? 'green' : 'default'}>{a.isDeclared ? t('review.declared') : t('review.notDeclared')}</Tag>
                    {a.isScored ? <Tag color="blue">{t('review.score', { score: a.totalScore })}</Tag> : <Tag>{t('review.notScored')}</Tag>}
                  </Space>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('review.assignedAt', { at: formatTime(a.assignedAt) })}
                  {a.scoredAt ? ` · ${t('review.scoredAt', { at: formatTime(a.scoredAt) })}` : ''}
                </Typography.Text>
                {scores(a)}
                {a.comment && <Typography.Paragraph style={{ margin: '4px 0 0', fontSize: 13 }}>“{a.comment}”</Typography.Paragraph>}
              </div>
            </List.Item>
          )}
        />
      )}
      {isUnderReview && (
        <div style={{ marginTop: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Select<string>
              aria-label={t('review.pick')}
              placeholder={t('review.pick')}
              value={reviewerId}
              onChange={(v) => {
                setReviewerId(v);
                setRefusal(null);
              }}
              loading={users.isLoading}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="reviewer-select"
              options={reviewers.map((u) => ({ value: u.id, label: u.displayName, disabled: assigned.has(u.id) }))}
            />
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              disabled={!reviewerId}
              loading={assign.isPending}
              onClick={() => reviewerId && assign.mutate(reviewerId)}
              data-testid="assign-reviewer"
            >
              {t('review.assign')}
            </Button>
          </Space.Compact>
          {refusal && (
            <Alert
              style={{ marginTop: 8 }}
              type="error"
              showIcon
              data-testid="assign-refusal"
              title={refusal.conflict ? t('review.conflict') : t('review.refused')}
              description={refusal.text}
            />
          )}
        </div>
      )}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[{ key: 'tie', label: t('review.tie.title'), children: <TieForm application={application} reviewers={reviewers} /> }]}
      />
    </Card>
  );
}

/** Records that a reviewer is tied to this application's enterprise: later assignments of that reviewer are refused. */
function TieForm({ application, reviewers }: { application: ApplicationView; reviewers: readonly { id: string; displayName: string }[] }) {
  const { t } = useTranslation('officer');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reviewerId: string; relation: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const link = useMutation({
    mutationFn: (v: { reviewerId: string; relation: string }) =>
      api.post(`/api/v1/users/${v.reviewerId}/links`, { creditCode: application.creditCode, relation: v.relation.trim() }),
    onSuccess: () => {
      message.success(t('review.tie.done'));
      setProblem(null);
      form.resetFields();
    },
    onError: (e) => setProblem(formProblem(form, e)),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => link.mutate(v)} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('review.tie.help', { code: application.creditCode })}
      </Typography.Paragraph>
      <Form.Item name="reviewerId" label={t('review.tie.reviewer')} rules={[{ required: true, message: t('review.pick') }]}>
        <Select options={reviewers.map((u) => ({ value: u.id, label: u.displayName }))} />
      </Form.Item>
      <Form.Item
        name="relation"
        label={t('review.tie.relation')}
        rules={[
          { required: true, whitespace: true, message: t('review.tie.rule') },
          { max: 200, message: t('rule.max200') },
        ]}
      >
        <Input maxLength={200} placeholder={t('review.tie.placeholder')} />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Button htmlType="submit" loading={link.isPending}>
        {t('review.tie.submit')}
      </Button>
    </Form>
  );
}
