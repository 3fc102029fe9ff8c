/**
 * A settings card's form: loads the stored values once, notes unsaved changes, and saves with the
 * repository's field errors shown next to their fields (plus a Chinese message).
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Form } from 'antd';
import { DbValidationError, type PartyMinutesDB } from '../../db';
import { useDb } from '../dbContext';
import { errorText } from './errors';

export interface SettingsSave {
  /** Stores the values; throw to keep them as typed. */
  write: () => Promise<unknown>;
  success: string;
  /** What the action is called in error messages. */
  action: string;
  /** Maps a DbValidationError issue path (first key) to a form field name. */
  fieldOf: (key: string) => string | undefined;
}

/** `load` and `loadAction` must be stable (module-level). */
export function useSettingsForm<T extends object>(load: (db: PartyMinutesDB) => Promise<T>, loadAction: string) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    let alive = true;
    load(db)
      .then((v) => {
        if (!alive) return;
        form.setFieldsValue(v as Parameters<typeof form.setFieldsValue>[0]);
        setLoaded(true);
      })
      .catch((e) => message.error(errorText(e, loadAction)));
    return () => {
      alive = false;
    };
  }, [db, form, message, load, loadAction]);

  const save = useCallback(
    async ({ write, success, action, fieldOf }: SettingsSave) => {
      setSaving(true);
      try {
        await write();
        setDirty(false);
        message.success(success);
      } catch (e) {
        if (e instanceof DbValidationError) {
          const fields = e.issues
            .map((i) => ({ name: fieldOf(String(i.path[0])), errors: [i.message] }))
            .filter((f) => f.name);
          form.setFields(fields as Parameters<typeof form.setFields>[0]);
        }
        message.error(errorText(e, action));
      } finally {
        setSaving(false);
      }
    },
    [form, message],
  );

  return { db, form, loaded, saving, dirty, setDirty, save };
}
