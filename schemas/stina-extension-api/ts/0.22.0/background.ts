// Background workers: restart policy, task configuration and health.

/** How a background task is restarted after it ends, with exponential backoff between attempts. */
export interface BackgroundRestartPolicy {
  /**
   * When to restart: `always` whatever the reason the task ended, `on-failure` only when it threw,
   * `never` not automatically.
   */
  type: "always" | "on-failure" | "never";
  /**
   * Restart attempts allowed before giving up; 0 means no limit.
   * @default 0
   */
  maxRestarts?: number;
  /**
   * Wait in milliseconds before the first restart.
   * @default 1000
   */
  initialDelayMs?: number;
  /**
   * Upper bound in milliseconds on the wait between restarts.
   * @default 60000
   */
  maxDelayMs?: number;
  /**
   * Factor applied to the wait after each restart.
   * @default 2
   */
  backoffMultiplier?: number;
}

/** Settings for starting a long-running background task of an extension. */
export interface BackgroundTaskConfig {
  /** Task identifier, unique within the extension; used to stop the task or look up its status. */
  id: string;
  /** Readable task name used in logs and status reports. */
  name: string;
  /** User the task belongs to; background tasks are always scoped to one user. */
  userId: string;
  /** Restart behaviour after failures. */
  restartPolicy: BackgroundRestartPolicy;
  /** Data handed to the task's callback. */
  payload?: Record<string, unknown>;
}

/** Status snapshot of one background task. */
export interface BackgroundTaskHealth {
  /** Task identifier, unique within the extension. */
  taskId: string;
  /** Readable task name. */
  name: string;
  /** User the task belongs to. */
  userId: string;
  /** Current lifecycle state of the task. */
  status: "pending" | "running" | "stopped" | "failed" | "restarting";
  /** How often the task has been restarted so far. */
  restartCount: number;
  /** Most recent status text the task reported. */
  lastHealthStatus?: string;
  /** Time of the most recent status report (a timestamp string; the format is not specified). */
  lastHealthTime?: string;
  /** Failure description when the task failed. */
  error?: string;
}
