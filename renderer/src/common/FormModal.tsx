/**
 * A dialog holding one form: Enter submits (the OK button is the form's submit button), Esc
 * cancels, the first field gets focus, and a failure is shown inside the dialog in Chinese.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { DbValidationError } from '../../db';
import { errorText } from './errors';

export interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<T>;
  /** Throw to keep the dialog open; the message is shown in it. */
  onFinish: (values: T) => Promise<void> | void;
  onCancel: () => void;
  children: ReactNode;
  width?: number;
  /** What the action is called in error messages (保存 / 新建 …). */
  action?: string;
  initialValues?: Partial<T>;
  danger?: boolean;
  /** Maps a DbValidationError issue path (first key) to a form field name. */
  fieldOf?: (key: string) => string | undefined;
  onValuesChange?: (changed: Partial<T>, all: T) => void;
}

export function FormModal<T extends object>({
  open,
  title,
  okText,
  form,
  onFinish,
  onCancel,
  children,
  width = 560,
  action = '保存',
  initialValues,
  danger,
  fieldOf,
  onValuesChange,
}: FormModalProps<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    // Fresh values from initialValues on every opening (no clearOnDestroy: StrictMode remounts).
    form.resetFields();
  }, [open, form]);

  const finish = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await onFinish(values);
    } catch (e) {
      if (e instanceof DbValidationError && fieldOf) {
        const fields = e.issues
          .map((i) => ({ name: fieldOf(String(i.path[0])), errors: [i.message] }))
          .filter((f): f is { name: string; errors: string[] } => !!f.name);
        if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      }
      setError(errorText(e, action));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      onCancel={onCancel}
      width={width}
      destroyOnHidden
      okButtonProps={{ htmlType: 'submit', loading: busy, danger }}
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<T>
          form={form}
          layout="vertical"
          onFinish={finish}
          initialValues={initialValues}
          onValuesChange={onValuesChange}
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {children}
    </Modal>
  );
}
