package org.lmeval.platform.boundary;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Supplier;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.PartialResultsException;

/**
 * The gate every call into one plugin's code passes through (B6). It sets the thread context class loader to
 * the plugin's loader, translates whatever the plugin throws into an {@link EvalException} that names the
 * plugin, and times the call at DEBUG through {@link System.Logger}:
 * <ul>
 *   <li>a {@link VirtualMachineError} is rethrown as is;</li>
 *   <li>a {@link LinkageError} becomes {@code PLUGIN_INCOMPATIBLE}: "plugin x 1.0 was built for api 1.1,
 *       runtime api is 1.0 (NoSuchMethodError: ...)";</li>
 *   <li>an {@link EvalException} keeps its code, with "plugin x: " prepended to its message (a
 *       {@link PartialResultsException} stays one, with its results);</li>
 *   <li>anything else becomes the call's failure code (e.g. {@code BACKEND_FAILURE}): "model backend 'd'
 *       (plugin x 1.0) failed on a loglikelihood batch of 32: IllegalStateException: ...".</li>
 * </ul>
 */
public final class Boundary {
  private static final System.Logger LOG = System.getLogger(Boundary.class.getPackageName());

  private final String pluginId;
  private final String version;
  private final String apiVersion;
  private final ClassLoader loader;
  private final ApiVersion runtime;

  /**
   * @param pluginId the plugin id
   * @param version the plugin version, or ""
   * @param apiVersion the API version the plugin was built for, or "" if unknown
   * @param loader the plugin's class loader
   */
  public Boundary(String pluginId, String version, String apiVersion, ClassLoader loader) {
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    this.version = Objects.requireNonNull(version, "version");
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.loader = loader;
    this.runtime = ApiVersion.current();
  }

  /** Code that may throw {@link IOException}. */
  @FunctionalInterface
  public interface IoSupplier<T> {
    T get() throws IOException;
  }

  public String pluginId() {
    return pluginId;
  }

  public ClassLoader loader() {
    return loader;
  }

  /** "plugin x 1.0" (or "plugin x" without a version). */
  public String pluginLabel() {
    return "plugin " + pluginId + (version.isEmpty() ? "" : " " + version);
  }

  /** "model backend 'd' (plugin x 1.0)": a component for messages. */
  public String describe(String component) {
    return component + " (" + pluginLabel() + ")";
  }

  /**
   * Runs plugin code.
   *
   * @param component what is called, e.g. "model backend 'dummy'"
   * @param operation what it does, e.g. "a loglikelihood batch of 32"
   * @param failureCode the code for an unexpected exception from the plugin
   */
  public <T> T call(String component, String operation, ErrorCode failureCode, Supplier<T> body) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    long start = System.nanoTime();
    thread.setContextClassLoader(loader);
    try {
      return body.get();
    } catch (Throwable t) {
      throw translate(t, component, operation, failureCode);
    } finally {
      thread.setContextClassLoader(previous);
      logTiming(component, operation, start);
    }
  }

  /** Runs plugin code that returns nothing. */
  public void run(String component, String operation, ErrorCode failureCode, Runnable body) {
    call(component, operation, failureCode, () -> {
      body.run();
      return null;
    });
  }

  /**
   * Runs plugin code that does I/O: an {@link IOException} stays one, its message prefixed with the plugin and
   * component (a {@code NoSuchFileException} or {@code FileNotFoundException} is passed on unchanged, so callers
   * can tell a missing file by its type); everything else is translated as in {@link #call}.
   */
  public <T> T callIo(String component, String operation, ErrorCode failureCode, IoSupplier<T> body)
      throws IOException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    long start = System.nanoTime();
    thread.setContextClassLoader(loader);
    try {
      return body.get();
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      throw e; // callers tell "not there" from "broken" by type
    } catch (IOException e) {
      throw new IOException(describe(component) + " failed on " + operation + ": " + e.getMessage(), e);
    } catch (Throwable t) {
      throw translate(t, component, operation, failureCode);
    } finally {
      thread.setContextClassLoader(previous);
      logTiming(component, operation, start);
    }
  }

  /** What the boundary turns a throwable from plugin code into; {@link VirtualMachineError}s are rethrown. */
  public RuntimeException translate(Throwable t, String component, String operation, ErrorCode failureCode) {
    if (t instanceof VirtualMachineError vme) {
      throw vme;
    }
    if (t instanceof LinkageError) {
      String builtFor = apiVersion.isEmpty() ? "an unknown api version" : "api " + apiVersion;
      return new EvalException(ErrorCode.PLUGIN_INCOMPATIBLE, pluginLabel() + " was built for " + builtFor
          + ", runtime api is " + runtime + " (" + simpleDescription(t) + "); " + component + " failed on "
          + operation, t);
    }
    if (t instanceof EvalException e) {
      String prefix = "plugin " + pluginId + ": ";
      String message = String.valueOf(e.getMessage());
      if (message.startsWith(prefix)) {
        return e;
      }
      if (e instanceof PartialResultsException partial) {
        return partial.withMessage(prefix + message);
      }
      EvalException prefixed = new EvalException(e.code(), prefix + message, e.getCause());
      prefixed.setStackTrace(e.getStackTrace());
      for (Throwable s : e.getSuppressed()) {
        prefixed.addSuppressed(s);
      }
      return prefixed;
    }
    return new EvalException(failureCode, describe(component) + " failed on " + operation + ": "
        + simpleDescription(t), t);
  }

  /** A failure of plugin output the kernel detected (wrong size, null, out-of-range value). */
  public EvalException invalidResult(String component, String operation, ErrorCode failureCode, String problem) {
    return new EvalException(failureCode, describe(component) + " returned an invalid result for " + operation
        + ": " + problem);
  }

  private void logTiming(String component, String operation, long start) {
    if (LOG.isLoggable(Level.DEBUG)) {
      long micros = (System.nanoTime() - start) / 1_000;
      LOG.log(Level.DEBUG, "{0} {1}: {2} ms", describe(component), operation,
          String.format(java.util.Locale.ROOT, "%.3f", micros / 1000.0));
    }
  }

  /** "NoSuchMethodError: org.x.Y.z()" or "IllegalStateException" when there is no message. */
  static String simpleDescription(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  @Override
  public String toString() {
    return "Boundary[" + pluginLabel() + "]";
  }
}
