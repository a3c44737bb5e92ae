// The selector a Job gets unless it asks for a manual one (pkg/registry/batch/job/strategy.go
// generateSelector): its pods are labelled with the Job's name and uid, both under the
// batch.kubernetes.io/ prefix and the legacy bare names, and selected by the uid label.
// Labels the user already set are kept; a conflict is left to validation, as in Kubernetes.
import type { KubeObject } from '../../api/types.js';
import type { LabelSelector } from '../printing.js';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
const LEGACY_JOB_NAME_LABEL = 'job-name';

interface SelectableJob extends KubeObject {
  spec?: {
    manualSelector?: boolean;
    selector?: LabelSelector;
    template?: { metadata?: { labels?: Record<string, string> } };
  };
}

/** A label map with its keys in order, as Kubernetes serializes maps. */
function sorted(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Needs metadata.uid: call it after the store has filled the system fields. */
export function generateJobSelector(obj: KubeObject): void {
  const job = obj as SelectableJob;
  if (job.spec?.manualSelector === true) return;
  const name = obj.metadata.name ?? '';
  const uid = obj.metadata.uid ?? '';
  const spec = (job.spec ??= {});
  const template = (spec.template ??= {});
  const meta = (template.metadata ??= {});
  meta.labels = sorted({
    [LEGACY_JOB_NAME_LABEL]: name,
    [JOB_NAME_LABEL]: name,
    [LEGACY_CONTROLLER_UID_LABEL]: uid,
    [CONTROLLER_UID_LABEL]: uid,
    ...meta.labels,
  });
  const selector = (spec.selector ??= {});
  selector.matchLabels = sorted({ [CONTROLLER_UID_LABEL]: uid, ...selector.matchLabels });
}
