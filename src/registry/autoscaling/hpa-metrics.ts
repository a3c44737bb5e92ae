// printers.go formatHPAMetrics: the Targets cell of a HorizontalPodAutoscaler, `current/target`
// per metric, at most two, then ` + N more...`. Quantities print as stored (Kubernetes would
// print their canonical form; a stored quantity is normally already canonical).
type Quantity = string | number;

interface MetricTarget {
  averageValue?: Quantity;
  value?: Quantity;
  averageUtilization?: number;
}
interface MetricValue {
  averageValue?: Quantity;
  value?: Quantity;
  averageUtilization?: number;
}
interface ResourceSource {
  name?: string;
  target?: MetricTarget;
  current?: MetricValue;
}
interface ValueSource {
  target?: MetricTarget;
  current?: MetricValue;
}

export interface MetricSpec {
  type?: string;
  resource?: ResourceSource;
  containerResource?: ResourceSource;
  pods?: ValueSource;
  object?: ValueSource;
  external?: ValueSource;
}
export type MetricStatus = MetricSpec;

const MAX_SHOWN = 2;
const UNKNOWN = '<unknown>';

const text = (q: Quantity | undefined): string => (q === undefined || q === null ? '' : String(q));

/** Object and External metrics: `cur/target (avg)` for an average target, else `cur/target`. */
function valueMetric(spec: ValueSource | undefined, status: ValueSource | undefined): string {
  if (spec?.target?.averageValue !== undefined) {
    const current = status?.current?.averageValue !== undefined ? text(status.current.averageValue) : UNKNOWN;
    return `${current}/${text(spec.target.averageValue)} (avg)`;
  }
  const current = status ? text(status.current?.value) : UNKNOWN;
  return `${current}/${text(spec?.target?.value)}`;
}

/** Resource and ContainerResource metrics: `name: cur/target`, utilisation as percentages. */
function resourceMetric(spec: ResourceSource | undefined, status: ResourceSource | undefined): string {
  const name = spec?.name ?? '';
  if (spec?.target?.averageValue !== undefined) {
    const current = status ? text(status.current?.averageValue) : UNKNOWN;
    return `${name}: ${current}/${text(spec.target.averageValue)}`;
  }
  const utilization = status?.current?.averageUtilization;
  const current = utilization !== undefined && utilization !== null ? `${utilization}%` : UNKNOWN;
  const targetUtilization = spec?.target?.averageUtilization;
  const target = targetUtilization !== undefined && targetUtilization !== null ? `${targetUtilization}%` : '<auto>';
  return `${name}: ${current}/${target}`;
}

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
      return valueMetric(spec.external, status?.external);
    case 'Pods': {
      const current = status?.pods ? text(status.pods.current?.averageValue) : UNKNOWN;
      return `${current}/${text(spec.pods?.target?.averageValue)}`;
    }
    case 'Object':
      return valueMetric(spec.object, status?.object);
    case 'Resource':
      return resourceMetric(spec.resource, status?.resource);
    case 'ContainerResource':
      return resourceMetric(spec.containerResource, status?.containerResource);
    default:
      return '<unknown type>';
  }
}

export function formatHPAMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  if (!specs?.length) return '<none>';
  const list = specs.map((spec, i) => formatMetric(spec, statuses?.[i]));
  if (list.length <= MAX_SHOWN) return list.join(', ');
  return `${list.slice(0, MAX_SHOWN).join(', ')} + ${list.length - MAX_SHOWN} more...`;
}
