package org.lmeval.platform.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  @Test
  void plainLinesWhenNotATerminal() {
    StringWriter out = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), false, clock::get);
    try (Progress.Bar bar = progress.start("Running loglikelihood requests", 100)) {
      for (int i = 0; i < 100; i++) {
        clock.addAndGet(200_000_000L); // 0.2 s per step: 5 it/s
        bar.advance(1);
      }
    }
    String[] lines = out.toString().split("\n");
    assertEquals("Running loglikelihood requests:   0%|          | 0/100 [00:00<?, ?it/s]", lines[0]);
    String last = lines[lines.length - 1];
    assertEquals("Running loglikelihood requests: 100%|██████████| 100/100 [00:20<00:00, 5.00it/s]", last);
    // Plain mode prints at most one line per 10 s (and the final one), never a carriage return.
    assertTrue(lines.length <= 5, out.toString());
    assertTrue(!out.toString().contains("\r"));
    assertTrue(!lines[lines.length - 2].equals(last), "the final state is printed once: " + out);
  }

  @Test
  void terminalRedrawsInPlaceWithEta() {
    StringWriter out = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), true, clock::get);
    Progress.Bar bar = progress.start("phase", 8);
    clock.addAndGet(1_000_000_000L);
    bar.advance(3);
    assertTrue(out.toString().endsWith("\rphase:  37%|███▊      | 3/8 [00:01<00:01, 3.00it/s]"), out.toString());
    bar.close();
    assertTrue(out.toString().endsWith("\n"));
  }

  @Test
  void byteBarsScaleLikeTqdmUnitScale() {
    StringWriter out = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), true, clock::get);
    Progress.Bar bar = progress.start("Downloading acme/tiny", 2_500_000_000L, Progress.Unit.BYTES);
    assertEquals("\rDownloading acme/tiny:   0%|          | 0.00/2.50G [00:00<?, ?B/s]", out.toString());
    clock.addAndGet(10_000_000_000L);
    bar.advance(1_000_000_000L);
    assertTrue(out.toString().endsWith("\rDownloading acme/tiny:  40%|████      | 1.00G/2.50G [00:10<00:15, 100MB/s]"),
        out.toString());
    bar.close();
  }

  @Test
  void byteBarsWithoutTotalShowCountAndRate() {
    StringWriter out = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), false, clock::get);
    try (Progress.Bar bar = progress.start("Downloading x", -1, Progress.Unit.BYTES)) {
      clock.addAndGet(2_000_000_000L);
      bar.advance(12_345);
    }
    String[] lines = out.toString().split("\n");
    assertEquals("Downloading x: 0.00B [00:00, ?B/s]", lines[0]);
    assertEquals("Downloading x: 12.3kB [00:02, 6.17kB/s]", lines[lines.length - 1]);
  }

  @Test
  void terminalRedrawPadsAShorterLine() {
    StringWriter out = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), true, clock::get);
    Progress.Bar bar = progress.start("p", 10);
    clock.addAndGet(100_000_000L);
    bar.advance(5);
    assertTrue(out.toString().endsWith("\rp:  50%|█████     | 5/10 [00:00<00:00, 50.00it/s]"), out.toString());
    clock.addAndGet(200_000_000_000L);
    bar.advance(1);
    assertTrue(out.toString().endsWith("\rp:  60%|██████    | 6/10 [03:20<02:13, 0.03it/s] "), out.toString());
    bar.close();
  }

  @Test
  void sizeofFormatsLikeTqdm() {
    assertEquals("0.00", ConsoleProgress.sizeof(0));
    assertEquals("9.99", ConsoleProgress.sizeof(9.99));
    assertEquals("12.3k", ConsoleProgress.sizeof(12_345));
    assertEquals("548M", ConsoleProgress.sizeof(548_000_000));
    assertEquals("1.00G", ConsoleProgress.sizeof(999_999_999));
  }

  @Test
  void clockFormatsLikeTqdm() {
    assertEquals("00:05", ConsoleProgress.clock(5.9));
    assertEquals("01:01", ConsoleProgress.clock(61));
    assertEquals("1:00:00", ConsoleProgress.clock(3600));
  }
}
