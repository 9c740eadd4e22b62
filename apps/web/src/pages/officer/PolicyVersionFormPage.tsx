import { ArrowLeftOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import type { ParameterHistory, ParameterVersion, ParameterVersionDraft } from '@ftai/api';
import { issueText } from '@ftai/api/issue-text';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { articleHeading } from '../../api/article-label';
import { ApiError } from '../../api/client';
import { useArticleIndex } from '../../api/use-catalogue';
import { ParameterValue } from '../../components/ParameterValue';
import { pathToName } from '../../lib/field-errors';
import {
  articleOfParameter,
  isTierList,
  type ParameterUnit,
  percentNumber,
  rateText,
  sameValue,
  type Tier,
  tierStyleOf,
  valueAtVersion,
} from '../../lib/parameter-values';
import { PageHeader, QueryState, YuanInput } from './parts';
import { hasRepeatedThreshold, isComplete, TierEditor, type TierRow, tiersToSend } from './TierEditor';
import { useAllVersions, useParameters, useSaveDraft, useVersion } from './versions-api';

const DATE = 'YYYY-MM-DD';
type Parameter = ParameterHistory['parameters'][number];

interface DraftForm {
  basedOn: number;
  changes: { parameter: string; value: unknown }[];
  effectiveOn: string;
  reason: string;
  authority: string;
  authorityRef?: string;
}

/** Today in Beijing, YYYY-MM-DD. */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * A draft of a parameter version (/officer/policy-versions/new, …/:number/edit): the version it
 * starts from, the parameters it changes — picked from the catalogue by article, each with an
 * editor for its unit (元, %, 年, the two readings, tiers) beside its value in the base — the day it
 * takes effect, the reason and the document that authorises it. The server's objections are shown
 * at their fields (changes.0.value …).
 */
export function PolicyVersionFormPage() {
  const { t } = useTranslation('modelling');
  const { number: param } = useParams();
  const editing = param !== undefined ? Number(param) : undefined;
  const existing = useVersion(editing);
  const parameters = useParameters();
  const versions = useAllVersions();
  const isLoading = parameters.isLoading || versions.isLoading || (editing !== undefined && existing.isLoading);
  const error = parameters.error ?? versions.error ?? (editing !== undefined ? existing.error : null);
  return (
    <div>
      <Link
        to={editing ? `/officer/policy-versions/${editing}` : '/officer/policy-versions'}
        style={{ display: 'inline-block', marginBottom: 8 }}
      >
        <ArrowLeftOutlined /> {editing ? t('versions.backToVersion', { n: editing }) : t('versions.back')}
      </Link>
      <PageHeader
        title={editing ? t('versions.editTitle', { n: editing }) : t('versions.newTitle')}
        subtitle={t('versions.formSubtitle')}
      />
      <QueryState isLoading={isLoading} error={error} onRetry={() => void parameters.refetch()}>
        {parameters.data && versions.data && (editing === undefined || existing.data) && (
          <DraftEditor catalogue={parameters.data} versions={versions.data} existing={existing.data} />
        )}
      </QueryState>
    </div>
  );
}

function DraftEditor({
  catalogue,
  versions,
  existing,
}: {
  catalogue: ParameterHistory;
  versions: readonly ParameterVersion[];
  existing: ParameterVersion | undefined;
}) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DraftForm>();
  const save = useSaveDraft();
  const [problem, setProblem] = useState<string | null>(null);
  const articles = useArticleIndex();
  const byId = useMemo(() => new Map(catalogue.parameters.map((p) => [p.id, p])), [catalogue]);
  const approved = versions.filter((v) => v.status === 'approved');
  const basedOn = Form.useWatch('basedOn', form) ?? existing?.basedOn ?? catalogue.inEffect.number;
  const changes = (Form.useWatch('changes', form) ?? []) as DraftForm['changes'];
  const today = beijingToday();

  const baseValue = (p: Parameter) => valueAtVersion(p.history, basedOn) ?? p.value;

  // Filled once: a later refetch of the catalogue or the version never wipes what the officer typed.
  const filled = useRef(false);
  useEffect(() => {
    if (filled.current) return;
    filled.current = true;
    form.setFieldsValue({
      basedOn: existing?.basedOn ?? catalogue.inEffect.number,
      changes: existing?.changes.map((c) => ({ parameter: c.parameter, value: c.after })) ?? [],
      effectiveOn: existing?.effectiveOn ?? today,
      reason: existing?.reason ?? '',
      authority: existing?.authority ?? '',
      authorityRef: existing?.authorityRef ?? '',
    });
  }, [existing, catalogue, form, today]);

  // The catalogue grouped by article, in the policy's order; a parameter already picked is not offered again.
  const picked = new Set(changes.map((c) => c.parameter));
  const groups = new Map<number | null, Parameter[]>();
  for (const p of catalogue.parameters) {
    const a = articleOfParameter(p.id);
    groups.set(a, [...(groups.get(a) ?? []), p]);
  }
  const options = [...groups].map(([a, list]) => ({
    label: a === null ? t('versions.general') : articleHeading(articles.get(a), lang, lang === 'en' ? `Article ${a}` : `第${a}条`),
    title: String(a ?? 'general'),
    options: list.map((p) => ({
      value: p.id,
      disabled: picked.has(p.id),
      search: `${p.reference} ${p.label.zh} ${p.label.en} ${p.id}`,
      label: (
        <span>
          {p.label[lang]}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.reference} · <span translate="no">{p.id}</span>
          </Typography.Text>
        </span>
      ),
    })),
  }));

  const add = (id: string) => {
    const p = byId.get(id);
    if (!p) return;
    const now = (form.getFieldValue('changes') ?? []) as DraftForm['changes'];
    form.setFieldValue('changes', [...now, { parameter: id, value: structuredClone(baseValue(p)) }]);
  };

  const onFinish = (v: DraftForm) => {
    setProblem(null);
    const body: ParameterVersionDraft = {
      basedOn: v.basedOn,
      changes: (v.changes ?? []).map((c): ParameterVersionDraft['changes'][number] => {
        const p = byId.get(c.parameter);
        if (p?.unit !== 'tiers') return { parameter: c.parameter, value: c.value as ParameterVersionDraft['changes'][number]['value'] };
        const base = baseValue(p);
        const baseTiers = isTierList(base) ? base : [];
        return { parameter: c.parameter, value: tiersToSend(c.value as TierRow[], tierStyleOf(baseTiers), baseTiers) };
      }),
      effectiveOn: v.effectiveOn,
      reason: v.reason,
      authority: v.authority,
      ...(v.authorityRef?.trim() ? { authorityRef: v.authorityRef.trim() } : {}),
    };
    if (body.changes.length === 0) {
      setProblem(t('versions.rule.changes'));
      return;
    }
    save.mutate(
      { number: existing?.number, body },
      {
        onSuccess: (saved) => {
          message.success(t('versions.saved'));
          navigate(`/officer/policy-versions/${saved?.number ?? existing?.number ?? ''}`);
        },
        onError: (e) => setProblem(showIssues(form, e, v.changes ?? [], byId, lang, t)),
      },
    );
  };

  return (
    <Form<DraftForm> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError data-testid="version-form">
      <Card size="small" title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('versions.formChanges')}</h2>}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="basedOn" label={t('versions.basedOn')} extra={t('versions.basedOnHelp')} rules={[{ required: true }]}>
              <Select<number>
                data-testid="version-base"
                options={approved.map((v) => ({
                  value: v.number,
                  label: `${t('versions.numbered', { n: v.number })}${v.inEffect ? `（${t('versions.inEffect')}）` : ''}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label={t('versions.pick')} extra={t('versions.pickHelp')}>
              <Select<string>
                showSearch={{ optionFilterProp: 'search' }}
                value={null}
                placeholder={t('versions.pickPlaceholder')}
                aria-label={t('versions.pick')}
                onChange={(id) => add(id)}
                options={options}
                data-testid="parameter-pick"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="changes">
          {(fields, { remove }) =>
            fields.length === 0 ? (
              <Empty description={t('versions.noneChosen')} />
            ) : (
              <Flex vertical gap={12}>
                {fields.map((field) => {
                  // The list's own values: a watch may lag one render behind an added row.
                  const id: string = form.getFieldValue(['changes', field.name, 'parameter']) ?? '';
                  const p = byId.get(id);
                  if (!p) return null;
                  const base = baseValue(p);
                  const isChanged = !sameValue(form.getFieldValue(['changes', field.name, 'value']), base);
                  return (
                    <Card
                      key={field.key}
                      size="small"
                      type="inner"
                      data-testid={`change-${id}`}
                      title={
                        <Flex wrap gap={8} align="baseline">
                          <span>{p.label[lang]}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                            {p.reference} · <span translate="no">{p.id}</span>
                          </Typography.Text>
                          {p.assumed && <Tag color="orange">{t('versions.assumed')}</Tag>}
                          {!isChanged && <Tag>{t('versions.unchanged')}</Tag>}
                        </Flex>
                      }
                      extra={
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('versions.removeChange', { name: p.label[lang] })}
                          onClick={() => remove(field.name)}
                        />
                      }
                    >
                      <Row gutter={16}>
                        <Col xs={24} lg={10}>
                          <Typography.Text type="secondary">{t('versions.baseValue', { n: basedOn })}</Typography.Text>
                          <div style={{ marginTop: 4 }}>
                            <ParameterValue unit={p.unit} value={base} />
                          </div>
                          {p.assumed && (
                            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                              {t('versions.assumedText', { text: p.assumed[lang] })}
                            </Typography.Paragraph>
                          )}
                        </Col>
                        <Col xs={24} lg={14}>
                          <Form.Item name={[field.name, 'parameter']} hidden>
                            <Input />
                          </Form.Item>
                          <ValueEditor name={field.name} parameter={p} base={base} />
                        </Col>
                      </Row>
                    </Card>
                  );
                })}
              </Flex>
            )
          }
        </Form.List>
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 style={{ fontSize: 'inherit', fontWeight: 'inherit', margin: 0 }}>{t('versions.formBasis')}</h2>}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveOn"
              label={t('versions.effectiveOn')}
              extra={t('versions.effectiveHelp')}
              getValueProps={(v: unknown) => ({ value: typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : undefined })}
              normalize={(d: dayjs.Dayjs | null) => (d ? d.format(DATE) : undefined)}
              rules={[{ required: true, message: t('versions.rule.effectiveOn') }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                format={lang === 'en' ? DATE : 'YYYY年M月D日'}
                disabledDate={(d) => d.format(DATE) < today}
                data-testid="version-effective"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="authority"
              label={t('versions.authority')}
              extra={t('versions.authorityHelp')}
              rules={[
                { required: true, whitespace: true, message: t('versions.rule.authority') },
                { max: 200, message: t('versions.rule.max200') },
              ]}
            >
              <Input data-testid="version-authority" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="authorityRef" label={t('versions.authorityRef')} rules={[{ max: 100, message: t('versions.rule.max100') }]}>
              <Input placeholder={t('versions.authorityRefPlaceholder')} data-testid="version-authority-ref" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="reason"
          label={t('versions.reason')}
          rules={[
            { required: true, whitespace: true, message: t('versions.rule.reason') },
            { max: 1000, message: t('versions.rule.max1000') },
          ]}
        >
          <Input.TextArea rows={3} data-testid="version-reason" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="version-error" />}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="version-save">
            {t('versions.saveDraft')}
          </Button>
        </Flex>
      </Card>
    </Form>
  );
}

/** The editor of one change's value, by the parameter's unit. */
function ValueEditor({ name, parameter: p, base }: { name: number; parameter: Parameter; base: unknown }) {
  const { t, i18n } = useTranslation('modelling');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const label = t('versions.newValue');
  const testId = `value-${p.id}`;
  switch (p.unit) {
    case 'yuan':
      return (
        <Form.Item
          name={[name, 'value']}
          label={label}
          rules={[{ required: true, type: 'integer', min: 0, message: t('versions.rule.yuan') }]}
        >
          <YuanInput data-testid={testId} />
        </Form.Item>
      );
    case 'rate':
      return (
        <Form.Item
          name={[name, 'value']}
          label={label}
          getValueProps={(v: unknown) => ({ value: percentNumber(v) ?? (typeof v === 'string' ? v.replace(/%$/, '') : v) })}
          normalize={(v: string | number | null) => rateText(v) ?? (v === null ? undefined : String(v))}
          rules={[
            { validator: (_, v) => (rateText(v as string) ? Promise.resolve() : Promise.reject(new Error(t('versions.rule.rate')))) },
          ]}
        >
          <InputNumber<string> stringMode min="0" max="100" step="1" precision={2} suffix="%" style={{ width: 160 }} data-testid={testId} />
        </Form.Item>
      );
    case 'years':
      return (
        <Form.Item
          name={[name, 'value']}
          label={label}
          rules={[{ required: true, type: 'integer', min: 1, message: t('versions.rule.years') }]}
        >
          <InputNumber<number>
            min={1}
            max={10}
            precision={0}
            suffix={t('versions.yearsUnit')}
            style={{ width: 160 }}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'switch':
      return (
        <Form.Item
          name={[name, 'value']}
          label={t('versions.reading')}
          extra={
            p.assumed && p.assumedIfFalse
              ? t('versions.readingBoth', { yes: p.assumed[lang], no: p.assumedIfFalse[lang] })
              : p.assumed
                ? t('versions.readingHelp')
                : undefined
          }
        >
          <Radio.Group
            data-testid={testId}
            options={[
              { value: true, label: lang === 'en' ? 'Yes' : '是' },
              { value: false, label: lang === 'en' ? 'No' : '否' },
            ]}
          />
        </Form.Item>
      );
    case 'tiers': {
      const baseTiers: Tier[] = isTierList(base) ? base : [];
      return (
        <Form.Item
          name={[name, 'value']}
          label={t('versions.tiers')}
          extra={tierStyleOf(baseTiers).kind === 'milestones' ? t('versions.milestonesHelp') : t('versions.tiersHelp')}
          rules={[
            {
              validator: (_, v: TierRow[] | undefined) =>
                !v || !isComplete(v)
                  ? Promise.reject(new Error(t('versions.rule.tiers')))
                  : hasRepeatedThreshold(v)
                    ? Promise.reject(new Error(t('versions.rule.tierRepeated')))
                    : Promise.resolve(),
            },
          ]}
        >
          <TierEditor style={tierStyleOf(baseTiers)} base={baseTiers} testId={testId} />
        </Form.Item>
      );
    }
  }
}

/**
 * The server's objections at their fields (changes.0.value, changes[1].parameter → the change's
 * value, effectiveOn, reason …), in the page's language: issueText where it knows the message,
 * else what the unit expects. Returns what is left to say above the form.
 */
function showIssues(
  form: ReturnType<typeof Form.useForm<DraftForm>>[0],
  error: unknown,
  changes: DraftForm['changes'],
  byId: Map<string, Parameter>,
  lang: 'zh' | 'en',
  t: (key: string, o?: Record<string, unknown>) => string,
): string | null {
  if (!(error instanceof ApiError) || error.issues.length === 0) return error instanceof Error ? error.message : String(error);
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  for (const issue of error.issues) {
    const name = pathToName(issue.path);
    const known = issueText(issue.message, lang);
    const said = lang === 'en' || known !== issue.message ? known : undefined;
    if (name[0] === 'changes' && typeof name[1] === 'number') {
      const change = changes[name[1]];
      const unit = byId.get(change?.parameter ?? '')?.unit as ParameterUnit | undefined;
      fields.push({
        name: ['changes', name[1], 'value'],
        errors: [said ?? (unit ? t(`versions.expected.${unit}`) : t('versions.rule.changes'))],
      });
    } else if (['effectiveOn', 'reason', 'authority', 'authorityRef', 'basedOn'].includes(String(name[0]))) {
      fields.push({ name: [String(name[0])], errors: [said ?? t(`versions.rule.${String(name[0])}`)] });
    } else rest.push(said ?? issue.message);
  }
  form.setFields(fields as Parameters<typeof form.setFields>[0]);
  if (fields.length > 0) void form.scrollToField(fields[0]?.name ?? []);
  return rest.length > 0 ? rest.join(lang === 'en' ? '; ' : '；') : fields.length > 0 ? null : error.message;
}
