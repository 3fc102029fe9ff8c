/** Unit settings (单位设置): one validated record, defaults from shared/model/settings.ts. */
import {
  DEFAULT_UNIT_SETTINGS,
  lifeAspectsFor,
  lifeAspectsSchema,
  unitSettingsSchema,
  type LifeAspects,
  type UnitSettings,
} from '../../shared/model';
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

const ASPECTS_KEY = 'lifeAspects';

/** The stored 检视方面 per 年度 (only years the secretary set; a damaged row reads as empty). */
export async function getAllLifeAspects(db: PartyMinutesDB): Promise<LifeAspects> {
  const row = await db.settings.get(ASPECTS_KEY);
  const r = lifeAspectsSchema.safeParse(row?.value ?? {});
  return r.success ? r.data : {};
}

/** 检视方面 of `year`: the stored list, else the defaults (shared/model/settings.ts). */
export async function getLifeAspects(db: PartyMinutesDB, year: number): Promise<string[]> {
  return lifeAspectsFor(await getAllLifeAspects(db), year);
}

/** Sets the list of one 年度; an empty list goes back to the defaults. */
export async function putLifeAspects(db: PartyMinutesDB, year: number, aspects: readonly string[]): Promise<LifeAspects> {
  return db.transaction('rw', db.settings, async () => {
    const all = { ...(await getAllLifeAspects(db)) };
    const list = aspects.map((a) => a.trim()).filter(Boolean);
    if (list.length === 0) delete all[String(year)];
    else all[String(year)] = [...new Set(list)];
    const value = parseOrThrow(lifeAspectsSchema, all, '检视方面');
    await db.settings.put({ key: ASPECTS_KEY, value });
    return value;
  });
}
