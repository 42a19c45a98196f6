/**
 * Wire data of @stina/extension-api 0.22.0 as far as the seed shows it: the host/worker message
 * protocol (HostToWorkerMessage, WorkerToHostMessage, RequestMethod), the background-worker DTOs
 * (BackgroundRestartPolicy, BackgroundTaskConfig, BackgroundTaskHealth) and the visible part of
 * the CapabilityPermission union, which gains background.workers.
 * @title Stina extension API 0.22.0
 * @packageDocumentation
 */

export * from "./permissions.js";
export * from "./background.js";
export * from "./messages.js";
export * from "./types.js";
