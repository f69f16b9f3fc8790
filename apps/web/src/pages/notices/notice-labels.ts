/** Labels and roles for the notice screens. */
import type { NoticeLanguage, NoticeVariant, Role } from '../../api';

export const LANGUAGE_LABELS: Record<NoticeLanguage, string> = { en: 'English', es: 'Spanish (Español)', fr: 'French (Français)' };
export const VARIANT_LABELS: Record<NoticeVariant, string> = { standard: 'Standard', easy_read: 'Easy read (short sentences, simple words)' };
/** Who produces notices (core notices/notice.service.ts). */
export const NOTICE_MAKER_ROLES: readonly Role[] = ['admin', 'governance_officer', 'system_owner', 'caseworker', 'reviewer'];
