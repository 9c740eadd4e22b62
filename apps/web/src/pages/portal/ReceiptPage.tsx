import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ApplicationView } from '@ftai/api';
import { receiptLines } from '@ftai/api/receipt';
import { App, Button, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, saveFile } from '../../api/client';
import { useMeasureIndex } from '../../api/use-catalogue';
import { LoadFailed } from '../../components/LoadFailed';
import { useApplication } from './portal-queries';

/** Printed as a sheet of paper: the app's frame and the buttons stay off the print. */
const PRINT_CSS = `
@media print {
  .ant-layout-header, .ant-layout-footer, .ftai-no-print { display: none !important; }
  .ftai-receipt { border: none !important; box-shadow: none !important; margin: 0 !important; }
}
.ftai-receipt table { border-collapse: collapse; width: 100%; }
.ftai-receipt th, .ftai-receipt td { border: 1px solid #595959; padding: 6px 8px; text-align: left; vertical-align: top; }
.ftai-receipt th { width: 26%; font-weight: 600; background: #fafafa; }
.ftai-receipt td.num { text-align: right; font-variant-numeric: tabular-nums; }
`;

/**
 * 受理回执: what the enterprise keeps once its application is in — the number, the enterprise, the
 * call, when it was received (Beijing time), each measure claimed with the engine's figure, the
 * materials attached, and what the receipt does and does not mean. A page made to be printed (or
 * saved as PDF from the browser's print dialog), official style (CHINESE.md); in Chinese, the
 * language of the bureau's records, whatever the interface's language.
 */
export function ReceiptPage() {
  const { t } = useTranslation('portal');
  const { id } = useParams();
  const app = useApplication(id);
  const { message } = App.useApp();
  const [pdfBusy, setPdfBusy] = useState(false);
  /** The receipt as the server draws it (PDF, A4), saved under its name: 受理回执-丰科AI申〔2026〕0001号.pdf. */
  const downloadPdf = async () => {
    setPdfBusy(true);
    try {
      saveFile(await api.getFile(`/api/v1/applications/${encodeURIComponent(id ?? '')}/receipt.pdf`));
    } catch (e) {
      message.error(`${t('receipt.pdfFailed')}${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setPdfBusy(false);
    }
  };
  if (app.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (app.isError) return <LoadFailed error={app.error} onRetry={() => void app.refetch()} />;
  if (!app.data) return null;
  if (app.data.number === null || app.data.submittedAt === null) {
    return (
      <Result
        status="info"
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('receipt.notYet')}</h1>}
        extra={<Link to={`/portal/applications/${app.data.id}`}>{t('receipt.back')}</Link>}
      />
    );
  }
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <Space className="ftai-no-print" style={{ marginBottom: 16 }} wrap>
        <Link to={`/portal/applications/${app.data.id}`}>
          <ArrowLeftOutlined /> {t('receipt.back')}
        </Link>
        <Button type="primary" icon={<FilePdfOutlined />} onClick={() => void downloadPdf()} loading={pdfBusy} data-testid="receipt-pdf">
          {t('receipt.pdf')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
          {t('receipt.print')}
        </Button>
      </Space>
      <Receipt app={app.data} />
    </div>
  );
}

function Receipt({ app }: { app: ApplicationView }) {
  // The receipt's words are Chinese whatever the interface's language: the catalogue in Chinese.
  const measures = useMeasureIndex(app.call?.year, 'zh');
  const r = receiptLines(app, measures);
  if (!r) return null;
  return (
    <article
      className="ftai-receipt"
      data-testid="receipt"
      lang="zh-CN"
      style={{ maxWidth: 760, margin: '0 auto', background: '#fff', padding: '32px 40px', border: '1px solid #d9d9d9', color: '#000' }}
    >
      <h1 style={{ textAlign: 'center', fontSize: 24, letterSpacing: 8, margin: '0 0 4px' }}>{r.title}</h1>
      <p style={{ textAlign: 'center', margin: '0 0 24px' }} data-testid="receipt-number">
        {r.number}
      </p>
      <table>
        <tbody>
          {r.rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style={{ fontSize: 16, margin: '24px 0 8px' }}>{r.itemsHeading}</h2>
      <table data-testid="receipt-items">
        <thead>
          <tr>
            <th scope="col">{r.itemColumns[0]}</th>
            <th scope="col">{r.itemColumns[1]}</th>
            <th scope="col" style={{ textAlign: 'right' }}>
              {r.itemColumns[2]}
            </th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((i) => (
            <tr key={`${i.measure}|${i.subject}`}>
              <td>{i.measure}</td>
              <td>{i.subject}</td>
              <td className="num">{i.amount}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={2}>
              合计
            </th>
            <td className="num">{r.total}</td>
          </tr>
        </tbody>
      </table>
      <h2 style={{ fontSize: 16, margin: '24px 0 8px' }}>{r.attachmentsHeading}</h2>
      {r.attachments.length === 0 ? (
        <p>无</p>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 24 }} data-testid="receipt-attachments">
          {r.attachments.map((name, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: files in upload order; two may share a name
            <li key={i}>{name}</li>
          ))}
        </ol>
      )}
      <p style={{ marginTop: 24, lineHeight: 1.8 }}>{r.note}</p>
      <p style={{ textAlign: 'right', marginTop: 40 }}>
        {r.issuer}
        {r.issuer !== '' && <br />}
        {r.date}
      </p>
    </article>
  );
}
