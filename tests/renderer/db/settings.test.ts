import { describe, expect, it } from 'vitest';
import { getSettings, putSettings } from '../../../renderer/db/settings';
import { DEFAULT_UNIT_SETTINGS } from '../../../shared/model';
import { freshDb } from './helpers';

describe('settings', () => {
  it('defaults, round trip, validation, damaged values', async () => {
    const db = await freshDb();
    expect(await getSettings(db)).toEqual(DEFAULT_UNIT_SETTINGS);
    const next = { ...DEFAULT_UNIT_SETTINGS, unitName: '中共××市财政局机关委员会', attendanceWarnPercent: 90 };
    await putSettings(db, next);
    expect(await getSettings(db)).toEqual(next);
    await expect(putSettings(db, { ...next, attendanceWarnPercent: 120 })).rejects.toThrow('单位设置未能保存：出席率提醒：');
    expect(await getSettings(db)).toEqual(next);
    // A stored value from an older/damaged version falls back field by field.
    await db.settings.put({ key: 'unit', value: { unitName: '某单位', quorumRule: 'nonsense' } });
    expect(await getSettings(db)).toEqual({ ...DEFAULT_UNIT_SETTINGS, unitName: '某单位' });
  });
});
