/**
 * Before a transfer export that contains ★ records (domain §6.1 c, §6.3): ask, and remind the
 * secretary of the unit's classified-media rules. Resolves true when there is none or the user
 * confirms.
 */
import type { useAppProps } from 'antd/es/app/context';
import type { PartyMinutesDB } from '../../db';
import type { ExportScope } from '../../transfer';
import { classifiedInScope } from '../../security/recordEvents';

export async function confirmClassifiedExport(db: PartyMinutesDB, scope: ExportScope, modal: useAppProps['modal']): Promise<boolean> {
  const n = await classifiedInScope(db, scope).catch(() => 0);
  if (n === 0) return true;
  return new Promise<boolean>((resolve) => {
    modal.confirm({
      title: `要导出的内容中有 ${n} 条标为国家秘密（★）的记录`,
      width: 560,
      content: (
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          <li>涉密载体只能使用登记的涉密移动存储介质，不得使用普通 U 盘。</li>
          <li>不得在非涉密计算机上处理、存储这些记录；涉密与非涉密介质不得交叉使用。</li>
          <li>请按本单位涉密载体管理规定登记导出、传递和接收情况。</li>
          <li>本软件的加密不能替代上述规定。</li>
        </ul>
      ),
      okText: '已按规定办理，继续导出',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
