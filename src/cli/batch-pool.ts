/**
 * Parallel batch evaluation: lines are grouped into batches, evaluated by N worker threads, and written in
 * input order. At most 2 × N batches are in flight, so memory stays flat however long the stream.
 */
import { Worker } from 'node:worker_threads';
import type { EvaluateOptions } from '../app/evaluate-case.js';
import type { BatchReply, BatchRequest } from './batch-worker.js';

export const BATCH_LINES = 256;

export class BatchPool {
  private readonly workers: Worker[];
  private next = 0;
  private nextToWrite = 0;
  private readonly done = new Map<number, BatchReply>();
  private readonly waiting = new Map<number, () => void>();
  private failure: Error | null = null;
  bad = 0;

  constructor(jobs: number, policyDir: string | undefined, opts: EvaluateOptions) {
    this.workers = Array.from({ length: jobs }, () => {
      const w = new Worker(new URL('./batch-worker.js', import.meta.url), {
        workerData: { policyDir, opts },
      });
      w.on('message', (reply: BatchReply) => {
        this.done.set(reply.id, reply);
        this.waiting.get(reply.id)?.();
      });
      w.on('error', (e) => {
        this.failure = e;
        for (const wake of this.waiting.values()) wake();
      });
      return w;
    });
  }

  get inFlight(): number {
    return this.next - this.nextToWrite;
  }

  get capacity(): number {
    return this.workers.length * 2;
  }

  submit(lines: BatchRequest['lines']): void {
    const id = this.next++;
    this.workers[id % this.workers.length]!.postMessage({ id, lines } satisfies BatchRequest);
  }

  /** The output of the oldest batch not yet written, waiting for it if needed. */
  async takeOldest(): Promise<string> {
    const id = this.nextToWrite;
    if (!this.done.has(id) && !this.failure) {
      await new Promise<void>((resolve) => this.waiting.set(id, resolve));
      this.waiting.delete(id);
    }
    if (this.failure) throw this.failure;
    const reply = this.done.get(id)!;
    this.done.delete(id);
    this.nextToWrite++;
    this.bad += reply.bad;
    return reply.text;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
