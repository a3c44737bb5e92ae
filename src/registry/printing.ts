// Building blocks of the server-side printers (pkg/printers/internalversion): column
// definitions, AGE as duration.HumanDuration, and the label, selector and list renderings the
// printers share.
import type { KubeObject } from '../api/types.js';
import type { TableColumn, TableColumnType } from './resource.js';

/** Column descriptions shown by `kubectl get -o json` of a Table: the ones Kubernetes prints. */
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export function column(name: string, type: TableColumnType = 'string', options: { priority?: number; format?: string; description?: string } = {}): TableColumn {
  return { name, type, format: options.format ?? '', description: options.description ?? name, priority: options.priority ?? 0 };
}

export const nameColumn = (): TableColumn => column('Name', 'string', { format: 'name', description: NAME_DESCRIPTION });
export const ageColumn = (): TableColumn => column('Age', 'string', { description: AGE_DESCRIPTION });
export const wide = (name: string, type: TableColumnType = 'string', description?: string): TableColumn =>
  column(name, type, { priority: 1, description });

/** duration.HumanDuration from apimachinery: whole units, floors, 1y = 365d. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  if (years < 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${years}y`;
}

/** HumanDuration since an RFC3339 timestamp, `<unknown>` when there is none. */
export function since(timestamp: string | null | undefined, now: Date): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now.getTime() - t);
}

export function age(obj: KubeObject, now: Date): string {
  return since(obj.metadata.creationTimestamp, now);
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when nil or empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  if (!selector) return '<none>';
  const parts: string[] = [];
  for (const k of Object.keys(selector.matchLabels ?? {}).sort()) parts.push(`${k}=${selector.matchLabels![k]}`);
  for (const r of selector.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(',');
    switch (r.operator) {
      case 'In':
        parts.push(`${r.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${r.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(r.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${r.key}`);
        break;
      default:
        return '<error>';
    }
  }
  return parts.length ? parts.join(',') : '<none>';
}

/** Joins at most `max` items with `,`, then ` + N more...`, as several printers do. */
export function joinWithMore(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(',');
  return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
}

interface Container {
  name?: string;
  image?: string;
}
interface PodTemplateLike {
  spec?: { containers?: Container[] };
}

/** The Containers and Images cells of workload printers. */
export function containersAndImages(template: PodTemplateLike | undefined): [string, string] {
  const containers = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name ?? '').join(','), containers.map((c) => c.image ?? '').join(',')];
}
