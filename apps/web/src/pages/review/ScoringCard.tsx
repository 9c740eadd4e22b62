import { StarOutlined } from '@ant-design/icons';
import type { Assignment, Rubric, ScoreOutcome } from '@ftai/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Progress, Row, Slider, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type FieldIssue } from '../../api/client';
import { applyFieldErrors } from '../../lib/field-errors';
import { formatTime } from '../../lib/format';
import { canScore, checkPoints, rubricTotal } from './review-logic';

interface ScoreForm {
  scores: Record<string, number | null>;
  comment: string;
}

/**
 * Rubric scoring (评审评分): each criterion in whole points up to its maximum (slider and number
 * kept together), the live total out of the rubric's maximum, and a required comment. Scoring
 * again replaces the earlier score while the application is under review.
 */
export function ScoringCard({ assignment, rubric }: { assignment: Assignment; rubric: Rubric }) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ScoreForm>();
  const [rest, setRest] = useState<FieldIssue[]>([]);
  const scores = Form.useWatch('scores', form);
  const total = rubricTotal(rubric.criteria, scores ?? assignment.scores ?? undefined);
  const editable = canScore(assignment);

  const save = useMutation({
    mutationFn: (v: ScoreForm) =>
      api.post<ScoreOutcome>(`/api/v1/assignments/${encodeURIComponent(assignment.id)}/score`, {
        scores: v.scores,
        comment: v.comment.trim(),
      }),
    onSuccess: async (r) => {
      setRest([]);
      message.success(t('score.saved', { score: r.assignment.totalScore }));
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
    onError: (e) => setRest(applyFieldErrors(form, e)),
  });

  const initial: ScoreForm = {
    scores: Object.fromEntries(rubric.criteria.map((c) => [c.id, assignment.scores?.[c.id] ?? null])),
    comment: assignment.comment ?? '',
  };

  return (
    <Card
      title={
        <span>
          <StarOutlined /> {t('score.title')}
        </span>
      }
      data-testid="scoring-card"
    >
      {assignment.isScored && (
        <Alert
          type="success"
          showIcon
          data-testid="my-score"
          title={t('score.current', { score: assignment.totalScore, max: rubric.max })}
          description={t('score.scoredAt', { time: formatTime(assignment.scoredAt) })}
          style={{ marginBottom: 16 }}
        />
      )}
      {!editable && <Alert type="info" showIcon title={t('score.closed')} style={{ marginBottom: 16 }} />}
      {rest.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('score.failed')}
          description={rest.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join(';')}
          style={{ marginBottom: 16 }}
        />
      )}
      {save.isError && rest.length === 0 && !form.getFieldsError().some((f) => f.errors.length > 0) && (
        <Alert type="error" showIcon title={t('score.failed')} description={save.error.message} style={{ marginBottom: 16 }} />
      )}
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 16 }}>
        <Progress
          type="circle"
          size={76}
          percent={Math.round((total / rubric.max) * 100)}
          format={() => <span data-testid="score-total">{total}</span>}
          aria-label={t('score.total')}
        />
        <div>
          <Typography.Text type="secondary">{t('score.total')}</Typography.Text>
          <div style={{ fontSize: 24, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
            {total} <span style={{ fontSize: 14, fontWeight: 400, color: '#595959' }}>/ {rubric.max}</span>
          </div>
        </div>
      </div>
      <Form<ScoreForm>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        disabled={!editable}
        requiredMark
      >
        {rubric.criteria.map((c) => (
          <Form.Item
            key={c.id}
            name={['scores', c.id]}
            label={t('score.criterion', { label: c.label[lang], max: c.max })}
            rules={[
              {
                validator: (_, value) => {
                  const problem = checkPoints(value, c.max);
                  return problem ? Promise.reject(new Error(t(`score.problem.${problem}`, { max: c.max }))) : Promise.resolve();
                },
              },
            ]}
            required
            style={{ marginBottom: 12 }}
          >
            <ScoreInput max={c.max} label={c.label[lang]} />
          </Form.Item>
        ))}
        <Form.Item
          name="comment"
          label={t('score.comment')}
          rules={[
            { required: true, whitespace: true, message: t('score.commentRequired') },
            { max: 4000, message: t('score.commentMax') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('score.commentPlaceholder')} />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="score-submit">
            {assignment.isScored ? t('score.update') : t('score.submit')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

/** A slider and a number box for one criterion, one value (the Form.Item's id goes to the number box, for its label). */
function ScoreInput({
  id,
  value,
  onChange,
  max,
  label,
  disabled,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  max: number;
  label: string;
  disabled?: boolean;
}) {
  return (
    <Row gutter={12} align="middle" wrap={false}>
      <Col flex="auto">
        <Slider
          min={0}
          max={max}
          step={1}
          value={value ?? 0}
          onChange={(v) => onChange?.(v)}
          disabled={disabled}
          marks={{ 0: '0', [max]: String(max) }}
          aria-label={label}
          ariaLabelForHandle={label}
        />
      </Col>
      <Col flex="none">
        <InputNumber
          id={id}
          min={0}
          max={max}
          step={1}
          precision={0}
          value={value}
          onChange={(v) => onChange?.(v)}
          disabled={disabled}
          style={{ width: 76 }}
        />
      </Col>
    </Row>
  );
}
