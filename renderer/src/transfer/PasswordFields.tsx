/** Password typed twice, with a plain strength hint. */
import { Form, Input, Progress, Typography } from 'antd';
import { passwordStrength } from '../../transfer';

const COLORS = ['#d9d9d9', '#cf1322', '#fa8c16', '#1677ff', '#389e0d'];

export function StrengthHint({ value }: { value: string }) {
  const s = passwordStrength(value);
  return (
    <div aria-live="polite" style={{ marginTop: -8, marginBottom: 12 }}>
      <Progress percent={s.score * 25} steps={4} showInfo={false} strokeColor={COLORS[s.score]} size="small" />
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 13 }}>
        {s.label ? `强度：${s.label}。` : ''}
        {s.advice}
      </Typography.Text>
    </div>
  );
}

/** Two password items named `password` and `confirm` inside an antd Form. */
export function PasswordFields({ label, minLength, autoFocus }: { label: string; minLength: number; autoFocus?: boolean }) {
  const password = Form.useWatch<string | undefined>('password') ?? '';
  return (
    <>
      <Form.Item
        name="password"
        label={label}
        rules={[
          { required: true, message: `请输入${label}` },
          { min: minLength, message: `${label}至少 ${minLength} 位` },
        ]}
        style={{ marginBottom: 12 }}
      >
        <Input.Password autoComplete="new-password" autoFocus={autoFocus} aria-label={label} />
      </Form.Item>
      <StrengthHint value={password} />
      <Form.Item
        name="confirm"
        label={`再次输入${label}`}
        dependencies={['password']}
        rules={[
          { required: true, message: `请再次输入${label}` },
          ({ getFieldValue }) => ({
            validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致，请重新输入'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" aria-label={`再次输入${label}`} />
      </Form.Item>
    </>
  );
}
