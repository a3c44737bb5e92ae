// The fieldsV1 of `kubectl run <name> --image=…` on a real v1.32 cluster: the request and the
// defaults filled in before the field manager ran (not what mutating admission added afterwards).

export function kubectlRunFieldsV1(container: string): Record<string, unknown> {
  return {
    'f:metadata': { 'f:labels': { '.': {}, 'f:run': {} } },
    'f:spec': {
      'f:containers': {
        [`k:{"name":${JSON.stringify(container)}}`]: {
          '.': {},
          'f:image': {},
          'f:imagePullPolicy': {},
          'f:name': {},
          'f:resources': {},
          'f:terminationMessagePath': {},
          'f:terminationMessagePolicy': {},
        },
      },
      'f:dnsPolicy': {},
      'f:enableServiceLinks': {},
      'f:restartPolicy': {},
      'f:schedulerName': {},
      'f:securityContext': {},
      'f:terminationGracePeriodSeconds': {},
    },
  };
}
