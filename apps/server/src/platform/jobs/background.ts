import type { FastifyBaseLogger } from 'fastify';

/**
 * Work a request starts but does not wait for (so its answer's timing tells nothing about it, as
 * in MT-2's reset). Shutdown drains it before the database closes; tests drain it to observe it.
 */
export class Background {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly log?: FastifyBaseLogger) {}

  run(name: string, work: () => Promise<unknown>): void {
    const p = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err) => this.log?.error({ err, task: name }, 'background task failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Resolves when every task started so far (and any they started) has finished. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
