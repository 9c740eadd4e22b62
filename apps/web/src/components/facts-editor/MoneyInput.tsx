import { InputNumber, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** 1234567.8 → "1,234,567.8": groups in the whole part only. */
export function groupThousands(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const [whole = '', frac] = String(v).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * An amount in yuan, kept as the text typed (`stringMode`: a long number is not rounded), with
 * thousands separators and "元" after. Nothing is changed silently: a negative amount, a third
 * decimal or more than 9,999,999,999,999.99 yuan stays as typed and the field says what is wrong
 * (the API's message, in Chinese by issue-text.ts).
 */
export function MoneyInput(props: InputNumberProps<string>) {
  const { i18n } = useTranslation();
  return (
    <InputNumber<string>
      stringMode
      style={{ width: '100%' }}
      formatter={(v) => groupThousands(v)}
      parser={(v) => (v === undefined ? '' : v.replace(/[,\s]/g, ''))}
      suffix={i18n.language === 'en' ? 'yuan' : '元'}
      {...props}
    />
  );
}
