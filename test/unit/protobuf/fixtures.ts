// Bodies captured from real clients (test-only).

/** KUBECTL_WIRE.md §8: the body `kubectl auth can-i create pods` (v1.32.4) sent. */
export const SSAR_BASE64 =
  'azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSPwoQCgASABoAIgAqADIAOABCABIhCh8KB2RlZmF1bHQSBmNyZWF0ZRoAIgAqBHBvZHMyADoAGggIABIAGgAgABoAIgA=';
