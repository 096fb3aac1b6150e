// 统一社会信用代码 with its live check: the problems on leaving the field (naming the expected
// check character), who already has the code, and — for a failed check only — the clerk's
// confirmation with a reason (early pilot codes are genuine but fail the checksum).
import { Checkbox, Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { CodeCheckResult } from '../../../../shared/enterprise';
import { call } from '../../api/client';
import { reportError } from '../../ui/notify';
import { label, type FormValues } from './formValues';

type Check = z.infer<typeof CodeCheckResult>;

/** A refusal of the code by the backend on saving. */
export interface CodeProblem {
  message: string;
  overridable?: boolean;
  existingId?: number;
}

interface Props {
  exceptId: number | null;
  serverProblem: CodeProblem | null;
  onEdited(): void;
}

export function CodeField({ exceptId, serverProblem, onEdited }: Props) {
  const form = Form.useFormInstance<FormValues>();
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);
  const confirmed = Form.useWatch('codeConfirmed', form) === true;

  const runCheck = async () => {
    const code = (form.getFieldValue('uscc') as string | null | undefined)?.trim();
    if (!code) {
      setCheck(null);
      return;
    }
    setChecking(true);
    try {
      const result = await call('enterprises.checkCode', { code, exceptId });
      setCheck(result);
      // Lower case, full-width characters and spaces are written the standard way.
      if (result.normalized && result.normalized !== code) form.setFieldValue('uscc', result.normalized);
    } catch (err) {
      reportError(err);
    } finally {
      setChecking(false);
    }
  };

  const problems = check?.problems ?? [];
  const overridable = (problems.length > 0 && check?.overridable === true) || serverProblem?.overridable === true;
  const lines: ReactNode[] = [];
  if (checking) lines.push('正在核对…');
  // The backend's refusal says the same as the check and what to do about it; say it once.
  if (serverProblem) {
    lines.push(
      <span key="server">
        {serverProblem.message}
        {serverProblem.existingId ? <Link to={`/registry/${serverProblem.existingId}`}>（查看该企业）</Link> : null}
      </span>,
    );
  }
  for (const p of problems) if (!serverProblem?.message.includes(p.message)) lines.push(p.message);
  if (check?.existing) {
    lines.push(
      <span key="existing">
        已有企业使用此代码：<Link to={`/registry/${check.existing.id}`}>{check.existing.name}</Link>
        {check.existing.archived ? '（已归档）' : ''}
      </span>,
    );
  }
  if (check && !checking && problems.length === 0 && !check.existing) {
    lines.push(check.type === 'regno' ? '15 位注册号校验通过' : '代码校验通过');
  }
  const blocking = !!check?.existing || (problems.length > 0 && !check?.overridable) || (!!serverProblem && !serverProblem.overridable);
  const status = checking ? 'validating' : blocking ? 'error' : overridable ? (confirmed ? 'warning' : 'error') : check ? 'success' : undefined;

  return (
    <>
      <Form.Item
        name="uscc"
        label={label('uscc')}
        validateStatus={status ?? ''}
        // Constant, as is allowClear: a changing suffix would remount the input and lose the focus while typing.
        hasFeedback
        help={lines.length ? lines.map((l, i) => <div key={i}>{l}</div>) : '18 位统一社会信用代码；老个体户可填 15 位注册号；没有可不填'}
      >
        <Input
          allowClear
          maxLength={40}
          placeholder="如 91430623MA4P942F2Y"
          style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}
          onBlur={() => void runCheck()}
          onChange={() => {
            setCheck(null);
            onEdited();
          }}
        />
      </Form.Item>
      {overridable && (
        <>
          <Form.Item name="codeConfirmed" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>代码核对无误，确实如此</Checkbox>
          </Form.Item>
          {confirmed && (
            <Form.Item
              name="codeOverrideReason"
              label="核对说明"
              rules={[
                { required: true, message: '请说明如何核对过这个代码' },
                { min: 2, message: '至少 2 个字' },
              ]}
            >
              <Input.TextArea rows={2} maxLength={500} placeholder="如：早期试点代码，已与营业执照原件核对" />
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}
