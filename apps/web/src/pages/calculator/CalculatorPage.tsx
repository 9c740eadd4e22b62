import {
  DownloadOutlined,
  DownOutlined,
  EditOutlined,
  FilePdfOutlined,
  PrinterOutlined,
  ReloadOutlined,
  SendOutlined,
  SettingOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Answer, CallList } from '@ftai/api';
import { issueText } from '@ftai/api/issue-text';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Dropdown, Form, type FormInstance, Grid, Space, Spin, Steps, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, type FieldIssue, saveFile } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { FactsEditor } from '../../components/facts-editor/FactsEditor';
import { type Facts, type Topic, withTopicOf } from '../../components/facts-editor/fact-fields';
import { applyFieldErrors } from '../../lib/field-errors';
import { formatTime } from '../../lib/format';
import { usePageTitle } from '../../lib/use-page-title';
import { keepHandoff } from '../portal/apply-handoff';
import {
  buildRequest,
  type CalcRequest,
  type CalcState,
  defaultYear,
  ENTERPRISE_KEYS,
  emptyState,
  firstStepOfIssues,
  readRequest,
  requestFileName,
  STEPS,
} from './calc-state';
import { EnterpriseStep, type EnterpriseValues } from './EnterpriseStep';
import { HistoryStep, type HistoryValues } from './HistoryStep';
import { PrintReport } from './PrintReport';
import { ResultsStep } from './ResultsStep';
import { TopicsStep } from './TopicsStep';
import { useApplicantPrefill } from './use-applicant-prefill';

// Printing shows the report alone: no navigation, no steps, no buttons.
const PRINT_CSS = `
.ftai-print-only { display: none; }
@media print {
  .ant-layout-header, .ant-layout-footer, .ftai-no-print { display: none !important; }
  .ftai-print-only { display: block !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; max-width: none !important; }
  @page { size: A4; margin: 14mm; }
}`;

const FACTS_STEP = STEPS.indexOf('facts');
const RESULTS_STEP = STEPS.indexOf('results');

interface Computed {
  readonly answer: Answer;
  readonly request: CalcRequest;
  readonly lang: string;
  readonly on: string;
}

/** Clears the errors the API put on a form once the answers pass. */
function clearErrors(form: FormInstance): void {
  form.setFields(
    form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => ({ name: f.name, errors: [] })),
  );
}

/**
 * 政策计算器: five steps — the year and the enterprise, the topics it worked on, the facts of those
 * topics, earlier support, and the answer of POST /api/v1/calculate with every explanation step. The
 * answer can be downloaded as the server's PDF report or printed; the request can be exported as contract
 * JSON and loaded back (高级).
 */
export function CalculatorPage() {
  usePageTitle('nav.calculator');
  const { t, i18n } = useTranslation('calculator');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isWide = screens.md ?? true;
  const initial = useMemo(() => emptyState(), []);
  const [enterpriseForm] = Form.useForm<EnterpriseValues>();
  const [historyForm] = Form.useForm<HistoryValues>();
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(0);
  const [topics, setTopics] = useState<Topic[]>(initial.topics);
  const [facts, setFacts] = useState<Facts>(initial.facts);
  const [factErrors, setFactErrors] = useState<FieldIssue[]>([]);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState<'check' | 'calc' | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [loadIssues, setLoadIssues] = useState<FieldIssue[] | null>(null);
  const [focus, setFocus] = useState<{ path: string; seq: number } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const enterprise = Form.useWatch('enterprise', enterpriseForm) ?? initial.enterprise;
  // The call open today: the calculator starts with the year it assesses (a call of 2026 assesses
  // 2025), unless the year was already chosen or a request loaded.
  const calls = useQuery({ queryKey: ['calls'], queryFn: () => api.get<CallList>('/api/v1/calls'), staleTime: 60_000 });
  const openCall = calls.data?.calls.find((c) => c.isAccepting);
  const yearChosen = useRef(false);
  useEffect(() => {
    if (openCall === undefined || yearChosen.current || enterpriseForm.isFieldTouched('year')) return;
    yearChosen.current = true;
    enterpriseForm.setFieldValue('year', openCall.year);
  }, [openCall, enterpriseForm]);
  // A signed-in applicant starts from its own enterprise, past awards and latest facts, once, unless already begun.
  const { user } = useAuth();
  const prefill = useApplicantPrefill(calls.isSuccess ? (openCall?.year ?? defaultYear()) : undefined);
  const [prefilledFrom, setPrefilledFrom] = useState<'application' | 'profile' | null>(null);
  const prefilledOnce = useRef(false);

  const collect = useCallback((): CalcState => {
    const a = enterpriseForm.getFieldsValue(true) as Partial<EnterpriseValues>;
    const h = historyForm.getFieldsValue(true) as Partial<HistoryValues>;
    return {
      year: a.year as number,
      enterprise: a.enterprise ?? {},
      topics,
      facts,
      history: h.history ?? [],
      otherPolicyAwards: h.otherPolicyAwards ?? [],
    };
  }, [enterpriseForm, historyForm, topics, facts]);

  const fill = (s: CalcState) => {
    yearChosen.current = true;
    enterpriseForm.resetFields();
    enterpriseForm.setFields([
      { name: 'year', value: s.year, errors: [] },
      ...ENTERPRISE_KEYS.map((k) => ({ name: ['enterprise', k] as ['enterprise', typeof k], value: s.enterprise[k], errors: [] })),
    ]);
    setTopics(s.topics);
    setFacts(s.facts);
    historyForm.resetFields();
    historyForm.setFieldsValue({ history: s.history, otherPolicyAwards: s.otherPolicyAwards });
    setFactErrors([]);
    setUnplaced([]);
    setFocus(null);
  };

  useEffect(() => {
    if (!prefill || prefilledOnce.current) return;
    prefilledOnce.current = true;
    // Begun already (an answer given, a file loaded): what the visitor did stands. (Not the year:
    // setting it to the open call's marks it touched.)
    const answered = enterpriseForm.isFieldsTouched(ENTERPRISE_KEYS.map((k) => ['enterprise', k]));
    if (computed || topics.length > 0 || answered) return;
    fill(prefill.state);
    setPrefilledFrom(prefill.fromApplication ? 'application' : 'profile');
  });

  /** 按此申报: the facts go to the portal (signing in first if need be), which puts them into the enterprise's application. */
  const applyWith = (request: CalcRequest) => {
    keepHandoff({ year: request.year, facts: (request.facts ?? {}) as Record<string, unknown> });
    navigate(user ? '/portal/apply' : `/login?next=${encodeURIComponent('/portal/apply')}`);
  };

  const go = (n: number) => {
    setStep(n);
    setReached((r) => Math.max(r, n));
    window.scrollTo({ top: 0 });
  };

  /** The API's verdict on bad input: each issue in place, and back to the first step with one. */
  const showIssues = (error: unknown) => {
    if (!(error instanceof ApiError) || error.status !== 400 || error.issues.length === 0) {
      message.error(`${t('serverError')}${lang === 'zh' ? '：' : ': '}${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const localised = new ApiError(
      error.status,
      error.code,
      error.message,
      error.issues.map((i) => ({ ...i, message: issueText(i.message, lang) })),
    );
    const afterEnterprise = applyFieldErrors(enterpriseForm, localised);
    const factIssues = afterEnterprise.filter((i) => i.path === 'facts' || i.path.startsWith('facts.') || i.path.startsWith('facts['));
    const rest = afterEnterprise.filter((i) => !factIssues.includes(i));
    const afterHistory = applyFieldErrors(historyForm, new ApiError(error.status, error.code, error.message, rest));
    setFactErrors(factIssues);
    setUnplaced(afterHistory);
    setStep(firstStepOfIssues(error.issues));
    message.error(t('fixErrors'));
  };

  const passed = () => {
    clearErrors(enterpriseForm);
    clearErrors(historyForm);
    setFactErrors([]);
    setUnplaced([]);
    setLoadIssues(null);
  };

  /** Asks the API whether a (partial) request holds, without explanations. */
  const check = async (request: CalcRequest): Promise<boolean> => {
    setBusy('check');
    try {
      await api.post(`/api/v1/calculate?lang=${lang}&explain=false`, request);
      passed();
      return true;
    } catch (e) {
      showIssues(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const calculate = async (request: CalcRequest, inLang: string = lang): Promise<boolean> => {
    setBusy('calc');
    try {
      const answer = await api.post<Answer>(`/api/v1/calculate?lang=${inLang}`, request);
      passed();
      setComputed({ answer, request, lang: inLang, on: formatTime(new Date().toISOString()) });
      go(RESULTS_STEP);
      return true;
    } catch (e) {
      showIssues(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  // The explanations come in the language asked for: ask again when the language changes.
  // (Elsewhere in the steps nothing is asked: reaching the results always calculates afresh.)
  const computedRef = useRef(computed);
  computedRef.current = computed;
  const calculateRef = useRef(calculate);
  calculateRef.current = calculate;
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    const c = computedRef.current;
    if (c && c.lang !== lang && stepRef.current === RESULTS_STEP) void calculateRef.current(c.request, lang);
  }, [lang]);

  const next = async () => {
    if (step === 0) {
      try {
        await enterpriseForm.validateFields();
      } catch {
        return;
      }
      const { year, enterprise: e } = buildRequest(collect());
      if (await check({ year, enterprise: e })) go(1);
    } else if (step === 1) {
      go(FACTS_STEP);
    } else if (step === FACTS_STEP) {
      const { history: _h, otherPolicyAwards: _o, ...request } = buildRequest(collect());
      if (await check(request)) go(FACTS_STEP + 1);
    } else {
      await calculate(buildRequest(collect()));
    }
  };

  /** Advanced: the request as contract JSON, to keep or to load back later. */
  const exportJson = () => {
    const request = buildRequest(collect());
    const blob = new Blob([`${JSON.stringify(request, null, 2)}\n`], { type: 'application/json' });
    saveFile({ blob, filename: requestFileName(request) });
  };

  /** The printable report as the server draws it (PDF), of the request the answer shown was computed from. */
  const [pdfBusy, setPdfBusy] = useState(false);
  const downloadReport = async (request: CalcRequest) => {
    setPdfBusy(true);
    try {
      saveFile(await api.postForFile(`/api/v1/calculate/report.pdf?lang=${lang}`, request));
    } catch (e) {
      message.error(`${t('reportFailed')}${lang === 'zh' ? '：' : ': '}${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setPdfBusy(false);
    }
  };

  const load = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      message.error(t('notJson'));
      return;
    }
    setBusy('check');
    try {
      // The API is the judge of the contract: a file it refuses is not loaded.
      await api.post(`/api/v1/calculate?lang=${lang}&explain=false`, json);
    } catch (e) {
      setBusy(null);
      if (e instanceof ApiError && e.status === 400)
        setLoadIssues(e.issues.length > 0 ? [...e.issues] : [{ path: '', code: e.code, message: e.message }]);
      else message.error(`${t('loadFailed')}${lang === 'zh' ? '：' : ': '}${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    setBusy(null);
    setLoadIssues(null);
    const state = readRequest(json);
    fill(state);
    message.success(t('loaded', { n: state.topics.length }));
    setReached(RESULTS_STEP);
    await calculate(buildRequest(state));
  };

  /** From a result 待补充信息 to the field it needs: the facts step, its topic ticked, the field focused. */
  const fillField = (path: string) => {
    setTopics((current) => withTopicOf(current, path));
    setStep(FACTS_STEP);
    setFocus((f) => ({ path, seq: (f?.seq ?? 0) + 1 }));
  };

  const restart = () => {
    fill(emptyState(openCall?.year));
    setComputed(null);
    setStep(0);
    setReached(0);
  };

  const stepItems = STEPS.map((key, i) => ({
    title: t(`steps.${key}`),
    disabled: i > reached || busy !== null,
    status:
      i === step && (factErrors.length > 0 || unplaced.length > 0) && firstStepOfIssues([...factErrors, ...unplaced]) === i
        ? ('error' as const)
        : undefined,
  }));

  return (
    <div>
      <style>{PRINT_CSS}</style>
      <div className="ftai-no-print">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <div style={{ flex: '1 1 420px' }}>
            <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4, fontSize: 30 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
              {t('subtitle')}
            </Typography.Paragraph>
          </div>
          <Space wrap>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'import', icon: <UploadOutlined />, label: <span data-testid="calc-load">{t('load')}</span> },
                  { key: 'export', icon: <DownloadOutlined />, label: <span data-testid="calc-export-json">{t('exportJson')}</span> },
                ],
                onClick: ({ key }) => (key === 'import' ? fileInput.current?.click() : exportJson()),
              }}
            >
              <Button icon={<SettingOutlined />} data-testid="calc-advanced">
                {t('advanced')} <DownOutlined />
              </Button>
            </Dropdown>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label={t('load')}
              data-testid="calc-load-input"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void load(f);
              }}
            />
          </Space>
        </div>
        {loadIssues && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setLoadIssues(null) }}
            style={{ marginBottom: 16 }}
            title={t('loadRefused')}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {loadIssues.map((i) => (
                  <li key={`${i.path}|${i.message}`}>
                    {i.path && <code>{i.path}</code>} {i.message}
                  </li>
                ))}
              </ul>
            }
            data-testid="calc-load-issues"
          />
        )}
        {prefilledFrom && (
          <Alert
            type="info"
            showIcon
            closable
            onClose={() => setPrefilledFrom(null)}
            title={t(prefilledFrom === 'application' ? 'prefilled' : 'prefilledProfile')}
            style={{ marginBottom: 12 }}
            data-testid="calc-prefilled"
          />
        )}
        <Card styles={{ body: { padding: isWide ? 24 : 12 } }}>
          <Steps
            current={step}
            items={isWide ? stepItems : stepItems.map((s) => ({ ...s, title: undefined }))}
            size="small"
            responsive={false}
            onChange={(i) => {
              if (i === RESULTS_STEP) void calculate(buildRequest(collect()));
              else setStep(i);
            }}
            data-testid="calc-steps"
          />
          {!isWide && (
            <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
              {t('stepOf', { n: step + 1, total: STEPS.length })}
              {lang === 'zh' ? '：' : ': '}
              {t(`steps.${STEPS[step] ?? 'enterprise'}`)}
            </Typography.Text>
          )}
          <Spin spinning={busy !== null} description={busy === 'calc' ? t('calculating') : t('checking')}>
            <div style={{ marginTop: 24, minHeight: 200 }}>
              <div hidden={step !== 0}>
                <EnterpriseStep
                  form={enterpriseForm}
                  initial={{ year: initial.year, enterprise: initial.enterprise }}
                  openCall={openCall}
                />
              </div>
              <div hidden={step !== 1}>
                <TopicsStep value={topics} onChange={setTopics} enterprise={enterprise} />
                {topics.length === 0 && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('topics.noneChosen')} />}
              </div>
              <div hidden={step !== FACTS_STEP}>
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {t('facts.heading')}
                </Typography.Title>
                <Typography.Paragraph type="secondary">{t('facts.help')}</Typography.Paragraph>
                <FactsEditor value={facts} onChange={setFacts} topics={topics} errors={factErrors} focus={focus} />
              </div>
              <div hidden={step !== FACTS_STEP + 1}>
                <HistoryStep form={historyForm} />
              </div>
              {step === RESULTS_STEP && computed && <ResultsStep answer={computed.answer} request={computed.request} onFill={fillField} />}
              {unplaced.length > 0 && step !== RESULTS_STEP && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 16 }}
                  title={t('otherIssues')}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {unplaced.map((i) => (
                        <li key={`${i.path}|${i.message}`}>
                          <code>{i.path}</code> {i.message}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
            </div>
          </Spin>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginTop: 24 }}>
            <Space wrap>
              {step > 0 && step < RESULTS_STEP && (
                <Button onClick={() => setStep(step - 1)} disabled={busy !== null}>
                  {t('prev')}
                </Button>
              )}
              {step === RESULTS_STEP && (
                <>
                  <Button icon={<EditOutlined />} onClick={() => setStep(0)}>
                    {t('edit')}
                  </Button>
                  <Button icon={<ReloadOutlined />} onClick={restart}>
                    {t('restart')}
                  </Button>
                </>
              )}
            </Space>
            <Space wrap>
              {step < RESULTS_STEP && computed && (
                // Back from the results to fill something in: straight to a new answer.
                <Button
                  icon={<ReloadOutlined />}
                  onClick={() => void calculate(buildRequest(collect()))}
                  disabled={busy !== null}
                  data-testid="calc-recalculate"
                >
                  {t('recalculate')}
                </Button>
              )}
              {step < RESULTS_STEP && (
                <Button type="primary" onClick={() => void next()} loading={busy !== null} data-testid="calc-next">
                  {step === FACTS_STEP + 1 ? t('calculate') : t('next')}
                </Button>
              )}
              {step === RESULTS_STEP && computed && (
                <Button
                  icon={<FilePdfOutlined />}
                  onClick={() => void downloadReport(computed.request)}
                  loading={pdfBusy}
                  data-testid="calc-report-pdf"
                >
                  {t('download')}
                </Button>
              )}
              {step === RESULTS_STEP && computed && (
                <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="calc-print">
                  {t('print')}
                </Button>
              )}
              {step === RESULTS_STEP && computed && (user === null || user?.role === 'applicant') && (
                <Button type="primary" icon={<SendOutlined />} onClick={() => applyWith(computed.request)} data-testid="calc-apply">
                  {user ? t('applyThis') : t('applySignIn')}
                </Button>
              )}
            </Space>
          </div>
        </Card>
      </div>
      {computed && <PrintReport answer={computed.answer} request={computed.request} computedOn={computed.on} />}
    </div>
  );
}
