// Showing only what the signed-in role may do: a button that needs a method, or a note in place of
// a page whose only purpose is a write the role may not make.
import { Alert } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { roleLabels } from '../../../shared/accounts';
import type { MethodName } from '../../../shared/contract';
import { useAuth, useCan, useRole } from './auth';

/** Renders `children` only when the signed-in role may call `method`. */
export function Can({ method, children }: { method: MethodName; children: ReactNode }) {
  return useCan(method) ? <>{children}</> : null;
}

/** “当前账户（只读）不能出具文书”: `doing` is what the role may not do. */
export function CannotNotice({ doing, style }: { doing: string; style?: CSSProperties }) {
  const role = useRole();
  return (
    <Alert
      type="info"
      showIcon
      style={style}
      data-testid="role-cannot"
      title={`当前账户（${role ? roleLabels[role] : '未登录'}）不能${doing}`}
      description="如需办理，请管理员调整账户的角色，或换用有权限的账户登录。"
    />
  );
}

/** A write page: its content when the role may call `method`, otherwise a note saying it may not. */
export function RequireCan({ method, doing, children }: { method: MethodName; doing: string; children: ReactNode }) {
  const may = useCan(method);
  // Until the sign-in state is known, neither the page nor a refusal that may not apply.
  if (useAuth().isPending) return null;
  return may ? <>{children}</> : <CannotNotice doing={doing} />;
}
