// Runs the simulator on its own thread for bench/sim-thread.ts (the parent reaches it over HTTP).
import { parentPort, workerData } from 'node:worker_threads';
import { startSimulator, type SimulatorOptions } from '../dev/testkase-sim';

const sim = await startSimulator({ ...(workerData as SimulatorOptions), port: 0, dataDir: null, quiet: true });
parentPort!.postMessage({ url: sim.url, apiBaseUrl: sim.apiBaseUrl });
parentPort!.once('message', () => void sim.stop().then(() => process.exit(0)));
