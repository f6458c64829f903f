package org.lmeval.api;

/** What went wrong, in terms the kernel maps to exit codes and messages. */
public enum ErrorCode {
  /** A flag, model arg, metric kwarg or other user input is not valid. */
  INVALID_ARGUMENT,
  /** A name (model, task, metric, filter, ...) is not registered. */
  UNKNOWN_COMPONENT,
  /** A task definition (YAML, template, dataset) is broken. */
  INVALID_TASK,
  /** A model was asked for a request type it cannot serve. */
  UNSUPPORTED_REQUEST,
  /** A model cannot be reached or loaded (server down, weights missing, ...). */
  BACKEND_UNAVAILABLE,
  /** A model failed while serving requests. */
  BACKEND_FAILURE,
  /** A plugin was built for another API version or against missing classes. */
  PLUGIN_INCOMPATIBLE,
  /** A plugin could not be loaded. */
  PLUGIN_LOAD_FAILED,
  /** The response cache cannot be used. */
  CACHE_FAILURE
}
