import { Flex, Typography } from 'antd';
import { UnitSettingsForm } from '../settings/UnitSettingsForm';
import { DemoDataCard } from '../settings/DemoDataCard';
import { LifeAspectsCard } from '../settings/LifeAspectsCard';
import { CheckSettingsCard } from '../settings/CheckSettingsCard';
import { DocumentProfileSettings } from '../wordExport';
import { SecuritySettingsCard } from '../security/SecuritySettingsCard';

/**
 * 设置. Sections are stacked cards, each with an id for in-page links.
 *
 * ── FUTURE SECTIONS ──────────────────────────────────────────────────────────────
 * Add new cards below, in this order, as their features land (one component each in
 * renderer/src/settings/):
 *   - 备份与传输  (backups, .pmx export/import between computers)
 *   - 安全        (password, auto-lock, audit log)
 * ─────────────────────────────────────────────────────────────────────────────────
 */
export function SettingsPage() {
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        设置
      </Typography.Title>
      <UnitSettingsForm />
      <LifeAspectsCard />
      <CheckSettingsCard />
      <DocumentProfileSettings />
      {/* FUTURE SECTIONS: 备份与传输 / 安全 go here (see comment above). */}
      <SecuritySettingsCard />
      <DemoDataCard />
    </Flex>
  );
}
