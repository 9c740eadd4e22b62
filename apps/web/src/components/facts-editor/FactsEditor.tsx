import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { issueText } from '@ftai/api/issue-text';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type JSX, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pathToName } from '../../lib/field-errors';
import {
  cleanFacts,
  FACT_FIELD_INDEX,
  type FactField,
  type Facts,
  factFieldOfPath,
  type ListField,
  type ObjectField,
  type ScalarField,
  shiftDecimal,
  type Text,
  TOPICS,
  type Topic,
} from './fact-fields';
import { MoneyInput } from './MoneyInput';

export type { Facts, Topic } from './fact-fields';
export { TOPICS, topicsOf } from './fact-fields';

export interface FactsEditorProps {
  /** The contract's `facts` object, plain JSON. */
  value: Facts;
  onChange: (next: Facts) => void;
  /** The topics to ask about; all when absent. */
  topics?: readonly Topic[];
  /** API issues with paths like 'facts.modelFilings[0].date' (the 'facts.' prefix may be left out). */
  errors?: readonly { path: string; message: string }[];
  disabled?: boolean;
  /**
   * A field to bring into view and focus, by contract path (a fact an answer says is missing);
   * `seq` tells a new request for the same path from the last one. Its topic must be shown.
   */
  focus?: { readonly path: string; readonly seq: number } | null;
}

type Lang = 'zh' | 'en';
type Name = (string | number)[];

const DATE = 'YYYY-MM-DD';

/**
 * The facts of one assessment year as form sections, topic by topic (CALCULATION.md `facts`):
 * money in yuan (two decimals, thousands separators), dates as YYYY-MM-DD, lists as rows with add
 * and remove, each field with the clause it serves. Controlled: `value` in, cleaned facts out.
 * Used by the calculator and by the enterprise portal's application editor.
 */
export function FactsEditor({ value, onChange, topics, errors, disabled, focus }: FactsEditorProps): JSX.Element {
  const { t, i18n } = useTranslation('calculator');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [form] = Form.useForm();
  const emitted = useRef<Facts | null>(null);

  // A value from outside (a loaded file, a saved draft) replaces the form; our own echo does not.
  useEffect(() => {
    if (value === emitted.current || (emitted.current !== null && sameFacts(value, emitted.current))) return;
    emitted.current = value;
    form.resetFields();
    form.setFieldsValue(value);
  }, [value, form]);

  const shown = useMemo(() => {
    const chosen = topics ? new Set(topics) : undefined;
    return TOPICS.filter((tp) => !chosen || chosen.has(tp.key));
  }, [topics]);
  const shownFields = useMemo(() => new Set(shown.flatMap((tp) => tp.fields)), [shown]);

  // API issues: in place where the field is on screen, above the form otherwise. Placed when the
  // issues arrive (not again on every keystroke, which would bring back an error being fixed).
  const valueRef = useRef(value);
  valueRef.current = value;
  const placed = useMemo(() => {
    const value = valueRef.current;
    const inPlace: { name: Name; message: string }[] = [];
    const elsewhere: { path: string; message: string }[] = [];
    for (const issue of errors ?? []) {
      const path = issue.path.startsWith('facts.') ? issue.path.slice('facts.'.length) : issue.path;
      const name = pathToName(path);
      const top = name[0];
      const field = typeof top === 'string' ? FACT_FIELD_INDEX.get(top) : undefined;
      const onScreen =
        field !== undefined &&
        shownFields.has(field.key) &&
        name.length > 1 &&
        (field.kind !== 'list' || (typeof name[1] === 'number' && name[1] < listLength(value[field.key]) && name.length > 2));
      const scalarOnScreen = field !== undefined && shownFields.has(field.key) && field.kind !== 'list' && field.kind !== 'object';
      const message = issueText(issue.message, lang);
      if (onScreen || (scalarOnScreen && name.length === 1)) inPlace.push({ name, message });
      else elsewhere.push({ path: issue.path, message });
    }
    return { inPlace, elsewhere };
  }, [errors, shownFields, lang]);

  const marked = useRef<Name[]>([]);
  useEffect(() => {
    const clear = marked.current.map((name) => ({ name, errors: [] as string[] }));
    const set = placed.inPlace.map((i) => ({ name: i.name, errors: [i.message] }));
    form.setFields([...clear, ...set]);
    marked.current = placed.inPlace.map((i) => i.name);
  }, [placed, form]);

  // Bring a field asked for into view, focus it and say why: once its section has rendered (the
  // topic may have been ticked, or the step shown, in the same click).
  const focused = useRef<typeof focus>(null);
  /** The field hinted "please fill in" (a hint, not a rule: it goes once the field has a value). */
  const hinted = useRef<Name | null>(null);
  useEffect(() => {
    if (!focus || focus === focused.current) return;
    const ref = factFieldOfPath(focus.path);
    if (!ref || !shownFields.has(String(ref.name[0]))) return;
    const name = [...ref.name];
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const go = () => {
      if (form.getFieldInstance(name) === undefined && tries++ < 20) {
        timer = setTimeout(go, 50);
        return;
      }
      // Once per request: ticking topics later does not jump back to it.
      focused.current = focus;
      if (form.getFieldInstance(name) === undefined) {
        // A list without a row to point at: its section.
        document.querySelector(`[data-testid="facts-list-${String(name[0])}"]`)?.scrollIntoView({ block: 'center' });
        return;
      }
      form.scrollToField(name, { block: 'center', focus: true });
      form.setFields([{ name, warnings: [t('facts.toFill')] }]);
      hinted.current = name;
    };
    timer = setTimeout(go, 0);
    return () => clearTimeout(timer);
  }, [focus, shownFields, form, t]);

  const emit = () => {
    const hint = hinted.current;
    if (hint && form.getFieldValue(hint) !== undefined && form.getFieldValue(hint) !== null) {
      form.setFields([{ name: hint, warnings: [] }]);
      hinted.current = null;
    }
    const next = cleanFacts(form.getFieldsValue(true) as Facts);
    emitted.current = next;
    onChange(next);
  };

  return (
    <Form form={form} name="facts" layout="vertical" component={false} disabled={disabled} onValuesChange={emit}>
      {placed.elsewhere.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('facts.otherErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {placed.elsewhere.map((e) => (
                <li key={`${e.path}|${e.message}`}>
                  <code>{e.path}</code>
                  {lang === 'zh' ? '：' : ': '}
                  {e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {shown.length === 0 && <Alert type="info" showIcon title={t('facts.noTopics')} />}
      {shown.map((topic) => (
        <Card
          key={topic.key}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid={`facts-topic-${topic.key}`}
          title={
            <span>
              {topic.label[lang]} <Tag style={{ marginLeft: 4 }}>{topic.citation[lang]}</Tag>
            </span>
          }
        >
          {topic.fields.map((key) => {
            const field = FACT_FIELD_INDEX.get(key);
            // A section named like its topic (孵化器 under 孵化器) shows only its clause line.
            return field ? <FactSection key={key} field={field} lang={lang} named={field.label[lang] !== topic.label[lang]} /> : null;
          })}
        </Card>
      ))}
    </Form>
  );
}

/** The same facts, whatever the key order (a saved draft may come back from the server reordered)? */
function sameFacts(a: Facts, b: Facts): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return JSON.stringify(canonical(cleanFacts(a))) === JSON.stringify(canonical(cleanFacts(b)));
}

function listLength(v: unknown): number {
  return Array.isArray(v) ? v.length : 0;
}

function FactSection({ field, lang, named }: { field: FactField; lang: Lang; named: boolean }) {
  if (field.kind === 'list') return <ListSection field={field} lang={lang} named={named} />;
  if (field.kind === 'object') return <ObjectSection field={field} lang={lang} named={named} />;
  return <ScalarItem field={field} name={[field.key]} lang={lang} help={field.help} wide />;
}

function ObjectSection({ field, lang, named }: { field: ObjectField; lang: Lang; named: boolean }) {
  return (
    <div style={{ marginBottom: 8 }}>
      {named && <Typography.Text strong>{field.label[lang]}</Typography.Text>}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {field.help[lang]}
        </Typography.Text>
      </div>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {field.fields.map((f) => (
          <Col key={f.key} xs={24} sm={12} lg={6}>
            <ScalarItem field={f} name={[field.key, f.key]} lang={lang} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function ListSection({ field, lang, named }: { field: ListField; lang: Lang; named: boolean }) {
  const { t } = useTranslation('calculator');
  const span = field.item.length >= 4 ? { xs: 24, sm: 12, lg: 6 } : { xs: 24, sm: 12, lg: 8 };
  return (
    <div style={{ marginBottom: 8 }} data-testid={`facts-list-${field.key}`}>
      {named && <Typography.Text strong>{field.label[lang]}</Typography.Text>}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {field.help[lang]}
        </Typography.Text>
      </div>
      <Form.List name={field.key}>
        {(rows, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {rows.map((row, index) => (
              <div
                key={row.key}
                style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 8, background: '#fafafa' }}
              >
                <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 4 }}>
                  <Typography.Text type="secondary">
                    {lang === 'zh' ? `${field.row.zh}${index + 1}` : `${field.row.en} ${index + 1}`}
                  </Typography.Text>
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                    aria-label={t('facts.removeRow', { what: field.row[lang], n: index + 1 })}
                  >
                    {t('facts.remove')}
                  </Button>
                </div>
                <Row gutter={12}>
                  {field.item.map((f) => (
                    <Col key={f.key} {...span}>
                      <ScalarItem field={f} name={[row.name, f.key]} lang={lang} listKey={field.key} />
                    </Col>
                  ))}
                </Row>
              </div>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
              {t('facts.addRow', { what: field.row[lang] })}
            </Button>
          </div>
        )}
      </Form.List>
    </div>
  );
}

/** One input with its label, rules and the conversion between the contract's JSON and the control. */
function ScalarItem({
  field,
  name,
  lang,
  help,
  wide,
  listKey,
}: {
  field: ScalarField;
  name: Name;
  lang: Lang;
  help?: Text;
  wide?: boolean;
  listKey?: string;
}) {
  const { t } = useTranslation('calculator');
  const label = field.label[lang];
  const rules = field.required ? [{ required: true, message: t('facts.required', { what: label }) }] : [];
  const extra = help?.[lang];
  const testId = `fact-${[listKey, ...name].filter((x) => x !== undefined).join('-')}`;
  const style = wide ? { maxWidth: 420 } : undefined;
  switch (field.kind) {
    case 'money':
      return (
        <Form.Item name={name} label={label} rules={rules} extra={extra} style={style}>
          <MoneyInput data-testid={testId} />
        </Form.Item>
      );
    case 'count':
      return (
        <Form.Item name={name} label={label} rules={rules} extra={extra} style={style}>
          <InputNumber<number> style={{ width: '100%' }} data-testid={testId} />
        </Form.Item>
      );
    case 'rate':
      return (
        <Form.Item
          name={name}
          label={label}
          rules={rules}
          extra={extra}
          style={style}
          getValueProps={(v: unknown) => ({ value: typeof v === 'number' ? shiftDecimal(v, 2) : v })}
          normalize={(v: unknown) => (typeof v === 'number' ? shiftDecimal(v, -2) : undefined)}
        >
          <InputNumber<number> step={0.1} style={{ width: '100%' }} suffix="%" data-testid={testId} />
        </Form.Item>
      );
    case 'bool':
      return (
        <Form.Item name={name} valuePropName="checked" extra={extra} style={{ ...style, marginTop: wide ? 0 : 30 }} rules={rules}>
          <Checkbox data-testid={testId}>{label}</Checkbox>
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          name={name}
          label={label}
          rules={rules}
          extra={extra}
          style={style}
          getValueProps={(v: unknown) => ({ value: typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : undefined })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.format(DATE) : undefined)}
        >
          <DatePicker style={{ width: '100%' }} format={DATE} data-testid={testId} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item name={name} label={label} rules={rules} extra={extra} style={style}>
          <Select
            allowClear={!field.required}
            placeholder={t('facts.choose')}
            options={(field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))}
            data-testid={testId}
          />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name={name} label={label} rules={rules} extra={extra} style={style}>
          <Input maxLength={200} data-testid={testId} />
        </Form.Item>
      );
  }
}
