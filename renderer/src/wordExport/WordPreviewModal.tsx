/**
 * 预览: the exact .docx the export would save, generated from the stored record and rendered by
 * docx-preview into a container inside the modal. docx-preview builds DOM nodes and text nodes
 * (never HTML from record text); its styles are <style> elements scoped to `.pm-docx`, placed in a
 * container of this modal (CSP: style-src 'unsafe-inline'; no remote fonts, embedded fonts ignored).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Segmented, Space, Spin, Typography } from 'antd';
import type { MeetingIssue } from '../../../shared/rules/meetingChecks';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { blockingIssues, buildWordFile, loadExportContext, WORD_KIND_LABELS, WORD_KINDS, type WordKind } from './exportData';

export interface WordPreviewModalProps {
  open: boolean;
  meetingId: string;
  initialKind?: WordKind;
  onClose: () => void;
  /** "导出此文件": runs the normal export (with the missing-fields dialog). */
  onExport: (kind: WordKind) => void;
  /** Disables the export button while an export is running. */
  exporting?: boolean;
}

interface Rendered {
  name: string;
  draft: boolean;
  issues: MeetingIssue[];
}

/** Class prefix for docx-preview's generated styles, so they cannot touch the app's own classes. */
const DOCX_CLASS = 'pm-docx';

export function WordPreviewModal({ open, meetingId, initialKind, onClose, onExport, exporting }: WordPreviewModalProps) {
  const db = useDb();
  const [kind, setKind] = useState<WordKind>(initialKind ?? 'gongwen');
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<Rendered | null>(null);
  const token = useRef(0);

  useEffect(() => {
    if (open && initialKind) setKind(initialKind);
  }, [open, initialKind]);

  useEffect(() => {
    if (!open || !host) return;
    const mine = ++token.current;
    setLoading(true);
    setError(null);
    (async () => {
      const ctx = await loadExportContext(db, meetingId);
      const file = await buildWordFile(ctx, kind);
      const { renderAsync } = await import('docx-preview');
      // Render off-document, then swap in: a slower earlier render can never overwrite a newer one.
      const body = document.createElement('div');
      const styles = document.createElement('div');
      await renderAsync(file.bytes, body, styles, {
        className: DOCX_CLASS,
        inWrapper: true,
        breakPages: true,
        ignoreWidth: false,
        ignoreHeight: false,
        ignoreFonts: true,
        renderHeaders: true,
        renderFooters: true,
        renderAltChunks: false,
        renderComments: false,
        renderChanges: false,
        useBase64URL: true,
        experimental: false,
      });
      if (mine !== token.current) return;
      host.replaceChildren(styles, body);
      setInfo({ name: file.name, draft: file.draft, issues: blockingIssues(ctx, kind) });
    })()
      .catch((e: unknown) => {
        if (mine === token.current) setError(errorText(e, '生成预览'));
      })
      .finally(() => {
        if (mine === token.current) setLoading(false);
      });
    return () => {
      // Closing or switching invalidates the running render.
      token.current++;
    };
  }, [open, host, db, meetingId, kind]);

  useEffect(() => {
    if (!open) {
      setInfo(null);
      host?.replaceChildren();
    }
  }, [open, host]);

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title="预览 Word 文件"
      width={940}
      style={{ top: 24 }}
      destroyOnHidden
      styles={{ body: { paddingTop: 8 } }}
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" onClick={() => onExport(kind)} loading={exporting} disabled={loading || !!error}>
            导出此文件…
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Segmented<WordKind>
          value={kind}
          onChange={(v) => setKind(v)}
          options={WORD_KINDS.map((k) => ({ value: k, label: WORD_KIND_LABELS[k] }))}
          aria-label="选择要预览的文件"
        />
        <Typography.Text type="secondary">
          预览仅供核对内容。页码、准确的换行和分页以 Word / WPS 打开后为准；字体按本机已安装的字体显示。
        </Typography.Text>
        {info && (
          <Typography.Text>
            文件名：<Typography.Text code>{info.name}</Typography.Text>
          </Typography.Text>
        )}
        {info?.draft && (
          <Alert
            type="warning"
            showIcon
            title={
              info.issues.length > 0
                ? `记录尚未定稿，还有 ${info.issues.length} 处问题：导出的文件每页页眉标注“草稿”`
                : '记录尚未定稿：导出的文件每页页眉标注“草稿”。定稿后导出即为正式记录。'
            }
            description={
              info.issues.length > 0 ? (
                <ol style={{ margin: 0, paddingInlineStart: 20, maxHeight: 72, overflowY: 'auto' }}>
                  {info.issues.map((i, n) => (
                    <li key={n}>{i.message}</li>
                  ))}
                </ol>
              ) : undefined
            }
          />
        )}
        {!info?.draft && info && info.issues.length > 0 && (
          <Alert type="warning" showIcon title={`签到表中有 ${info.issues.length} 项内容为空，打印后需要手写补上`} />
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <Spin spinning={loading} description="正在生成预览…" size="large">
          <div
            className="pm-word-preview"
            data-testid="word-preview"
            ref={setHost}
            style={{ height: 'calc(100vh - 400px)', minHeight: 280, overflow: 'auto', background: '#808080', borderRadius: 4 }}
          />
        </Spin>
      </Space>
    </Modal>
  );
}
