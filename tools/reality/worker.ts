// Worker thread: generates reality tiles for the bake (one world per worker).
import { parentPort, workerData } from 'node:worker_threads';
import { createWorld } from '../world/index.ts';
import { produceRealityFile } from './produce.ts';
import type { RealityFile } from './layout.ts';

const world = createWorld((workerData as { seed: number }).seed);
parentPort?.on('message', (msg: { id: number; file: RealityFile }) => {
  produceRealityFile(world, msg.file).then(
    (bytes) => parentPort?.postMessage({ id: msg.id, bytes }),
    (e: unknown) => parentPort?.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
