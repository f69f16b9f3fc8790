/**
 * How templates and versions look to the API: camelCase, who did what by name, documents only where
 * one version is asked for.
 */
import type { TemplateDocument } from '@glassbox/rules';
import type { AssessmentTemplate } from '../../db/schema.js';
import type { ImportReport } from './template-format.js';
import type { VersionHead, VersionWithTemplate } from './template.repository.js';

export type PersonRef = { id: string; displayName: string } | null;

export type TemplateVersionSummary = {
  id: string;
  version: number;
  status: 'draft' | 'published';
  contentHash: string;
  createdAt: Date;
  createdBy: PersonRef;
  publishedAt: Date | null;
  publishedBy: PersonRef;
};

export type TemplateView = {
  id: string;
  key: string;
  title: string;
  subject: 'system' | 'organisation';
  origin: 'builtin' | 'imported' | 'custom';
  /** Built-ins belong to no organisation and cannot be edited; clone one to adapt it. */
  builtin: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  latestPublished: TemplateVersionSummary | null;
  draft: TemplateVersionSummary | null;
  /** True when a new assessment of this key starts on this template (an organisation's own published, unarchived template wins over the built-in). */
  inUse: boolean;
};

export type TemplateDetailView = TemplateView & { versions: TemplateVersionSummary[] };

export type TemplateVersionView = TemplateVersionSummary & {
  templateId: string;
  key: string;
  builtin: boolean;
  document: TemplateDocument;
  importReport: ImportReport | null;
};

const person = (id: string | null, name: string | null): PersonRef => (id && name !== null ? { id, displayName: name } : null);

export function presentVersionSummary(v: VersionHead | VersionWithTemplate): TemplateVersionSummary {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    contentHash: v.content_hash,
    createdAt: v.created_at,
    createdBy: person(v.created_by, v.created_by_name),
    publishedAt: v.published_at,
    publishedBy: person(v.published_by, v.published_by_name),
  };
}

export function presentVersion(v: VersionWithTemplate): TemplateVersionView {
  return {
    ...presentVersionSummary(v),
    templateId: v.template_id,
    key: v.key,
    builtin: v.organisation_id === null,
    document: v.document as TemplateDocument,
    importReport: (v.import_report ?? null) as ImportReport | null,
  };
}

/** Presents templates with their current versions; marks which template each key resolves to. */
export function presentTemplates(templates: AssessmentTemplate[], heads: VersionHead[]): TemplateView[] {
  const published = new Map<string, VersionHead>();
  const drafts = new Map<string, VersionHead>();
  for (const h of heads) (h.status === 'draft' ? drafts : published).set(h.template_id, h);
  const ownInUse = new Set(templates.filter((t) => t.organisation_id !== null && t.archived_at === null && published.has(t.id)).map((t) => t.key));
  return templates.map((t) => {
    const p = published.get(t.id);
    const d = drafts.get(t.id);
    const inUse = p !== undefined && (t.organisation_id === null ? !ownInUse.has(t.key) : t.archived_at === null);
    return {
      id: t.id,
      key: t.key,
      title: t.title,
      subject: t.subject,
      origin: t.origin,
      builtin: t.organisation_id === null,
      archivedAt: t.archived_at,
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      latestPublished: p ? presentVersionSummary(p) : null,
      draft: d ? presentVersionSummary(d) : null,
      inUse,
    };
  });
}
