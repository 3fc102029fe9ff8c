/**
 * 文档格式 (settings card): the unit's DocumentProfile. GB/T 9704 is the default; everything here
 * is a local practice the unit may choose (domain §4.1–§4.7). The 内部 marking is NOT here: it is
 * 单位设置 › 非涉密记录标识 (UnitSettings.nonSecretMarking), one place for it.
 */
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import {
  DEFAULT_DOCUMENT_PROFILE,
  DOCUMENT_LAYOUT_LABELS,
  DOCUMENT_LAYOUTS,
  FONT_SET_IDS,
  FONT_SET_LABELS,
  PAGE_NUMBER_STYLE_LABELS,
  PAGE_NUMBER_STYLES,
  type DocumentProfile,
} from '../../../shared/model/documentProfile';
import { getDocumentProfile, putDocumentProfile } from '../../db/documentProfile';
import { useSettingsForm } from '../common/useSettingsForm';

const FIELDS: readonly string[] = Object.keys(DEFAULT_DOCUMENT_PROFILE);

export function DocumentProfileSettings() {
  const { db, form, loaded, saving, dirty, setDirty, save: saveWith } = useSettingsForm(getDocumentProfile, '读取文档格式设置');

  const save = (v: DocumentProfile) =>
    saveWith({
      write: () => putDocumentProfile(db, { ...v, orgFullNameOverride: (v.orgFullNameOverride ?? '').trim() }),
      success: '文档格式已保存，之后导出的 Word 文件按新设置生成',
      action: '保存文档格式',
      fieldOf: (key) => (FIELDS.includes(key) ? key : undefined),
    });

  const restoreDefaults = () => {
    form.setFieldsValue(DEFAULT_DOCUMENT_PROFILE);
    setDirty(true);
  };

  return (
    <Card title="文档格式（Word 记录）" id="settings-document">
      <Typography.Paragraph type="secondary">
        默认按国家标准 GB/T 9704—2012《党政机关公文格式》排版：A4 纸，上 37 mm、下 35 mm、左 28 mm、右 26 mm，正文 3 号仿宋，每页 22 行、每行 28 字。
        本单位有不同要求时在这里调整。“内部”记录首页的标识在“单位设置 › 非涉密记录标识”中填写。
      </Typography.Paragraph>
      <Form<DocumentProfile>
        form={form}
        layout="vertical"
        onFinish={save}
        onValuesChange={() => setDirty(true)}
        disabled={!loaded}
        style={{ maxWidth: 680 }}
        requiredMark={false}
        initialValues={DEFAULT_DOCUMENT_PROFILE}
      >
        <Form.Item
          name="orgFullNameOverride"
          label="打印用组织全称（一般留空）"
          extra="留空时，记录标题使用各党组织在“组织架构”中填写的全称。填写后，本机导出的所有记录标题和文件名都改用这里的名称，只在仅一个党组织使用本软件、且打印名称与登记名称不同时填写。"
          rules={[{ max: 120, message: '组织全称不能超过 120 字' }]}
        >
          <Input placeholder="例如：中共××市财政局机关第一支部委员会" autoComplete="off" allowClear />
        </Form.Item>

        <Form.Item name="defaultLayout" label="默认版式" extra="“预览”先显示这种版式；导出时两种版式都可以选。">
          <Radio.Group vertical options={DOCUMENT_LAYOUTS.map((l) => ({ value: l, label: DOCUMENT_LAYOUT_LABELS[l] }))} />
        </Form.Item>

        <Form.Item
          name="fontSet"
          label="字体方案"
          extra="文件中只写字体名称，不嵌入字体。打开文件的电脑缺少所选字体时，Word / WPS 会用相近字体代替。"
        >
          <Radio.Group vertical options={FONT_SET_IDS.map((f) => ({ value: f, label: FONT_SET_LABELS[f] }))} />
        </Form.Item>
        <Alert
          type="info"
          style={{ marginTop: -8, marginBottom: 24 }}
          title="怎么选字体方案"
          description={
            <>
              仿宋_GB2312 等字体只包含 6763 个常用汉字，党员姓名中的生僻字（如“堃”“𬍛”）会显示成方框或别的字体。
              <br />
              信创电脑（麒麟、统信 + WPS）一般装有方正 GBK 字体，选第二项；普通 Windows 电脑没有 GB2312 字体时，选第三项。
            </>
          }
        />

        <Form.Item name="duplex" label="打印方式">
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value={false}>单面打印（左侧装订，左 28 mm、右 26 mm）</Radio>
              <Radio value={true}>双面打印（对称页边距：装订侧 28 mm、外侧 26 mm，偶数页装订边在右）</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>

        <Form.Item name="pageNumberStyle" label="页码样式" extra="国家标准：4 号宋体，单页码居右、双页码居左。">
          <Radio.Group>
            {PAGE_NUMBER_STYLES.map((s) => (
              <Radio key={s} value={s}>
                {PAGE_NUMBER_STYLE_LABELS[s]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>

        <Form.Item
          name="signInBlankRows"
          label="签到表空白行"
          extra="签到表在名单之后留出的空行，供临时到会的列席人员签名。"
          rules={[{ required: true, message: '请填写 0 到 50 之间的整数' }]}
        >
          <InputNumber min={0} max={50} precision={0} suffix="行" style={{ width: 140 }} aria-label="签到表空白行" />
        </Form.Item>

        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存文档格式
          </Button>
          <Button onClick={restoreDefaults}>恢复国家标准默认值</Button>
          {dirty && <Typography.Text type="warning">有尚未保存的修改</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
