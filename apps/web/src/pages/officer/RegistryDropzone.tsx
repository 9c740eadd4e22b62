import { CloudUploadOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import type { ReactNode } from 'react';
import { isRegistryFile } from './lib/match-jobs';

/**
 * The drop zone of a registry file (.csv, .xlsx, JSON Lines), kept in the page rather than sent
 * at once: a match job's upload and a simulation's population alike. A file of another kind is
 * refused with `badFile(name)`.
 */
export function RegistryDropzone({
  file,
  onFile,
  onProblem,
  badFile,
  drop,
  hint,
}: {
  file: File | null;
  onFile: (file: File | null) => void;
  onProblem: (problem: string | null) => void;
  badFile: (name: string) => string;
  drop: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <Upload.Dragger
      accept=".csv,.xlsx,.jsonl,.ndjson"
      maxCount={1}
      fileList={file ? [{ uid: 'registry', name: file.name, size: file.size, status: 'done' }] : []}
      onRemove={() => onFile(null)}
      beforeUpload={(f) => {
        if (!isRegistryFile(f.name)) {
          onProblem(badFile(f.name));
          return Upload.LIST_IGNORE;
        }
        onProblem(null);
        onFile(f);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <CloudUploadOutlined />
      </p>
      <p className="ant-upload-text">{drop}</p>
      {hint && <p className="ant-upload-hint">{hint}</p>}
    </Upload.Dragger>
  );
}
