package org.lmeval.platform.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * tqdm-style bars: {@code phase: 45%|████▌     | 450/1000 [00:02<00:03, 200.00it/s]}. On a terminal the bar
 * is redrawn in place (at most every 100 ms); otherwise a plain line is printed at each 10% step (and at
 * most every 10 s), so logs stay short. Byte bars ({@link Progress.Unit#BYTES}) show sizes as tqdm's
 * {@code unit_scale} does.
 */
public final class ConsoleProgress implements Progress {
  private static final int WIDTH = 10;
  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanoClock;

  public ConsoleProgress(PrintWriter err, boolean terminal) {
    this(err, terminal, System::nanoTime);
  }

  ConsoleProgress(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
    this.err = err;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
  }

  @Override
  public Bar start(String phase, long total) {
    return new ConsoleBar(phase, total, Unit.ITEMS);
  }

  @Override
  public Bar start(String phase, long total, Unit unit) {
    return new ConsoleBar(phase, total, unit);
  }

  private final class ConsoleBar implements Bar {
    private final String phase;
    private final long total;
    private final boolean bytes;
    private final long startNanos;
    private int lastLength;
    private long done;
    private long lastPrintNanos;
    private long lastPrintedDecile = -1;
    private long lastPrintedDone = -1;
    private boolean closed;

    ConsoleBar(String phase, long total, Unit unit) {
      this.phase = phase;
      this.total = total;
      this.bytes = unit == Unit.BYTES;
      this.startNanos = nanoClock.getAsLong();
      this.lastPrintNanos = startNanos;
      print();
    }

    @Override
    public synchronized void advance(long steps) {
      done += steps;
      long now = nanoClock.getAsLong();
      if (terminal) {
        if (now - lastPrintNanos >= 100_000_000L || done >= total) {
          print();
        }
      } else {
        long decile = total <= 0 ? 10 : done * 10 / total;
        if (decile > lastPrintedDecile && (now - lastPrintNanos >= 10_000_000_000L || decile >= 10)) {
          print();
        }
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (lastPrintedDone != done) {
        print();
      }
      if (terminal) {
        err.print('\n');
        err.flush();
      }
    }

    private void print() {
      long now = nanoClock.getAsLong();
      lastPrintNanos = now;
      lastPrintedDone = done;
      lastPrintedDecile = total <= 0 ? 10 : done * 10 / total;
      String line = render(now);
      if (terminal) {
        int shorter = lastLength - line.length();
        lastLength = line.length();
        err.print('\r' + line + (shorter > 0 ? " ".repeat(shorter) : ""));
      } else {
        err.println(line);
      }
      err.flush();
    }

    private String render(long now) {
      double seconds = (now - startNanos) / 1e9;
      double rate = seconds > 0 ? done / seconds : 0;
      StringBuilder sb = new StringBuilder(phase).append(": ");
      if (bytes) {
        return renderBytes(sb, seconds, rate);
      }
      if (total > 0) {
        int percent = (int) (done * 100 / total);
        sb.append(String.format(Locale.ROOT, "%3d%%|", percent)).append(bar()).append("| ");
      }
      sb.append(done).append('/').append(total).append(" [").append(clock(seconds));
      if (done == 0) {
        return sb.append("<?, ?it/s]").toString();
      }
      if (total > 0) {
        sb.append('<').append(done >= total ? "00:00" : rate > 0 ? clock((total - done) / rate) : "?");
      }
      sb.append(String.format(Locale.ROOT, ", %.2fit/s]", rate));
      return sb.toString();
    }

    /** tqdm with {@code unit="B", unit_scale=True}: {@code 45%|████▌     | 450M/1.00G [00:04<00:05, 112MB/s]}. */
    private String renderBytes(StringBuilder sb, double seconds, double rate) {
      String rateText = done == 0 || rate <= 0 ? "?B/s" : sizeof(rate) + "B/s";
      if (total <= 0) {
        return sb.append(sizeof(done)).append("B [").append(clock(seconds)).append(", ").append(rateText).append(']')
            .toString();
      }
      int percent = (int) (Math.min(done, total) * 100 / total);
      sb.append(String.format(Locale.ROOT, "%3d%%|", percent)).append(bar()).append("| ");
      sb.append(sizeof(done)).append('/').append(sizeof(total)).append(" [").append(clock(seconds)).append('<');
      sb.append(done >= total ? "00:00" : done > 0 && rate > 0 ? clock((total - done) / rate) : "?");
      return sb.append(", ").append(rateText).append(']').toString();
    }

    private String bar() {
      double filled = total <= 0 ? WIDTH : Math.min(WIDTH, (double) done * WIDTH / total);
      int full = (int) filled;
      StringBuilder sb = new StringBuilder();
      sb.append("█".repeat(full));
      if (full < WIDTH) {
        int eighths = (int) ((filled - full) * 8);
        sb.append(eighths == 0 ? " " : String.valueOf(" ▏▎▍▌▋▊▉".charAt(eighths)));
        sb.append(" ".repeat(WIDTH - full - 1));
      }
      return sb.toString();
    }
  }

  /** tqdm's {@code format_sizeof} with divisor 1000: {@code 0.00}, {@code 9.99}, {@code 12.3k}, {@code 548M}. */
  static String sizeof(double num) {
    for (String unit : new String[] {"", "k", "M", "G", "T", "P", "E", "Z"}) {
      if (Math.abs(num) < 999.5) {
        if (Math.abs(num) < 99.95) {
          if (Math.abs(num) < 9.995) {
            return String.format(Locale.ROOT, "%1.2f", num) + unit;
          }
          return String.format(Locale.ROOT, "%2.1f", num) + unit;
        }
        return String.format(Locale.ROOT, "%3.0f", num) + unit;
      }
      num /= 1000;
    }
    return String.format(Locale.ROOT, "%3.1fY", num);
  }

  static String clock(double seconds) {
    long s = (long) seconds;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%02d:%02d", m, sec);
  }
}
