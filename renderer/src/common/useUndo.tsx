/**
 * Success message with a 撤销 button (destructive actions can be undone).
 * Example: showUndo('已删除党员 张三', () => restoreRecord(db, 'members', id)).
 */
import { useCallback, type ReactNode } from 'react';
import { App, Button, Space } from 'antd';
import { errorText } from './errors';

let counter = 0;

export function useUndoToast() {
  const { message } = App.useApp();
  return useCallback(
    (text: string, undo: () => Promise<unknown>, undoneText = '已撤销') => {
      const key = `undo-${++counter}`;
      message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <Space size={12}>
            <span>{text}</span>
            <Button
              size="small"
              type="link"
              aria-label="撤销"
              onClick={async () => {
                message.destroy(key);
                try {
                  await undo();
                  message.success(undoneText);
                } catch (e) {
                  message.error(errorText(e, '撤销'));
                }
              }}
            >
              撤销
            </Button>
          </Space>
        ),
      });
    },
    [message],
  );
}

export interface ConfirmDeleteOptions {
  title: string;
  content: ReactNode;
  /** Moves the record to the recycle bin. */
  remove: () => Promise<unknown>;
  /** Shown next to 撤销 once deleted. */
  done: string;
  undo: () => Promise<unknown>;
  /** Title of the dialog explaining a refusal (children, references…). */
  refusedTitle: string;
  /** What the action is called in that explanation. */
  action: string;
}

/** 删除 → confirm → recycle bin with 撤销; a refusal gets a dialog, since it needs reading. */
export function useConfirmDelete() {
  const { modal } = App.useApp();
  const undoToast = useUndoToast();
  return useCallback(
    (o: ConfirmDeleteOptions) =>
      modal.confirm({
        title: o.title,
        content: o.content,
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: async () => {
          try {
            await o.remove();
            undoToast(o.done, o.undo);
          } catch (e) {
            modal.error({ title: o.refusedTitle, content: errorText(e, o.action), okText: '知道了' });
          }
        },
      }),
    [modal, undoToast],
  );
}
