// Capability permissions an extension declares in its manifest.

/**
 * Permission names that unlock extension capabilities. Only the members visible in the seed are
 * listed: the union has further members before `events.emit` that the seed does not show, so this
 * list is not exhaustive. `background.workers` (new in 0.22.0) allows running background workers.
 */
export type CapabilityPermission =
  | "events.emit"
  | "scheduler.register"
  | "chat.message.write"
  | "background.workers";
