// The application menu, in Chinese.
import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';

/** Builds and installs the menu. */
export function installMenu(dataDir: string): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ label: '退出', accelerator: 'CmdOrCtrl+Q', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于清波',
          click: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: '关于清波',
              message: `清波 ${app.getVersion()}`,
              detail: `县级市场监督管理局业务工作台\n数据目录：${dataDir}`,
            });
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
