// The load test's balancer (balancer.ts) in a process of its own, as a real load balancer is: in the
// load generator's process it shared one event loop with the sandbox and hundreds of simulated
// shoppers, and connections waited there seconds before being accepted. Started by `forkBalancer`;
// upstream ports in UPSTREAMS (comma-separated), health path in HEALTH_PATH. Says `{type: 'ready', url}`
// over IPC; answers `{type: 'trace', fragment}` with `{type: 'trace', traces}`; exits when its parent
// goes away.
import { startBalancer } from './balancer.js';

const upstreams = (process.env.UPSTREAMS ?? '').split(',').map(Number);
const balancer = await startBalancer(upstreams, process.env.HEALTH_PATH ?? '/health');
process.on('message', (message: { type?: string; fragment?: string }) => {
  if (message?.type === 'trace') {
    process.send?.({ type: 'trace', traces: balancer.trace(message.fragment ?? '') });
  }
});
process.on('disconnect', () => {
  void balancer.close().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', url: balancer.url });
