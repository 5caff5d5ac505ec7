import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, List, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ACCEPTED_FILES, downloadFile, uploadFile } from '@/lib/files';
import type { AttachedFile } from '@/lib/files';
import { useFormatters } from '@/lib/format';

function FileName({ file }: { file: AttachedFile }) {
  const { number } = useFormatters();
  return (
    <Typography.Text style={{ overflowWrap: 'anywhere' }}>
      {file.filename} <Typography.Text type="secondary">({number(Math.max(1, Math.round(file.size / 1024)))} KB)</Typography.Text>
    </Typography.Text>
  );
}

/** The files attached to something, each downloadable (the server checks who may read it). */
export function AttachedFiles({ files, title }: { files: readonly AttachedFile[] | undefined; title?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  if (!files || files.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      {title ? <Typography.Text strong>{title}</Typography.Text> : null}
      <ProblemAlert error={error} />
      <ul aria-label={title ?? t('files.attached')} style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
        {files.map((file) => (
          <li key={file.id}>
            <Button
              type="link"
              size="small"
              icon={<PaperClipOutlined />}
              style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
              aria-label={t('files.download', { name: file.filename })}
              onClick={() => {
                setError(null);
                downloadFile(file.id, file.filename).catch(setError);
              }}
            >
              {file.filename}
            </Button>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

export interface FileAttachmentsFieldProps {
  /** The files attached so far (a Form.Item passes them). */
  value?: AttachedFile[];
  onChange?: (files: AttachedFile[]) => void;
  /** Most files the object takes (the server's limit). */
  max?: number;
  id?: string;
}

/**
 * A form field of files: each chosen file is uploaded at once (`POST /v1/files`) and listed, and may
 * be taken off again before the form is saved; the form sends their ids as `file_ids`.
 */
export function FileAttachmentsField({ value, onChange, max = 20, id }: FileAttachmentsFieldProps) {
  const { t } = useTranslation();
  const files = value ?? [];
  // Uploads that end together each add to the latest list, not to the one their start saw.
  const latest = useRef(files);
  useEffect(() => {
    latest.current = value ?? [];
  }, [value]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<unknown>(null);
  return (
    <Flex vertical gap="small" id={id}>
      <ProblemAlert error={error} />
      {files.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={files}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('files.remove', { name: file.filename })}
                  onClick={() => {
                    latest.current = latest.current.filter((other) => other.id !== file.id);
                    onChange?.(latest.current);
                  }}
                />,
              ]}
            >
              <FileName file={file} />
            </List.Item>
          )}
        />
      )}
      <Upload
        accept={ACCEPTED_FILES}
        multiple
        showUploadList={false}
        disabled={files.length >= max}
        customRequest={({ file, onSuccess, onError }) => {
          setError(null);
          setUploading((count) => count + 1);
          uploadFile(file as File)
            .then((stored) => {
              onSuccess?.(stored);
              latest.current = [
                ...latest.current,
                { id: stored.id, filename: stored.filename, content_type: stored.content_type, size: stored.size, sha256: stored.sha256 },
              ];
              onChange?.(latest.current);
            })
            .catch((caught: unknown) => {
              setError(caught);
              onError?.(caught instanceof Error ? caught : new Error(String(caught)));
            })
            .finally(() => {
              setUploading((count) => count - 1);
            });
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={files.length >= max}>
          {t('files.choose')}
        </Button>
      </Upload>
      <Typography.Text type="secondary">{t('files.hint')}</Typography.Text>
    </Flex>
  );
}
