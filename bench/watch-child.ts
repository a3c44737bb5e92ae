// The watch row's client, in a process of its own: by the watch phase the bench process has
// driven 10,000 creates and parsed lists of them, and its own garbage collections would land in
// the latencies it measures. Prints the WatchResult as JSON.
// Arguments: <port> <kubeconfig> <resourceVersion> <options as JSON>.
import { identityFromKubeconfig, keepAliveAgent, target } from './client.js';
import { watchLatency, type WatchOptions } from './watch-latency.js';

const [port, kubeconfig, resourceVersion, options] = process.argv.slice(2);
const identity = identityFromKubeconfig(kubeconfig);
const to = target(Number(port), keepAliveAgent(identity, 1));
try {
  const result = await watchLatency(to, identity, resourceVersion, JSON.parse(options) as WatchOptions);
  process.stdout.write(JSON.stringify(result));
} finally {
  to.agent.destroy();
}
