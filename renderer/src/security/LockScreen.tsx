/**
 * 锁定界面: covers the whole window until the start-up password is given. Wrong passwords count
 * towards the waiting period (stored, so reloading does not reset it); the countdown is shown.
 */
import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Flex, Input, Typography, type InputRef } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { waitLeft } from '../../../shared/security/lockout';
import { getLockout } from '../../security/config';
import { unlock } from '../../security/appLock';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';

export function LockScreen() {
  const db = useDb();
  const { message } = App.useApp();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const input = useRef<InputRef>(null);

  useEffect(() => {
    void getLockout(db).then((s) => setUntil(Date.now() + waitLeft(s, new Date())));
    input.current?.focus();
  }, [db]);
  useEffect(() => {
    if (until <= now) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [until, now]);

  const waitSeconds = Math.max(0, Math.ceil((until - now) / 1000));

  const submit = async () => {
    if (!password || busy || waitSeconds > 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await unlock(db, password);
      if (r.ok) {
        setPassword('');
        if (r.mustChange) message.warning('启动密码已到更换期限，请在“设置 → 安全”中修改密码', 8);
        return;
      }
      setPassword('');
      setNow(Date.now());
      setUntil(Date.now() + r.waitMs);
      setError(
        r.reason === 'wait'
          ? '密码错误次数过多，请等待倒计时结束后再试'
          : r.waitMs > 0
            ? `密码错误，已连续错误 ${r.failures} 次。为防止他人猜测密码，请等待倒计时结束后再试`
            : `密码错误（已连续错误 ${r.failures} 次）。连续错误 5 次后需等待一段时间才能再试`,
      );
      setTimeout(() => input.current?.focus(), 0);
    } catch (e) {
      setError(errorText(e, '解锁'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="软件已锁定"
      data-testid="lock-screen"
      style={{ position: 'fixed', inset: 0, zIndex: 3000, background: 'linear-gradient(160deg, #8c1a20 0%, #b4232a 45%, #f5f0eb 45.1%)', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Card style={{ width: 400, boxShadow: '0 8px 32px rgba(0,0,0,0.18)' }}>
        <Flex vertical gap={16} align="stretch">
          <Flex vertical align="center" gap={4}>
            <LockOutlined style={{ fontSize: 36, color: '#b4232a' }} />
            <Typography.Title level={3} style={{ margin: 0 }}>党建会议记录</Typography.Title>
            <Typography.Text type="secondary">软件已锁定，请输入启动密码</Typography.Text>
          </Flex>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Flex vertical gap={12}>
              <Input.Password
                ref={input}
                size="large"
                placeholder="启动密码"
                aria-label="启动密码"
                autoComplete="current-password"
                value={password}
                disabled={waitSeconds > 0}
                onChange={(e) => setPassword(e.target.value)}
              />
              {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
              <Button type="primary" size="large" htmlType="submit" loading={busy} disabled={!password || waitSeconds > 0} block>
                {waitSeconds > 0 ? `请 ${waitSeconds} 秒后再试` : '解锁'}
              </Button>
            </Flex>
          </form>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            忘记密码无法找回。如开启了敏感数据加密，忘记密码将无法再读取谈话内容等加密保存的信息，请妥善保管密码。
          </Typography.Text>
        </Flex>
      </Card>
    </div>
  );
}
