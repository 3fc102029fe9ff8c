/**
 * Success message with a 撤销 button (destructive actions can be undone).
 * Example: showUndo('已删除党员 张三', () => restoreRecord(db, 'members', id)).
 */
import { useCallback } from 'react';
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
              autoInsertSpace={false}
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
