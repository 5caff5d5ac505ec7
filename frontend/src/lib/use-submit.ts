import { Form } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '@/lib/form-errors';

/** A modal form's submission: the error laid onto its fields (and kept for the alert), the saving flag, closing on success. */
export function useSubmit<Values>(fields: string[], send: (values: Values) => Promise<unknown>, onClose: () => void) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (values: Values) => {
    setError(null);
    setSaving(true);
    try {
      await send(values);
      onClose();
    } catch (caught) {
      applyFieldErrors(form, caught, fields);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return { form, error, saving, submit };
}
