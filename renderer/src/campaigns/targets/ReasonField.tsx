// 变更原因: after a 双随机 draw every change to the list must say why (it is logged and shown).
import { Form, Input } from 'antd';

export function ReasonField({ drawn }: { drawn: boolean }) {
  if (!drawn) return null;
  return (
    <Form.Item
      name="reason"
      label="变更原因"
      rules={[
        { required: true, whitespace: true, message: '已完成双随机抽取，请填写变更原因' },
        { min: 2, message: '至少 2 个字' },
      ]}
      extra="本专项已完成双随机抽取，名单的每次变更都会记录原因，并列在“抽取后的变更”中。"
    >
      <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：该户已注销，经核实移出" />
    </Form.Item>
  );
}

/** The reason to send: trimmed text after a draw, null before. */
export const reasonOf = (drawn: boolean, reason: string | undefined): string | null => (drawn ? (reason ?? '').trim() || null : null);
