/**
 * A minimal Chinese application menu. Electron's default menu has a Help menu whose items open
 * web pages; this one has no links at all and no item that reaches outside the window.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function buildMenuTemplate(opts: { isDev: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (opts.isDev) {
    view.push({ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  return [
    ...(opts.isMac ? [{ role: 'appMenu' as const, label: '党建会议记录' }] : []),
    { label: '文件', submenu: [{ role: opts.isMac ? 'close' : 'quit', label: opts.isMac ? '关闭窗口' : '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }] },
  ];
}
