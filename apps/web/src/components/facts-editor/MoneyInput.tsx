import { InputNumber, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** 1234567.8 → "1,234,567.8": groups in the whole part only. */
export function groupThousands(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const [whole = '', frac] = String(v).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** An amount in yuan: never negative, at most 2 decimals (fen), thousands separators, "元" after. */
export function MoneyInput(props: InputNumberProps<number>) {
  const { i18n } = useTranslation();
  return (
    <InputNumber<number>
      min={0}
      precision={2}
      style={{ width: '100%' }}
      formatter={(v) => groupThousands(v)}
      parser={(v) => (v === undefined || v.trim() === '' ? (undefined as unknown as number) : Number(v.replace(/,/g, '')))}
      suffix={i18n.language === 'en' ? 'yuan' : '元'}
      {...props}
    />
  );
}
