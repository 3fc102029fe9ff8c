/** 检查设置 (settings key `checks`): thresholds of the dashboard checks and the 工作日历. */
import { CHECK_SETTINGS_KEY, checkSettingsSchema, readCheckSettings, type CheckSettings } from '../../shared/checks/checkSettings';
import type { PartyMinutesDB } from './database';
import { parseOrThrow } from './validate';

/** Stored settings merged over the defaults; a damaged value falls back field by field. */
export async function getCheckSettings(db: PartyMinutesDB): Promise<CheckSettings> {
  return readCheckSettings((await db.settings.get(CHECK_SETTINGS_KEY))?.value);
}

export async function putCheckSettings(db: PartyMinutesDB, settings: CheckSettings): Promise<CheckSettings> {
  const value = parseOrThrow(checkSettingsSchema, settings, '检查设置');
  await db.settings.put({ key: CHECK_SETTINGS_KEY, value });
  return value;
}
