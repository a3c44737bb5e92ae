// The YAML library, loaded on first use: only YAML requests and responses need it, and loading it
// up front would cost every start ~40 ms.
type YAMLModule = typeof import('yaml');

let loading: Promise<YAMLModule> | undefined;

export function loadYAML(): Promise<YAMLModule> {
  loading ??= import('yaml');
  return loading;
}
