import {
  CheckCircleOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  SendOutlined,
  SyncOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Answer, ApplicationView } from '@ftai/api';
import { measureLabel } from '@ftai/policy-fengtai/report/words';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Collapse, Empty, Grid, Row, Space, Spin, Statistic, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newIdempotencyKey } from '../../api/client';
import { tierLabel } from '../../api/policy-ids';
import { useMeasureIndex } from '../../api/use-catalogue';
import { FactsEditor } from '../../components/facts-editor/FactsEditor';
import {
  cleanFacts,
  type Facts,
  fieldsOfTopics,
  TOPICS,
  type Topic,
  topicsOf,
  withTopicOf,
} from '../../components/facts-editor/fact-fields';
import { Money } from '../../components/Money';
import { MissingFields } from '../../components/ResultStatus';
import { ResultsView } from '../../components/ResultsView';
import { formatDate, formatTime } from '../../lib/format';
import { AmountBarChart } from './AmountBarChart';
import { AttachmentsCard } from './AttachmentsCard';
import { EnterpriseFlags } from './EnterpriseFlags';
import { createKeyKeeper, describeSubmitError, latestMoveTo, type SubmitProblem, splitIssues } from './portal-logic';
import { useEnterprise } from './portal-queries';
import { type DraftEstimate, useDraftEstimate } from './use-draft-estimate';
import { useLeaveGuard } from './use-leave-guard';

/**
 * The application editor (draft, or returned for changes): the facts by topic, saved as the
 * applicant types and estimated live by the engine; attachments; and submission with an
 * Idempotency-Key kept for retries of the same click.
 */
export function ApplicationEditor({ app }: { app: ApplicationView }) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const screens = Grid.useBreakpoint();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const enterprise = useEnterprise();

  const [facts, setFacts] = useState<Facts>(() => app.request.facts);
  const [topics, setTopics] = useState<Topic[]>(() => topicsOf(app.request.facts));
  const payload = useMemo(() => cleanFacts(facts, fieldsOfTopics(topics)), [facts, topics]);
  const draft = useDraftEstimate(app.id, payload, lang, true);
  useLeaveGuard({
    hasUnsaved: draft.hasUnsaved,
    wouldLose: draft.saveState === 'partial' || draft.saveState === 'invalid' || draft.saveState === 'failed',
  });
  const [focus, setFocus] = useState<{ path: string; seq: number } | null>(null);
  /** From a result 待补充信息 to the field it needs: its topic ticked, the field in view and focused. */
  const fillField = (path: string) => {
    setTopics((current) => withTopicOf(current, path));
    setFocus((f) => ({ path, seq: (f?.seq ?? 0) + 1 }));
  };

  const keeper = useRef(createKeyKeeper(newIdempotencyKey)).current;
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const submittedPayload = useRef<string | null>(null);
  const submit = useMutation({
    mutationFn: (key: string) =>
      api.post<ApplicationView>(`/api/v1/applications/${encodeURIComponent(app.id)}/submit`, undefined, { idempotencyKey: key }),
    onSuccess: async (view) => {
      keeper.settle();
      setProblem(null);
      message.success(t('submit.done'));
      queryClient.setQueryData(['application', app.id], view);
      await queryClient.invalidateQueries({ queryKey: ['portal', 'applications'] });
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      keeper.settle(e);
      setProblem(describeSubmitError(e));
    },
  });

  // A submission refused for a field shows in place until the facts change.
  const payloadJson = JSON.stringify(payload);
  const submitIssues = problem?.kind === 'invalid' && submittedPayload.current === payloadJson ? problem.issues : [];
  const { facts: factIssues, other: otherIssues } = splitIssues(submitIssues.length > 0 ? submitIssues : draft.issues);

  const returned = app.status === 'returned' ? latestMoveTo(app.timeline, 'returned') : null;
  const call = app.call;
  const isAccepting = call?.isAccepting ?? false;

  const onSubmit = async () => {
    setProblem(null);
    const ok = await draft.flush();
    if (!ok) {
      message.error(t('submit.fixFirst'));
      return;
    }
    const latestView = queryClient.getQueryData<ApplicationView>(['application', app.id]) ?? app;
    modal.confirm({
      title: app.status === 'returned' ? t('submit.confirmResubmit') : t('submit.confirmTitle'),
      icon: <ExclamationCircleOutlined />,
      width: 520,
      content: (
        <div data-testid="submit-confirm">
          <p>{t('submit.confirmTotal', { call: call?.title ?? '' })}</p>
          <p style={{ fontSize: 20, margin: '4px 0 12px' }}>
            <Money value={draft.estimate?.total ?? 0} strong /> {t('yuan', { ns: 'common' })}
          </p>
          {latestView.attachments.length === 0 && (
            <Alert type="warning" showIcon title={t('submit.noFiles')} style={{ marginBottom: 12 }} />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
            {t('submit.pledge')}
          </Typography.Paragraph>
        </div>
      ),
      okText: t('submit.confirmOk'),
      cancelText: t('cancel', { ns: 'common' }),
      onOk: () => {
        submittedPayload.current = payloadJson;
        return submit.mutateAsync(keeper.take()).catch(() => undefined);
      },
    });
  };

  const topicChooser = (
    <Checkbox.Group
      value={topics}
      onChange={(v) => setTopics(TOPICS.map((tp) => tp.key).filter((k) => (v as Topic[]).includes(k)))}
      style={{ width: '100%' }}
      aria-label={t('editor.topics')}
    >
      <Row gutter={[8, 8]}>
        {TOPICS.map((tp) => (
          <Col xs={24} sm={12} xl={8} key={tp.key}>
            <Checkbox value={tp.key} data-testid={`topic-${tp.key}`}>
              {tp.label[lang]} <Typography.Text type="secondary">{tp.citation[lang]}</Typography.Text>
            </Checkbox>
          </Col>
        ))}
      </Row>
    </Checkbox.Group>
  );

  const editorColumn = (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('editor.enterprise')}
        extra={
          <Link to="/portal/profile">
            <EditOutlined /> {t('dashboard.editProfile')}
          </Link>
        }
      >
        {enterprise.data ? (
          <>
            <Typography.Text strong>{enterprise.data.name}</Typography.Text>{' '}
            <Typography.Text type="secondary">{enterprise.data.creditCode}</Typography.Text>
            <EnterpriseFlags profile={enterprise.data.profile} compact />
          </>
        ) : (
          <Spin size="small" />
        )}
      </Card>
      <Card title={t('editor.topics')} data-testid="facts-card">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('editor.topicsHint', { year: call?.year ?? '' })}
        </Typography.Paragraph>
        {(screens.md ?? true) ? (
          topicChooser
        ) : (
          <Collapse
            size="small"
            defaultActiveKey={topics.length === 0 ? ['topics'] : []}
            items={[{ key: 'topics', label: t('editor.chooseTopics', { n: topics.length }), children: topicChooser }]}
          />
        )}
        <div style={{ marginTop: 16 }}>
          {topics.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.noTopics')} />
          ) : (
            <FactsEditor value={facts} onChange={setFacts} topics={topics} errors={factIssues} focus={focus} />
          )}
        </div>
        {otherIssues.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('editor.otherIssues')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {otherIssues.map((i) => (
                  <li key={`${i.path}|${i.message}`}>
                    <code>{i.path}</code> {i.message}
                  </li>
                ))}
              </ul>
            }
            style={{ marginTop: 16 }}
          />
        )}
      </Card>
      <Card title={t('editor.details')} data-testid="estimate-details">
        {draft.estimate ? (
          <ResultsView answer={draft.estimate} onlyRelevant onFill={fillField} />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={draft.isEstimating ? t('loading', { ns: 'common' }) : t('estimate.none')}
          />
        )}
      </Card>
      <AttachmentsCard app={app} editable results={draft.estimate?.results} />
    </Space>
  );

  const estimateColumn = (
    <EstimatePanel
      draft={draft}
      isAccepting={isAccepting}
      callWindow={call ? `${formatDate(call.opensOn, lang)}${lang === 'en' ? ' to ' : '至'}${formatDate(call.closesOn, lang)}` : ''}
      isReturned={app.status === 'returned'}
      submitting={submit.isPending}
      problem={problem}
      onSubmit={() => void onSubmit()}
      onRetry={() => submit.mutate(keeper.take())}
      hasPendingKey={keeper.pending !== null}
      onFill={fillField}
    />
  );

  return (
    <div data-testid="application-editor">
      {returned && (
        <Alert
          type="warning"
          showIcon
          title={t('returned.editorTitle')}
          description={
            <div>
              <div style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="returned-note">
                {returned.note}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {returned.actor} · {formatTime(returned.at)}
              </Typography.Text>
            </div>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {editorColumn}
        </Col>
        <Col xs={24} xl={8}>
          <div style={screens.xl ? { position: 'sticky', top: 80 } : undefined}>{estimateColumn}</div>
        </Col>
      </Row>
    </div>
  );
}

/** The live estimate (total, granted measures as bars), the save state, and the submit button. */
function EstimatePanel(props: {
  draft: DraftEstimate;
  isAccepting: boolean;
  callWindow: string;
  isReturned: boolean;
  submitting: boolean;
  problem: SubmitProblem | null;
  onSubmit: () => void;
  onRetry: () => void;
  hasPendingKey: boolean;
  onFill: (path: string) => void;
}) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { draft, problem } = props;
  const estimate = draft.estimate;
  const measures = useMeasureIndex(estimate && estimate.year >= 2025 && estimate.year <= 2028 ? estimate.year : 2026);
  const incomplete = estimate?.results.filter((r) => r.status === 'incomplete') ?? [];
  return (
    <Card title={t('estimate.title')} data-testid="estimate-panel">
      <Statistic
        title={t('estimate.total')}
        value={estimate?.total ?? 0}
        loading={!estimate && draft.isEstimating}
        suffix={t('yuan', { ns: 'common' })}
        styles={{ content: { color: '#cf1322', fontVariantNumeric: 'tabular-nums' } }}
      />
      <span data-testid="estimate-total" hidden>
        {estimate?.total ?? ''}
      </span>
      <SaveLine draft={draft} />
      {incomplete.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          title={t('estimate.incomplete', { n: incomplete.length })}
          data-testid="estimate-incomplete"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {incomplete.map((r) => (
                <li key={`${r.measure}|${r.subject ?? ''}`}>
                  {measureLabel(measures.get(r.measure), lang, r.citation)}
                  {lang === 'en' ? ': ' : '：'}
                  <MissingFields paths={r.missing ?? []} onFill={props.onFill} />
                </li>
              ))}
            </ul>
          }
        />
      )}
      {estimate && <GrantedBars answer={estimate} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('estimate.disclaimer')}
      </Typography.Paragraph>
      {!props.isAccepting && (
        <Alert type="warning" showIcon title={t('submit.notAccepting', { window: props.callWindow })} style={{ marginBottom: 12 }} />
      )}
      {problem && problem.kind !== 'invalid' && (
        <Alert
          type="error"
          showIcon
          data-testid="submit-error"
          title={t(`submit.problem.${problem.kind}`)}
          description={problem.detail}
          action={
            problem.kind === 'network' && props.hasPendingKey ? (
              <Button size="small" onClick={props.onRetry} loading={props.submitting}>
                {t('retry', { ns: 'common' })}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {problem?.kind === 'invalid' && (
        <Alert type="error" showIcon title={t('submit.problem.invalid')} description={problem.detail} style={{ marginBottom: 12 }} />
      )}
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined />}
        disabled={!props.isAccepting}
        loading={props.submitting}
        onClick={props.onSubmit}
        data-testid="submit-button"
      >
        {props.isReturned ? t('submit.resubmit') : t('submit.button')}
      </Button>
    </Card>
  );
}

function SaveLine({ draft }: { draft: DraftEstimate }) {
  const { t } = useTranslation('portal');
  const state = draft.saveState;
  const icon =
    state === 'saving' || draft.isEstimating ? (
      <LoadingOutlined />
    ) : state === 'saved' ? (
      <CheckCircleOutlined style={{ color: '#52c41a' }} />
    ) : state === 'dirty' ? (
      <EditOutlined />
    ) : state === 'partial' ? (
      <WarningOutlined style={{ color: '#ad6800' }} />
    ) : (
      <ExclamationCircleOutlined style={{ color: '#ff4d4f' }} />
    );
  const text =
    state === 'saved'
      ? draft.savedAt
        ? t('save.savedAt', { time: formatTime(draft.savedAt.toISOString()).slice(11) })
        : t('save.stored')
      : state === 'partial'
        ? t('save.partial', { n: draft.issues.length })
        : t(`save.${state}`);
  return (
    <div style={{ margin: '8px 0' }}>
      <Space size={6} wrap>
        <Typography.Text
          type={state === 'invalid' || state === 'failed' ? 'danger' : state === 'partial' ? 'warning' : 'secondary'}
          data-testid="save-state"
        >
          {icon} {text}
        </Typography.Text>
        <Button size="small" icon={<SyncOutlined />} onClick={() => void draft.flush()} loading={draft.isEstimating}>
          {t('save.now')}
        </Button>
      </Space>
      {draft.problem && <Alert type="error" showIcon title={draft.problem} style={{ marginTop: 8 }} />}
      {(state === 'invalid' || state === 'partial') && (
        <Typography.Paragraph type="danger" style={{ fontSize: 12, margin: '4px 0 0' }}>
          {t(state === 'partial' ? 'save.partialHint' : 'save.invalidHint')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** The granted measures of an estimate as horizontal bars, largest first, with their names. */
function GrantedBars({ answer }: { answer: Answer }) {
  const { t, i18n } = useTranslation('portal');
  const measures = useMeasureIndex(answer.year >= 2025 && answer.year <= 2028 ? answer.year : 2026);
  const granted = answer.results.filter((r) => r.status === 'granted').sort((a, b) => b.amount - a.amount);
  if (granted.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('estimate.nothingGranted')} style={{ margin: '8px 0' }} />;
  }
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const name = (measure: string, subject: string | null) => {
    const head = measures.get(measure)?.name ?? measure;
    return subject ? `${head} · ${tierLabel(subject, lang)}` : head;
  };
  return (
    <AmountBarChart
      horizontal
      categories={granted.map((r) => name(r.measure, r.subject))}
      series={[{ name: t('estimate.total'), values: granted.map((r) => r.amount), color: '#1677ff' }]}
      label={granted.map((r) => `${name(r.measure, r.subject)}: ${r.amount}`).join('; ')}
      unit={t('yuan', { ns: 'common' })}
    />
  );
}
