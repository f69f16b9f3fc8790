/** Labels, tones and roles for the consultation screens. */
import type { CommentStatus, ConsultationState, Role } from '../../api';
import type { Tone } from '../../components/status-tag';

export const STATE_LABELS: Record<ConsultationState, string> = { scheduled: 'Not open yet', open: 'Open for comments', closed: 'Closed' };
export const STATE_TONES: Record<ConsultationState, Tone> = { scheduled: 'neutral', open: 'success', closed: 'info' };
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = { pending: 'Waiting for moderation', approved: 'Published', rejected: 'Not published' };
export const COMMENT_STATUS_TONES: Record<CommentStatus, Tone> = { pending: 'warning', approved: 'success', rejected: 'neutral' };
/** Who opens consultations (core consultations/consultation.service.ts); system owners on their own systems. */
export const CONSULTATION_MANAGER_ROLES: readonly Role[] = ['admin', 'governance_officer', 'system_owner'];
