package org.lmeval.plugin.djl.hf;

/**
 * DJL's offline mode. The backends never download (model directories are local), and without offline mode
 * DJL's start-up code probes a cloud metadata address. Respects an explicit {@code DJL_OFFLINE} or
 * {@code ai.djl.offline} setting.
 */
public final class DjlOffline {
  private DjlOffline() {}

  /** Sets {@code ai.djl.offline=true} unless the environment or a system property already decides. */
  public static void ensure() {
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }
}
