// What the workload printers read from a pod template, and the wide columns they share.
import { wide } from '../printing.js';
import type { TableColumn } from '../resource.js';

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: {
    containers?: { name?: string; image?: string }[];
    nodeSelector?: Record<string, string>;
  };
}

/** The Containers and Images columns (priority 1) of every workload printer. */
export function containerColumns(): TableColumn[] {
  return [
    wide('Containers', 'string', 'Names of each container in the template.'),
    wide('Images', 'string', 'Images referenced by each container in the template.'),
  ];
}
