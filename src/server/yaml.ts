// The YAML library, loaded on first use: only YAML requests and responses and `kubefake
// kubeconfig` need it, and loading it up front would cost every start ~40 ms. Loaded with require,
// not import(): dist/cli.js runs the bundle as a script (src/cli.ts), which has no import().
import { createRequire } from 'node:module';

type YAMLModule = typeof import('yaml');

let loaded: YAMLModule | undefined;

export function loadYAML(): YAMLModule {
  loaded ??= createRequire(import.meta.url)('yaml') as YAMLModule;
  return loaded;
}
