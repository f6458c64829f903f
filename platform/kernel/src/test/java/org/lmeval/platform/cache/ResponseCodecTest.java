package org.lmeval.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingResult;

class ResponseCodecTest {
  @Test
  void valuesReadBackBitForBit() {
    for (double d : new double[] {-0.0, -1e-300, -4.9e-324, -0.1 - 0.2, -123456.789012345, -Double.MAX_VALUE}) {
      LoglikelihoodResult r = new LoglikelihoodResult(d, d > -1);
      String encoded = ResponseCodec.encode(RequestType.LOGLIKELIHOOD, r);
      LoglikelihoodResult back = (LoglikelihoodResult) ResponseCodec.decode(RequestType.LOGLIKELIHOOD, encoded);
      assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(back.logprob()), encoded);
      assertEquals(r.greedy(), back.greedy());
      RollingResult rolling = (RollingResult) ResponseCodec.decode(RequestType.LOGLIKELIHOOD_ROLLING,
          ResponseCodec.encode(RequestType.LOGLIKELIHOOD_ROLLING, new RollingResult(d)));
      assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(rolling.logprob()));
    }
    assertEquals("[-1.25,true]", ResponseCodec.encode(RequestType.LOGLIKELIHOOD, new LoglikelihoodResult(-1.25, true)));
    for (String text : List.of("", "  spaces \n", "[-1.0,true]", "naïve 😀 \ud800")) {
      assertEquals(text, ResponseCodec.decode(RequestType.GENERATE_UNTIL,
          ResponseCodec.encode(RequestType.GENERATE_UNTIL, text)));
    }
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : List.of("", "-1.0", "[-1.0]", "[-1.0,yes]", "[x,true]", "[-1.0 ,true]", "[1d,true]")) {
      assertThrows(IllegalArgumentException.class, () -> ResponseCodec.decode(RequestType.LOGLIKELIHOOD, bad), bad);
    }
    for (String bad : List.of("", " -1", "abc", "1f", "[-1.0,true]")) {
      assertThrows(IllegalArgumentException.class, () -> ResponseCodec.decode(RequestType.LOGLIKELIHOOD_ROLLING, bad),
          bad);
    }
  }
}
