/**
 * Banner for records marked as national secrets (★ 秘密 / 机密 / 绝密, domain §6.1): reminds the
 * secretary of the classified-computer and classified-media rules while editing. Nothing for
 * 内部 / 工作秘密 / no marking. The meeting editor has its own (same rules); talk, appraisal and
 * rectification editors use this one.
 */
import { Alert } from 'antd';
import { classificationMarking, isNationalSecret } from '../../../shared/format';
import { MAX_SECRECY_YEARS, type Classification } from '../../../shared/model';
import { useUnitSettings } from '../dbContext';

export function ClassificationBanner({ classification }: { classification: Classification | undefined | null }) {
  const settings = useUnitSettings();
  if (!classification || !isNationalSecret(classification)) return null;
  const marking = classificationMarking(classification, settings?.nonSecretMarking ?? '');
  return (
    <Alert
      type="error"
      showIcon
      data-testid="classification-banner"
      style={{ marginBottom: 12 }}
      title={`本记录标为国家秘密：${marking}${classification.years === null ? `（未填保密期限，按法定最长 ${MAX_SECRECY_YEARS[classification.level]} 年）` : ''}`}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          <li>只能在经批准的涉密计算机上处理，不得在非涉密计算机（连接互联网的计算机或普通办公电脑）上处理、存储。</li>
          <li>导出、拷贝、打印须按本单位涉密载体管理规定登记，只能使用登记的涉密移动存储介质。</li>
          <li>本软件的加密不能替代上述规定。如只是内部工作材料，请把密级改为“内部”。</li>
        </ul>
      }
    />
  );
}
