import { ArrowLeftOutlined, EyeOutlined, SendOutlined, WarningOutlined } from '@ant-design/icons';
import type { MatchJob, OfferBatchBody, OfferBatchPreview } from '@ftai/api';
import { issueText } from '@ftai/api/issue-text';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useCatalogue } from '../../api/use-catalogue';
import { addDays, beijingDate } from '../../lib/beijing-date';
import { formatDate, formatTime, formatYuan } from '../../lib/format';
import { type BatchFormValues, batchRequest, DEFAULT_DEADLINE_DAYS, DEFAULT_REMINDER_DAYS, fieldOfIssue } from './lib/offer-batch-form';
import { OfferBatchPreviewView } from './OfferBatchPreview';
import { useCommitBatch, useFinishedMatchJobs, useMatchJob, usePreviewBatch } from './offer-api';
import { useCalls } from './officer-api';
import { errorMessage, PageHeader, YuanInput } from './parts';

const DATE = 'YYYY-MM-DD';

interface Previewed {
  readonly request: { callId: string; body: OfferBatchBody };
  readonly preview: OfferBatchPreview;
}

/**
 * 生成免申即享批次 (/officer/offer-batches/new?job=…): a finished match job, an open call, the
 * filters (measures by clause, totals, review), the deadline and the reminder; 预览 shows who and
 * how much against the budget; 确认生成 (after a confirmation) creates the batch, as previewed,
 * and opens it.
 */
export function OfferBatchNewPage() {
  const { t, i18n } = useTranslation('officer');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<BatchFormValues>();
  const calls = useCalls();
  const jobs = useFinishedMatchJobs();
  const jobId: string | undefined = Form.useWatch('job', form) ?? params.get('job') ?? undefined;
  const callId: string | undefined = Form.useWatch('callId', form);
  const job = useMatchJob(jobId);
  const openCalls = (calls.data ?? []).filter((c) => c.status === 'open');
  const call = openCalls.find((c) => c.id === callId);
  const year = call?.year ?? job.data?.year ?? undefined;
  const catalogue = useCatalogue(year !== undefined && year >= 2025 && year <= 2028 ? year : 2026);
  const preview = usePreviewBatch();
  const commit = useCommitBatch();
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [stale, setStale] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const today = beijingDate();

  // The call of the job's year (else the first open one) once both are known, unless one is chosen.
  useEffect(() => {
    if (form.getFieldValue('callId') || openCalls.length === 0) return;
    const pick = openCalls.find((c) => c.year === job.data?.year) ?? openCalls[0];
    if (pick) form.setFieldValue('callId', pick.id);
  }, [openCalls, job.data?.year, form]);

  // The job's measures granted (from its totals), else the whole catalogue.
  const granted = job.data?.totals?.measures.filter((m) => m.grantedRows > 0).map((m) => m.measure);
  const measureOptions = (catalogue.data?.measures ?? [])
    .filter((m) => !granted || granted.includes(m.id))
    .map((m) => ({ value: m.id, label: measureLabel(m, lang, m.id) }));

  const jobLabel = (j: MatchJob) =>
    `${j.source === 'platform' ? t('match.platformOf', { year: j.year ?? '—' }) : (j.filename ?? t('match.upload'))} · ${formatTime(j.createdAt)}`;
  const jobOptions = [...(jobs.data ?? []), ...(job.data && !(jobs.data ?? []).some((j) => j.id === job.data.id) ? [job.data] : [])].map(
    (j) => ({ value: j.id, label: jobLabel(j) }),
  );

  /** The API's issues on their fields (in Chinese where the API words them in English only); the rest above the form. */
  const showError = (e: unknown) => {
    const fallback: Record<string, string> = {
      job: t('offers.jobRule'),
      measures: t('offers.measuresRule'),
      minTotal: t('offers.amountRule'),
      maxTotal: t('offers.amountRule'),
      deadline: t('offers.deadlineRule'),
      reminderDays: t('offers.reminderRule'),
      review: t('offers.measuresRule'),
    };
    if (!(e instanceof ApiError) || e.issues.length === 0) {
      setProblem(errorMessage(e));
      return;
    }
    const rest: string[] = [];
    const fields: { name: keyof BatchFormValues; errors: string[] }[] = [];
    for (const issue of e.issues) {
      const field = fieldOfIssue(issue.path);
      const text = issueText(issue.message, lang);
      if (field) fields.push({ name: field, errors: [lang === 'zh' && text === issue.message ? (fallback[field] ?? text) : text] });
      else rest.push(text);
    }
    form.setFields(fields);
    setProblem(rest.length > 0 ? rest.join(lang === 'en' ? '; ' : '；') : null);
  };

  const onPreview = async () => {
    setProblem(null);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const request = batchRequest(values);
    preview.mutate(request, {
      onSuccess: (p) => {
        setPreviewed({ request, preview: p });
        setStale(false);
      },
      onError: showError,
    });
  };

  const onCommit = () => {
    if (!previewed || stale) return;
    const p = previewed.preview;
    modal.confirm({
      title: t('offers.commitTitle'),
      icon: <SendOutlined />,
      width: 520,
      content: (
        <div data-testid="batch-commit-confirm">
          <p>
            {t('offers.commitBody', {
              count: p.enterprises,
              amount: formatYuan(p.total),
              date: formatDate(previewed.request.body.deadline, lang),
            })}
          </p>
          {!p.budget.covered && <Alert type="warning" showIcon icon={<WarningOutlined />} title={t('offers.commitOverBudget')} />}
        </div>
      ),
      okText: t('offers.commit'),
      cancelText: t('cancel', { ns: 'common' }),
      onOk: () =>
        commit
          .mutateAsync(previewed.request)
          .then((batch) => {
            message.success(t('offers.committed', { title: batch.title }));
            navigate(`/officer/offer-batches/${batch.id}`);
          })
          .catch(showError),
    });
  };

  return (
    <div>
      <Link to="/officer/offer-batches" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('offers.back')}
      </Link>
      <PageHeader title={t('offers.newHeading')} subtitle={t('offers.newSubtitle')} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Form<BatchFormValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onValuesChange={() => previewed && setStale(true)}
            initialValues={{
              job: params.get('job') ?? undefined,
              measures: [],
              review: 'any',
              deadline: addDays(today, DEFAULT_DEADLINE_DAYS),
              reminderDays: DEFAULT_REMINDER_DAYS,
            }}
          >
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <Form.Item
                  name="job"
                  label={t('offers.job')}
                  rules={[{ required: true, message: t('offers.jobRule') }]}
                  extra={
                    job.data
                      ? t('offers.jobSummary', { count: job.data.grantedEnterprises, amount: formatYuan(job.data.grantedTotal) })
                      : jobs.data?.length === 0
                        ? t('offers.jobNone')
                        : undefined
                  }
                >
                  <Select<string>
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('offers.jobPick')}
                    loading={jobs.isLoading}
                    options={jobOptions}
                    data-testid="batch-job"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item
                  name="callId"
                  label={t('offers.call')}
                  rules={[{ required: true, message: t('offers.callRule') }]}
                  extra={calls.data && openCalls.length === 0 ? t('offers.noOpenCall') : t('offers.callHelp')}
                >
                  <Select<string>
                    loading={calls.isLoading}
                    placeholder={t('call.pick')}
                    options={openCalls.map((c) => ({ value: c.id, label: c.title }))}
                    data-testid="batch-call"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="measures" label={t('offers.measures')} extra={t('offers.measuresHelp')}>
                  <Select<string[]>
                    mode="multiple"
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('offers.measuresAll')}
                    loading={catalogue.isLoading}
                    options={measureOptions}
                    data-testid="batch-measures"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item name="minTotal" label={t('offers.minTotal')}>
                  <YuanInput data-testid="batch-min-total" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item
                  name="maxTotal"
                  label={t('offers.maxTotal')}
                  dependencies={['minTotal']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, v: number | null | undefined) => {
                        const min = getFieldValue('minTotal') as number | null | undefined;
                        return typeof v === 'number' && typeof min === 'number' && v < min
                          ? Promise.reject(new Error(t('offers.totalRange')))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <YuanInput data-testid="batch-max-total" />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="review" label={t('offers.review')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'any', label: t('offers.reviewAny') },
                      { value: 'without', label: t('offers.reviewWithout') },
                      { value: 'with', label: t('offers.reviewWith') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item
                  name="deadline"
                  label={t('offers.deadline')}
                  extra={t('offers.deadlineHelp')}
                  getValueProps={(v: unknown) => ({ value: typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : undefined })}
                  normalize={(d: dayjs.Dayjs | null) => (d ? d.format(DATE) : undefined)}
                  rules={[
                    { required: true, message: t('offers.deadlineRule') },
                    {
                      validator: (_, v: string | undefined) =>
                        !v || v > today ? Promise.resolve() : Promise.reject(new Error(t('offers.deadlineRule'))),
                    },
                  ]}
                >
                  <DatePicker
                    style={{ width: '100%' }}
                    format={lang === 'en' ? DATE : 'YYYY年M月D日'}
                    disabledDate={(d) => d.format(DATE) <= today}
                    data-testid="batch-deadline"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Form.Item
                  name="reminderDays"
                  label={t('offers.reminderDays')}
                  extra={t('offers.reminderHelp')}
                  rules={[{ required: true, type: 'integer', min: 0, max: 60, message: t('offers.reminderRule') }]}
                >
                  <InputNumber<number> min={0} max={60} precision={0} style={{ width: '100%' }} data-testid="batch-reminder" />
                </Form.Item>
              </Col>
            </Row>
            {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="batch-error" />}
            {previewed && stale && <Alert type="warning" showIcon title={t('offers.previewStale')} style={{ marginBottom: 12 }} />}
            <Flex gap={8} wrap justify="flex-end">
              <Button icon={<EyeOutlined />} onClick={() => void onPreview()} loading={preview.isPending} data-testid="batch-preview">
                {t('offers.preview')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={!previewed || stale || previewed.preview.enterprises === 0}
                loading={commit.isPending}
                onClick={onCommit}
                data-testid="batch-commit"
              >
                {t('offers.commit')}
              </Button>
            </Flex>
          </Form>
        </Card>
        {previewed ? (
          <OfferBatchPreviewView preview={previewed.preview} year={year} />
        ) : (
          <Card size="small">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Typography.Text>{t('offers.chooseFirst')}</Typography.Text>} />
          </Card>
        )}
      </Flex>
    </div>
  );
}
