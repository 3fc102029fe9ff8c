/** Unit settings (单位设置): one validated record, defaults from shared/model/settings.ts. */
import { DEFAULT_UNIT_SETTINGS, unitSettingsSchema, type UnitSettings } from '../../shared/model';
import type { PartyMinutesDB } from './database';
import { parseOrThrow } from './validate';

const KEY = 'unit';

/** Stored settings merged over the defaults (fields added in later versions get their default). */
export async function getSettings(db: PartyMinutesDB): Promise<UnitSettings> {
  const row = await db.settings.get(KEY);
  const stored = row?.value && typeof row.value === 'object' ? (row.value as Partial<UnitSettings>) : {};
  const r = unitSettingsSchema.safeParse({ ...DEFAULT_UNIT_SETTINGS, ...stored });
  // A damaged value never blocks the app: fall back to the defaults field by field.
  if (r.success) return r.data;
  const out: Record<string, unknown> = { ...DEFAULT_UNIT_SETTINGS };
  for (const [k, v] of Object.entries(stored)) {
    const field = unitSettingsSchema.shape[k as keyof UnitSettings];
    if (field?.safeParse(v).success) out[k] = v;
  }
  return out as UnitSettings;
}

export async function putSettings(db: PartyMinutesDB, settings: UnitSettings): Promise<UnitSettings> {
  const value = parseOrThrow(unitSettingsSchema, settings, '单位设置');
  await db.settings.put({ key: KEY, value });
  return value;
}
