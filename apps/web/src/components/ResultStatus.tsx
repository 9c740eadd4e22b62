import type { MeasureResult } from '@ftai/api';
import { resultCause } from '@ftai/policy-fengtai/report/words';
import { Button, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { factFieldOfPath } from './facts-editor/fact-fields';
import { ResultStatusTag } from './StatusTag';

/**
 * The fields an `incomplete` result needs, named as the form labels them (上年度主营业务收入); with
 * `onFill`, each is a link that takes the user to that field.
 */
export function MissingFields({ paths, onFill, testId }: { paths: readonly string[]; onFill?: (path: string) => void; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <span data-testid={testId}>
      {t('result.toFill')}
      {paths.map((path, i) => {
        const label = factFieldOfPath(path)?.label[lang] ?? path;
        return (
          <Fragment key={path}>
            {i > 0 && (lang === 'zh' ? '、' : ', ')}
            {onFill ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onFill(path)}
                title={t('result.fillHint')}
                data-testid={`fill-${path}`}
              >
                {label}
              </Button>
            ) : (
              <Typography.Text strong>{label}</Typography.Text>
            )}
          </Fragment>
        );
      })}
    </span>
  );
}

/**
 * A result's status with its cause beside it (CHINESE.md: "excluded" is labelled by its cause,
 * never one word for all causes): the tag, then the reasons; for an incomplete result also the
 * fields to fill.
 */
export function ResultStatus({ result, onFill }: { result: MeasureResult; onFill?: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const reasons = result.status === 'granted' ? [] : (result.reasons ?? []);
  const missing = result.status === 'incomplete' ? (result.missing ?? []) : [];
  const key = `${result.measure}-${result.subject ?? ''}`;
  return (
    <div style={{ maxWidth: 320 }}>
      <ResultStatusTag status={result.status} />
      {reasons.length > 0 && (
        <div style={{ fontSize: 12, color: '#595959', marginTop: 2 }} data-testid={`reason-${key}`}>
          {resultCause(t(`resultStatus.${result.status}`, { defaultValue: result.status }), reasons, lang)}
        </div>
      )}
      {missing.length > 0 && (
        <div style={{ fontSize: 12, marginTop: 2 }}>
          <MissingFields paths={missing} onFill={onFill} testId={`missing-${key}`} />
        </div>
      )}
    </div>
  );
}
