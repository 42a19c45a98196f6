// Types of the SDK that the messages carry; their bodies are not shown in the seeds.

/**
 * One message of a chat conversation handed to a provider. (open object: its fields are not shown
 * in the seeds)
 */
export type ChatMessage = Record<string, unknown>;

/**
 * Options for a provider chat completion request. (open object: its fields are not shown in the
 * seeds)
 */
export type ChatOptions = Record<string, unknown>;

/**
 * Options for asking a provider which models it offers. (open object: its fields are not shown in
 * the seeds)
 */
export type GetModelsOptions = Record<string, unknown>;

/**
 * One incremental event of a streamed provider chat response. (open object: its fields are not
 * shown in the seeds)
 */
export type StreamEvent = Record<string, unknown>;

/** Outcome of running an extension tool. (open object: its fields are not shown in the seeds) */
export type ToolResult = Record<string, unknown>;

/**
 * Outcome of running an extension UI action. (open object: its fields are not shown in the seeds)
 */
export type ActionResult = Record<string, unknown>;

/**
 * Description of one model offered by a provider. (open object: its fields are not shown in the
 * seeds)
 */
export type ModelInfo = Record<string, unknown>;

/**
 * Data delivered when a scheduled job of the extension fires. (open object: its fields are not
 * shown in the seeds)
 */
export type SchedulerFirePayload = Record<string, unknown>;
