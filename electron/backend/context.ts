// Who is calling, carried from the transport to every service.
export interface RequestContext {
  /** The account name recorded in the audit trail. */
  actor: string;
}

export const LOCAL_ACTOR = '本机用户';
export const SYSTEM_ACTOR = '系统';
