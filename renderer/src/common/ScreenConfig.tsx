/**
 * Screen-level antd settings: no automatic space inside two-character button labels, so buttons
 * read 保存 / 删除 (not 保 存) on screen and keep stable accessible names for end-to-end tests.
 * (Suggested for App.tsx's ConfigProvider too; until then each screen wraps itself.)
 */
import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';

export function ScreenConfig({ children }: { children: ReactNode }) {
  return <ConfigProvider button={{ autoInsertSpace: false }}>{children}</ConfigProvider>;
}

/** For modal.confirm (rendered by the app-level <App>, outside ScreenConfig). */
export function confirmButtons(danger = false) {
  return {
    okButtonProps: { autoInsertSpace: false, danger },
    cancelButtonProps: { autoInsertSpace: false },
  };
}
