// Bodies real kubectl v1.32.4 POSTed for `kubectl create <generator>` and `kubectl autoscale` (typed
// clients send protobuf), captured through a logging proxy, each with the JSON the same command printed
// with `-o json --dry-run=client`: kubectl's own JSON for the same object (test-only).

export interface CreateCapture {
  /** The arguments after `kubectl`. */
  command: string;
  /** The raw request body, base64. */
  body: string;
  /** What the dry run printed. */
  json: Record<string, unknown>;
}

export const KUBECTL_CREATE_CAPTURES: CreateCapture[] = [
  {
    command: 'create configmap cm1 --from-literal=a=b --from-literal=c=d',
    body: 'azhzAAoPCgJ2MRIJQ29uZmlnTWFwEiUKEwoDY20xEgAaACIAKgAyADgAQgASBgoBYRIBYhIGCgFjEgFkGgAiAA==',
    json: {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm1","creationTimestamp":null},"data":{"a":"b","c":"d"}},
  },
  {
    command: 'create configmap cm2 --from-file=bin.dat --from-file=hello.txt',
    body:
      'azhzAAoPCgJ2MRIJQ29uZmlnTWFwEjsKEwoDY20yEgAaACIAKgAyADgAQgASEwoJaGVsbG8udHh0EgZoZWxsbwoaDwoHYmlu' +
      'LmRhdBIEAAH//hoAIgA=',
    json: {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"cm2","creationTimestamp":null},"data":{"hello.txt":"hello\n"},"binaryData":{"bin.dat":"AAH//g=="}},
  },
  {
    command: 'create secret generic s1 --from-literal=user=admin --from-literal=pw=',
    body: 'azhzAAoMCgJ2MRIGU2VjcmV0Ei0KEgoCczESABoAIgAqADIAOABCABIGCgJwdxIAEg0KBHVzZXISBWFkbWluGgAaACIA',
    json: {"kind":"Secret","apiVersion":"v1","metadata":{"name":"s1","creationTimestamp":null},"data":{"pw":"","user":"YWRtaW4="}},
  },
  {
    command: 'create secret generic s2 --from-file=bin.dat --type=example.com/t',
    body:
      'azhzAAoMCgJ2MRIGU2VjcmV0EjQKEgoCczISABoAIgAqADIAOABCABIPCgdiaW4uZGF0EgQAAf/+Gg1leGFtcGxlLmNvbS90' +
      'GgAiAA==',
    json: {"kind":"Secret","apiVersion":"v1","metadata":{"name":"s2","creationTimestamp":null},"data":{"bin.dat":"AAH//g=="},"type":"example.com/t"},
  },
  {
    command: 'create secret tls s3 --cert=tls.crt --key=tls.key',
    body:
      'azhzAAoMCgJ2MRIGU2VjcmV0EroNChIKAnMzEgAaACIAKgAyADgAQgAS7QUKB3Rscy5jcnQS4QUtLS0tLUJFR0lOIENFUlRJ' +
      'RklDQVRFLS0tLS0KTUlJQjlEQ0NBVjJnQXdJQkFnSVVhc01hbTloTTltbnhSN0FKLzZmWUptY2FCNzR3RFFZSktvWklodmNO' +
      'QVFFTApCUUF3RERFS01BZ0dBMVVFQXd3QmVEQWVGdzB5TmpFeE1qa3hPVE0wTURoYUZ3MHlOakV5TURFeE9UTTBNRGhhCk1B' +
      'd3hDakFJQmdOVkJBTU1BWGd3Z1o4d0RRWUpLb1pJaHZjTkFRRUJCUUFEZ1kwQU1JR0pBb0dCQU1jVC9ZV3IKWEZWL3FTRVB6' +
      'aHFtelJRbmQxL2ZHSGRLL2JRblZGOFVTMmxhVjRINEwwVHRVTUt5eVREbytucE9wWGpmYll2OQpRK1hSN2VCVWRPUlQ1R0Mx' +
      'NHZHRzF3d09BUGE5YnRXME95Q2xGZDdBZTlBQ0t3VjhWZzR0Y1lyeE9xZzRoSEROCjRibFdlRklsT0NiZWd0UDJDTE5BQTBY' +
      'RE1ieE9uV1c4cTcvSkFnTUJBQUdqVXpCUk1CMEdBMVVkRGdRV0JCUUUKMHdSRVRmN1IyOTdiNkYwTFFhZWdPZVNocFRBZkJn' +
      'TlZIU01FR0RBV2dCUUUwd1JFVGY3UjI5N2I2RjBMUWFlZwpPZVNocFRBUEJnTlZIUk1CQWY4RUJUQURBUUgvTUEwR0NTcUdT' +
      'SWIzRFFFQkN3VUFBNEdCQUFlSXFRSWN6dDF4CjVJclNabHIyd1ZQRnRUNDVpdmh6ck5jYm1pVXA4T2VDekNHVXRVYnpJZzdG' +
      'b1c1NjV3YjdOY2NWaXg2Y2V3SnYKVzRJSWtuU2Jpdmc1VlRqNkt1cEhBQTNOTGdzQWZrNUxLcjNRQzZkbklEWEJKQ0krUXV5' +
      'L2F0N0RkZE5rdS9jQwp1MGp6R001K2pJVUU0cEJwdVB4MEJ1UXZqRm5oQzhCdgotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0t' +
      'ChKgBwoHdGxzLmtleRKUBy0tLS0tQkVHSU4gUFJJVkFURSBLRVktLS0tLQpNSUlDZHdJQkFEQU5CZ2txaGtpRzl3MEJBUUVG' +
      'QUFTQ0FtRXdnZ0pkQWdFQUFvR0JBTWNUL1lXclhGVi9xU0VQCnpocW16UlFuZDEvZkdIZEsvYlFuVkY4VVMybGFWNEg0TDBU' +
      'dFVNS3l5VERvK25wT3BYamZiWXY5UStYUjdlQlUKZE9SVDVHQzE0dkdHMXd3T0FQYTlidFcwT3lDbEZkN0FlOUFDS3dWOFZn' +
      'NHRjWXJ4T3FnNGhIRE40YmxXZUZJbApPQ2JlZ3RQMkNMTkFBMFhETWJ4T25XVzhxNy9KQWdNQkFBRUNnWUEwWVpJbmhiczUw' +
      'K2xRaGJRWlZ5SkcxMHVWCnNrSGh3WjJYdFhHQnd2bEVzenlyT2Y1V0NJdGpiMTk0dXhTTThmeWdIVW5adDc0UnpuYmt1OVEx' +
      'Nzh6N0huUTUKT01RS29jbXNTSmFXb0hua1BKdkJvYVRpcDZ4WVpGZStqbHU3ZFNQTWVMS0lKWDluUm4wN0hXdWdmU2U2aTNH' +
      'Wgo2Z2dSOG5Wc1VqbnB3WnUyd1FKQkFPdytVZ3FCV0VKaUo0TUgxajRvbWtEU3hTSm5GeTl0Smg3a0U1bktNUXM5Cmw4YStI' +
      'SEJBYzZ6THZoS3FWRk40N1BUWWoxNGhnTi9qOXZXQzhaTDdaRlVDUVFEWHVnRno4V25XSUdscGdvRDkKUjVwT3BaVktuRW55' +
      'YUZ3dGhXblVTYTFndm9LU05tNmMwZlJtRnJzNTB5ZEZZUlM5NTZ3N0toa09NQW5ETUFLUwpBTUdsQWtCQ01vUlNwVVBSOWlj' +
      'VU5GSDRRUEJZVWJjam1MZUtkbzlFQUt6dFh4YTNDNTlIOVdXS25zVExHcHc4CkpyWlNYWVFvWjdaa3JnYXF0Zm94ZVd1dnYv' +
      'bXhBa0VBanB2TDhoV1pYWkEzbnlSQ21TMEllUTFGVC9sWmVRSTgKVFd0d3RvR3VOOUk1QnVjczRFWjdSakdvdTJVM0JNcFVw' +
      'K1hMR2FHT3hxNURCZUZyRVpHbWNRSkJBT2xHcVpNQgpRcEM1c2lqTS9GdDd4NTMvRWxqVkJzYXNYQk5KaExnaVY1aWphZndr' +
      'UURzdGNFdnpaVXdRZlZoTnJUOWsxbTBkCm5ieUh6LzVHNlFlMmszND0KLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQoaEWt1' +
      'YmVybmV0ZXMuaW8vdGxzGgAiAA==',
    json: {"kind":"Secret","apiVersion":"v1","metadata":{"name":"s3","creationTimestamp":null},"data":{"tls.crt":"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUI5RENDQVYyZ0F3SUJBZ0lVYXNNYW05aE05bW54UjdBSi82ZllKbWNhQjc0d0RRWUpLb1pJaHZjTkFRRUwKQlFBd0RERUtNQWdHQTFVRUF3d0JlREFlRncweU5qRXhNamt4T1RNME1EaGFGdzB5TmpFeU1ERXhPVE0wTURoYQpNQXd4Q2pBSUJnTlZCQU1NQVhnd2daOHdEUVlKS29aSWh2Y05BUUVCQlFBRGdZMEFNSUdKQW9HQkFNY1QvWVdyClhGVi9xU0VQemhxbXpSUW5kMS9mR0hkSy9iUW5WRjhVUzJsYVY0SDRMMFR0VU1LeXlURG8rbnBPcFhqZmJZdjkKUStYUjdlQlVkT1JUNUdDMTR2R0cxd3dPQVBhOWJ0VzBPeUNsRmQ3QWU5QUNLd1Y4Vmc0dGNZcnhPcWc0aEhETgo0YmxXZUZJbE9DYmVndFAyQ0xOQUEwWERNYnhPbldXOHE3L0pBZ01CQUFHalV6QlJNQjBHQTFVZERnUVdCQlFFCjB3UkVUZjdSMjk3YjZGMExRYWVnT2VTaHBUQWZCZ05WSFNNRUdEQVdnQlFFMHdSRVRmN1IyOTdiNkYwTFFhZWcKT2VTaHBUQVBCZ05WSFJNQkFmOEVCVEFEQVFIL01BMEdDU3FHU0liM0RRRUJDd1VBQTRHQkFBZUlxUUljenQxeAo1SXJTWmxyMndWUEZ0VDQ1aXZoenJOY2JtaVVwOE9lQ3pDR1V0VWJ6SWc3Rm9XNTY1d2I3TmNjVml4NmNld0p2Clc0SUlrblNiaXZnNVZUajZLdXBIQUEzTkxnc0FmazVMS3IzUUM2ZG5JRFhCSkNJK1F1eS9hdDdEZGROa3UvY0MKdTBqekdNNStqSVVFNHBCcHVQeDBCdVF2akZuaEM4QnYKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=","tls.key":"LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUNkd0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQW1Fd2dnSmRBZ0VBQW9HQkFNY1QvWVdyWEZWL3FTRVAKemhxbXpSUW5kMS9mR0hkSy9iUW5WRjhVUzJsYVY0SDRMMFR0VU1LeXlURG8rbnBPcFhqZmJZdjlRK1hSN2VCVQpkT1JUNUdDMTR2R0cxd3dPQVBhOWJ0VzBPeUNsRmQ3QWU5QUNLd1Y4Vmc0dGNZcnhPcWc0aEhETjRibFdlRklsCk9DYmVndFAyQ0xOQUEwWERNYnhPbldXOHE3L0pBZ01CQUFFQ2dZQTBZWkluaGJzNTArbFFoYlFaVnlKRzEwdVYKc2tIaHdaMlh0WEdCd3ZsRXN6eXJPZjVXQ0l0amIxOTR1eFNNOGZ5Z0hVblp0NzRSem5ia3U5UTE3OHo3SG5RNQpPTVFLb2Ntc1NKYVdvSG5rUEp2Qm9hVGlwNnhZWkZlK2psdTdkU1BNZUxLSUpYOW5SbjA3SFd1Z2ZTZTZpM0daCjZnZ1I4blZzVWpucHdadTJ3UUpCQU93K1VncUJXRUppSjRNSDFqNG9ta0RTeFNKbkZ5OXRKaDdrRTVuS01RczkKbDhhK0hIQkFjNnpMdmhLcVZGTjQ3UFRZajE0aGdOL2o5dldDOFpMN1pGVUNRUURYdWdGejhXbldJR2xwZ29EOQpSNXBPcFpWS25FbnlhRnd0aFduVVNhMWd2b0tTTm02YzBmUm1GcnM1MHlkRllSUzk1Nnc3S2hrT01BbkRNQUtTCkFNR2xBa0JDTW9SU3BVUFI5aWNVTkZINFFQQllVYmNqbUxlS2RvOUVBS3p0WHhhM0M1OUg5V1dLbnNUTEdwdzgKSnJaU1hZUW9aN1prcmdhcXRmb3hlV3V2di9teEFrRUFqcHZMOGhXWlhaQTNueVJDbVMwSWVRMUZUL2xaZVFJOApUV3R3dG9HdU45STVCdWNzNEVaN1JqR291MlUzQk1wVXArWExHYUdPeHE1REJlRnJFWkdtY1FKQkFPbEdxWk1CClFwQzVzaWpNL0Z0N3g1My9FbGpWQnNhc1hCTkpoTGdpVjVpamFmd2tRRHN0Y0V2elpVd1FmVmhOclQ5azFtMGQKbmJ5SHovNUc2UWUyazM0PQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg=="},"type":"kubernetes.io/tls"},
  },
  {
    command: 'create secret docker-registry s4 --docker-server=r.io --docker-username=u --docker-password=p --docker-email=e@x.io',
    body:
      'azhzAAoMCgJ2MRIGU2VjcmV0EpwBChIKAnM0EgAaACIAKgAyADgAQgASZgoRLmRvY2tlcmNvbmZpZ2pzb24SUXsiYXV0aHMi' +
      'Onsici5pbyI6eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InAiLCJlbWFpbCI6ImVAeC5pbyIsImF1dGgiOiJkVHB3In19' +
      'fRoea3ViZXJuZXRlcy5pby9kb2NrZXJjb25maWdqc29uGgAiAA==',
    json: {"kind":"Secret","apiVersion":"v1","metadata":{"name":"s4","creationTimestamp":null},"data":{".dockerconfigjson":"eyJhdXRocyI6eyJyLmlvIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImVtYWlsIjoiZUB4LmlvIiwiYXV0aCI6ImRUcHcifX19"},"type":"kubernetes.io/dockerconfigjson"},
  },
  {
    command: 'create deployment web --image=nginx --replicas=2 --port=80',
    body:
      'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50ErgBCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEoYBCAISDAoK' +
      'CgNhcHASA3dlYhpsChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEkwSLgoFbmdpbngSBW5naW54KgAyCgoAEAAYUCIA' +
      'KgBCAGoAcgCAAQCIAQCQAQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoA' +
      'IgA=',
    json: {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":80}],"resources":{}}]}},"strategy":{}},"status":{}},
  },
  {
    command: 'create job j1 --image=busybox',
    body:
      'azhzAAoPCghiYXRjaC92MRIDSm9iEnoKEgoCajESABoAIgAqADIAOABCABJaMlgKEAoAEgAaACIAKgAyADgAQgASRBIhCgJq' +
      'MRIHYnVzeWJveCoAQgBqAHIAgAEAiAEAkAEAogEAGgVOZXZlcjIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAGgggACgAMAA6' +
      'ABoAIgA=',
    json: {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j1","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j1","image":"busybox","resources":{}}],"restartPolicy":"Never"}}},"status":{}},
  },
  {
    command: 'create job j2 --image=busybox -- echo hi there',
    body:
      'azhzAAoPCghiYXRjaC92MRIDSm9iEosBChIKAmoyEgAaACIAKgAyADgAQgASazJpChAKABIAGgAiACoAMgA4AEIAElUSMgoC' +
      'ajISB2J1c3lib3gaBGVjaG8aAmhpGgV0aGVyZSoAQgBqAHIAgAEAiAEAkAEAogEAGgVOZXZlcjIAQgBKAFIAWABgAGgAggEA' +
      'igEAmgEAwgEAGgggACgAMAA6ABoAIgA=',
    json: {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j2","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j2","image":"busybox","command":["echo","hi","there"],"resources":{}}],"restartPolicy":"Never"}}},"status":{}},
  },
  {
    command: "create cronjob c1 --image=busybox '--schedule=*/1 * * * *'",
    body:
      'azhzAAoTCghiYXRjaC92MRIHQ3JvbkpvYhKeAQoSCgJjMRIAGgAiACoAMgA4AEIAEoUBCgsqLzEgKiAqICogKhoAKnQKEgoC' +
      'YzESABoAIgAqADIAOABCABJeMlwKEAoAEgAaACIAKgAyADgAQgASSBIhCgJjMRIHYnVzeWJveCoAQgBqAHIAgAEAiAEAkAEA' +
      'ogEAGglPbkZhaWx1cmUyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBABoAGgAiAA==',
    json: {"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"c1","creationTimestamp":null},"spec":{"schedule":"*/1 * * * *","jobTemplate":{"metadata":{"name":"c1","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c1","image":"busybox","resources":{}}],"restartPolicy":"OnFailure"}}}}},"status":{}},
  },
  {
    command: "create cronjob c2 --image=busybox '--schedule=0 0 * * *' --restart=Never -- date",
    body:
      'azhzAAoTCghiYXRjaC92MRIHQ3JvbkpvYhKeAQoSCgJjMhIAGgAiACoAMgA4AEIAEoUBCgkwIDAgKiAqICoaACp2ChIKAmMy' +
      'EgAaACIAKgAyADgAQgASYDJeChAKABIAGgAiACoAMgA4AEIAEkoSJwoCYzISB2J1c3lib3gaBGRhdGUqAEIAagByAIABAIgB' +
      'AJABAKIBABoFTmV2ZXIyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBABoAGgAiAA==',
    json: {"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"c2","creationTimestamp":null},"spec":{"schedule":"0 0 * * *","jobTemplate":{"metadata":{"name":"c2","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c2","image":"busybox","command":["date"],"resources":{}}],"restartPolicy":"Never"}}}}},"status":{}},
  },
  {
    command: 'create service clusterip sv1 --tcp=80:8080',
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJpCh8KA3N2MRIAGgAiACoAMgA4AEIAWgoKA2FwcBIDc3YxEkIKGwoHODAtODA4MBIDVENQ' +
      'GFAiBwgAEJA/GgAoABIKCgNhcHASA3N2MRoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==',
    json: {"kind":"Service","apiVersion":"v1","metadata":{"name":"sv1","creationTimestamp":null,"labels":{"app":"sv1"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],"selector":{"app":"sv1"},"type":"ClusterIP"},"status":{"loadBalancer":{}}},
  },
  {
    command: 'create service clusterip sv2 --clusterip=None',
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJQCh8KA3N2MhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDc3YyEikSCgoDYXBwEgNzdjIaBE5v' +
      'bmUiCUNsdXN0ZXJJUDoAQgBSAFoAYABoABoCCgAaACIA',
    json: {"kind":"Service","apiVersion":"v1","metadata":{"name":"sv2","creationTimestamp":null,"labels":{"app":"sv2"}},"spec":{"selector":{"app":"sv2"},"clusterIP":"None","type":"ClusterIP"},"status":{"loadBalancer":{}}},
  },
  {
    command: 'create service nodeport sv3 --tcp=5678:8080 --node-port=30080',
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJtCh8KA3N2MxIAGgAiACoAMgA4AEIAWgoKA2FwcBIDc3YzEkYKIAoJNTY3OC04MDgwEgNU' +
      'Q1AYriwiBwgAEJA/GgAogOsBEgoKA2FwcBIDc3YzGgAiCE5vZGVQb3J0OgBCAFIAWgBgAGgAGgIKABoAIgA=',
    json: {"kind":"Service","apiVersion":"v1","metadata":{"name":"sv3","creationTimestamp":null,"labels":{"app":"sv3"}},"spec":{"ports":[{"name":"5678-8080","protocol":"TCP","port":5678,"targetPort":8080,"nodePort":30080}],"selector":{"app":"sv3"},"type":"NodePort"},"status":{"loadBalancer":{}}},
  },
  {
    command: 'create service loadbalancer sv4 --tcp=80:http,443:8443',
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRKOAQofCgNzdjQSABoAIgAqADIAOABCAFoKCgNhcHASA3N2NBJnCh4KBzgwLWh0dHASA1RD' +
      'UBhQIgoIARAAGgRodHRwKAAKHQoINDQzLTg0NDMSA1RDUBi7AyIHCAAQ+0EaACgAEgoKA2FwcBIDc3Y0GgAiDExvYWRCYWxh' +
      'bmNlcjoAQgBSAFoAYABoABoCCgAaACIA',
    json: {"kind":"Service","apiVersion":"v1","metadata":{"name":"sv4","creationTimestamp":null,"labels":{"app":"sv4"}},"spec":{"ports":[{"name":"80-http","protocol":"TCP","port":80,"targetPort":"http"},{"name":"443-8443","protocol":"TCP","port":443,"targetPort":8443}],"selector":{"app":"sv4"},"type":"LoadBalancer"},"status":{"loadBalancer":{}}},
  },
  {
    command: 'create service externalname sv5 --external-name=example.com',
    body:
      'azhzAAoNCgJ2MRIHU2VydmljZRJaCh8KA3N2NRIAGgAiACoAMgA4AEIAWgoKA2FwcBIDc3Y1EjMSCgoDYXBwEgNzdjUaACIM' +
      'RXh0ZXJuYWxOYW1lOgBCAFILZXhhbXBsZS5jb21aAGAAaAAaAgoAGgAiAA==',
    json: {"kind":"Service","apiVersion":"v1","metadata":{"name":"sv5","creationTimestamp":null,"labels":{"app":"sv5"}},"spec":{"selector":{"app":"sv5"},"type":"ExternalName","externalName":"example.com"},"status":{"loadBalancer":{}}},
  },
  {
    command: 'create serviceaccount sa1',
    body: 'azhzAAoUCgJ2MRIOU2VydmljZUFjY291bnQSFQoTCgNzYTESABoAIgAqADIAOABCABoAIgA=',
    json: {"kind":"ServiceAccount","apiVersion":"v1","metadata":{"name":"sa1","creationTimestamp":null}},
  },
  {
    command: 'create quota q1 --hard=pods=2',
    body: 'azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRIlChIKAnExEgAaACIAKgAyADgAQgASDQoLCgRwb2RzEgMKATIaABoAIgA=',
    json: {"kind":"ResourceQuota","apiVersion":"v1","metadata":{"name":"q1","creationTimestamp":null},"spec":{"hard":{"pods":"2"}},"status":{}},
  },
  {
    command: 'create quota q2 --hard=cpu=1,memory=1Gi,requests.storage=10Gi --scopes=BestEffort,NotTerminating',
    body:
      'azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRJtChIKAnEyEgAaACIAKgAyADgAQgASVQoKCgNjcHUSAwoBMQoPCgZtZW1vcnkS' +
      'BQoDMUdpChoKEHJlcXVlc3RzLnN0b3JhZ2USBgoEMTBHaRIKQmVzdEVmZm9ydBIOTm90VGVybWluYXRpbmcaABoAIgA=',
    json: {"kind":"ResourceQuota","apiVersion":"v1","metadata":{"name":"q2","creationTimestamp":null},"spec":{"hard":{"cpu":"1","memory":"1Gi","requests.storage":"10Gi"},"scopes":["BestEffort","NotTerminating"]},"status":{}},
  },
  {
    command: 'create priorityclass pc1 --value=10',
    body:
      'azhzAAolChRzY2hlZHVsaW5nLms4cy5pby92MRINUHJpb3JpdHlDbGFzcxIxChMKA3BjMRIAGgAiACoAMgA4AEIAEAoYACIA' +
      'KhRQcmVlbXB0TG93ZXJQcmlvcml0eRoAIgA=',
    json: {"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"pc1","creationTimestamp":null},"value":10,"preemptionPolicy":"PreemptLowerPriority"},
  },
  {
    command: 'create priorityclass pc2 --value=1000 --global-default --description=high --preemption-policy=Never',
    body:
      'azhzAAolChRzY2hlZHVsaW5nLms4cy5pby92MRINUHJpb3JpdHlDbGFzcxInChMKA3BjMhIAGgAiACoAMgA4AEIAEOgHGAEi' +
      'BGhpZ2gqBU5ldmVyGgAiAA==',
    json: {"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"pc2","creationTimestamp":null},"value":1000,"globalDefault":true,"description":"high","preemptionPolicy":"Never"},
  },
  {
    command: 'create poddisruptionbudget pdb1 --selector=a=b --min-available=1',
    body:
      'azhzAAogCglwb2xpY3kvdjESE1BvZERpc3J1cHRpb25CdWRnZXQSNgoUCgRwZGIxEgAaACIAKgAyADgAQgASEgoGCAAQARoA' +
      'EggKBgoBYRIBYhoKCAAYACAAKAAwABoAIgA=',
    json: {"kind":"PodDisruptionBudget","apiVersion":"policy/v1","metadata":{"name":"pdb1","creationTimestamp":null},"spec":{"minAvailable":1,"selector":{"matchLabels":{"a":"b"}}},"status":{"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0}},
  },
  {
    command: "create poddisruptionbudget pdb2 '--selector=app=web,tier in (fe)' --max-unavailable=50%",
    body:
      'azhzAAogCglwb2xpY3kvdjESE1BvZERpc3J1cHRpb25CdWRnZXQSTQoUCgRwZGIyEgAaACIAKgAyADgAQgASKRIcCgoKA2Fw' +
      'cBIDd2ViEg4KBHRpZXISAkluGgJmZRoJCAEQABoDNTAlGgoIABgAIAAoADAAGgAiAA==',
    json: {"kind":"PodDisruptionBudget","apiVersion":"policy/v1","metadata":{"name":"pdb2","creationTimestamp":null},"spec":{"selector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["fe"]}]},"maxUnavailable":"50%"},"status":{"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0}},
  },
  {
    command: 'create ingress in1 --rule=foo.com/bar=svc:80',
    body:
      'azhzAAofChRuZXR3b3JraW5nLms4cy5pby92MRIHSW5ncmVzcxJIChMKA2luMRIAGgAiACoAMgA4AEIAEi0aKwoHZm9vLmNv' +
      'bRIgCh4KHAoEL2JhchINIgsKA3N2YxIECgAQUBoFRXhhY3QaAgoAGgAiAA==',
    json: {"kind":"Ingress","apiVersion":"networking.k8s.io/v1","metadata":{"name":"in1","creationTimestamp":null},"spec":{"rules":[{"host":"foo.com","http":{"paths":[{"path":"/bar","pathType":"Exact","backend":{"service":{"name":"svc","port":{"number":80}}}}]}}]},"status":{"loadBalancer":{}}},
  },
  {
    command: "create ingress in2 --class=nginx --default-backend=defsvc:http '--rule=foo.com/*=svc1:8080,tls=my-cert' --rule=bar.com/a=svc2:http --annotation=x=y",
    body:
      'azhzAAofChRuZXR3b3JraW5nLms4cy5pby92MRIHSW5ncmVzcxKyAQobCgNpbjISABoAIgAqADIAOABCAGIGCgF4EgF5Eo4B' +
      'ChQiEgoGZGVmc3ZjEggKBGh0dHAQABISCgdmb28uY29tEgdteS1jZXJ0GisKB2Zvby5jb20SIAoeChwKAS8SDyINCgRzdmMx' +
      'EgUKABCQPxoGUHJlZml4Gi4KB2Jhci5jb20SIwohCh8KAi9hEhIiEAoEc3ZjMhIICgRodHRwEAAaBUV4YWN0IgVuZ2lueBoC' +
      'CgAaACIA',
    json: {"kind":"Ingress","apiVersion":"networking.k8s.io/v1","metadata":{"name":"in2","creationTimestamp":null,"annotations":{"x":"y"}},"spec":{"ingressClassName":"nginx","defaultBackend":{"service":{"name":"defsvc","port":{"name":"http"}}},"tls":[{"hosts":["foo.com"],"secretName":"my-cert"}],"rules":[{"host":"foo.com","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"svc1","port":{"number":8080}}}}]}},{"host":"bar.com","http":{"paths":[{"path":"/a","pathType":"Exact","backend":{"service":{"name":"svc2","port":{"name":"http"}}}}]}}]},"status":{"loadBalancer":{}}},
  },
  {
    command: 'create role r1 --verb=get --resource=pods',
    body:
      'azhzAAokChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgRSb2xlEiMKEgoCcjESABoAIgAqADIAOABCABINCgNnZXQS' +
      'ABoEcG9kcxoAIgA=',
    json: {"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r1","creationTimestamp":null},"rules":[{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}]},
  },
  {
    command: 'create role r2 --verb=get,list,watch --resource=pods,deployments.apps,pods/log --resource-name=a --resource-name=b',
    body:
      'azhzAAokChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgRSb2xlEm0KEgoCcjISABoAIgAqADIAOABCABIqCgNnZXQK' +
      'BGxpc3QKBXdhdGNoEgAaBHBvZHMaCHBvZHMvbG9nIgFhIgFiEisKA2dldAoEbGlzdAoFd2F0Y2gSBGFwcHMaC2RlcGxveW1l' +
      'bnRzIgFhIgFiGgAiAA==',
    json: {"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r2","creationTimestamp":null},"rules":[{"verbs":["get","list","watch"],"apiGroups":[""],"resources":["pods","pods/log"],"resourceNames":["a","b"]},{"verbs":["get","list","watch"],"apiGroups":["apps"],"resources":["deployments"],"resourceNames":["a","b"]}]},
  },
  {
    command: 'create rolebinding rb1 --role=x --user=u',
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtSb2xlQmluZGluZxJjChMKA3JiMRIAGgAiACoAMgA4AEIA' +
      'EiYKBFVzZXISGXJiYWMuYXV0aG9yaXphdGlvbi5rOHMuaW8aAXUiABokChlyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvEgRS' +
      'b2xlGgF4GgAiAA==',
    json: {"kind":"RoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"rb1","creationTimestamp":null},"subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"u"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"x"}},
  },
  {
    command: 'create rolebinding rb2 --clusterrole=view --user=u --group=g --serviceaccount=default:sa1',
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtSb2xlQmluZGluZxK4AQoTCgNyYjISABoAIgAqADIAOABC' +
      'ABImCgRVc2VyEhlyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvGgF1IgASJwoFR3JvdXASGXJiYWMuYXV0aG9yaXphdGlvbi5r' +
      'OHMuaW8aAWciABIgCg5TZXJ2aWNlQWNjb3VudBIAGgNzYTEiB2RlZmF1bHQaLgoZcmJhYy5hdXRob3JpemF0aW9uLms4cy5p' +
      'bxILQ2x1c3RlclJvbGUaBHZpZXcaACIA',
    json: {"kind":"RoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"rb2","creationTimestamp":null},"subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"u"},{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"g"},{"kind":"ServiceAccount","name":"sa1","namespace":"default"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}},
  },
  {
    command: 'create clusterrole cr1 --verb=get --resource=pods',
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtDbHVzdGVyUm9sZRIkChMKA2NyMRIAGgAiACoAMgA4AEIA' +
      'Eg0KA2dldBIAGgRwb2RzGgAiAA==',
    json: {"kind":"ClusterRole","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"cr1","creationTimestamp":null},"rules":[{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}]},
  },
  {
    command: "create clusterrole cr2 --verb=get '--non-resource-url=/logs/*' --verb=post",
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtDbHVzdGVyUm9sZRIrChMKA2NyMhIAGgAiACoAMgA4AEIA' +
      'EhQKA2dldAoEcG9zdCoHL2xvZ3MvKhoAIgA=',
    json: {"kind":"ClusterRole","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"cr2","creationTimestamp":null},"rules":[{"verbs":["get","post"],"nonResourceURLs":["/logs/*"]}]},
  },
  {
    command: 'create clusterrole cr3 --aggregation-rule=rbac.example.com/aggregate-to-monitoring=true',
    body:
      'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtDbHVzdGVyUm9sZRJLChMKA2NyMxIAGgAiACoAMgA4AEIA' +
      'GjQKMgowCihyYmFjLmV4YW1wbGUuY29tL2FnZ3JlZ2F0ZS10by1tb25pdG9yaW5nEgR0cnVlGgAiAA==',
    json: {"kind":"ClusterRole","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"cr3","creationTimestamp":null},"rules":null,"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.example.com/aggregate-to-monitoring":"true"}}]}},
  },
  {
    command: 'create clusterrolebinding crb1 --clusterrole=view --user=u --group=g --serviceaccount=default:sa1',
    body:
      'azhzAAoyChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEhJDbHVzdGVyUm9sZUJpbmRpbmcSuQEKFAoEY3JiMRIAGgAi' +
      'ACoAMgA4AEIAEiYKBFVzZXISGXJiYWMuYXV0aG9yaXphdGlvbi5rOHMuaW8aAXUiABInCgVHcm91cBIZcmJhYy5hdXRob3Jp' +
      'emF0aW9uLms4cy5pbxoBZyIAEiAKDlNlcnZpY2VBY2NvdW50EgAaA3NhMSIHZGVmYXVsdBouChlyYmFjLmF1dGhvcml6YXRp' +
      'b24uazhzLmlvEgtDbHVzdGVyUm9sZRoEdmlldxoAIgA=',
    json: {"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"crb1","creationTimestamp":null},"subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"u"},{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"g"},{"kind":"ServiceAccount","name":"sa1","namespace":"default"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}},
  },
  {
    command: 'create namespace ns1',
    body: 'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEhsKEwoDbnMxEgAaACIAKgAyADgAQgASABoCCgAaACIA',
    json: {"kind":"Namespace","apiVersion":"v1","metadata":{"name":"ns1","creationTimestamp":null},"spec":{},"status":{}},
  },
  {
    command: 'create job fromcj --from=cronjob/cj',
    body:
      'azhzAAoPCghiYXRjaC92MRIDSm9iEvEBCoQBCgZmcm9tY2oSABoAIgAqADIAOABCAGIrCiFjcm9uam9iLmt1YmVybmV0ZXMu' +
      'aW8vaW5zdGFudGlhdGUSBm1hbnVhbGo/CgdDcm9uSm9iGgJjaiIkYWU0OGEwNmQtOTE3ZC00ZGRmLTgzM2MtYmJmMTBiMTgw' +
      'Yzc0KghiYXRjaC92MTABEl4yXAoQCgASABoAIgAqADIAOABCABJIEiEKAmNqEgdidXN5Ym94KgBCAGoAcgCAAQCIAQCQAQCi' +
      'AQAaCU9uRmFpbHVyZTIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAGgggACgAMAA6ABoAIgA=',
    json: {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"fromcj","creationTimestamp":null,"annotations":{"cronjob.kubernetes.io/instantiate":"manual"},"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"cj","uid":"ae48a06d-917d-4ddf-833c-bbf10b180c74","controller":true}]},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"cj","image":"busybox","resources":{}}],"restartPolicy":"OnFailure"}}},"status":{}},
  },
  {
    command: 'autoscale deployment web --max=5 --cpu-percent=80',
    body:
      'azhzAAopCg5hdXRvc2NhbGluZy92MRIXSG9yaXpvbnRhbFBvZEF1dG9zY2FsZXISPQoTCgN3ZWISABoAIgAqADIAOABCABIg' +
      'ChoKCkRlcGxveW1lbnQSA3dlYhoHYXBwcy92MRgFIFAaBBgAIAAaACIA',
    json: {"kind":"HorizontalPodAutoscaler","apiVersion":"autoscaling/v1","metadata":{"name":"web","creationTimestamp":null},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"web","apiVersion":"apps/v1"},"maxReplicas":5,"targetCPUUtilizationPercentage":80},"status":{"currentReplicas":0,"desiredReplicas":0}},
  },
];
