package org.lmeval.api.support;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CPython 3.11's {@code random.Random}, bit for bit: the MT19937 generator seeded from an int the way
 * {@code _randommodule.c} does it, and the pure-Python methods of {@code random.py} built on it
 * ({@code _randbelow} via {@code getrandbits}, {@code randrange}, {@code randint}, {@code choice},
 * {@code sample} with both its pool and set algorithms, {@code shuffle}, {@code choices}).
 *
 * <p>Not thread-safe, like one Python {@code Random} instance used from one thread.
 */
public final class PythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int mti = N + 1;

  /** {@code random.Random(seed)} for an int seed. */
  public PythonRandom(long seed) {
    seed(seed);
  }

  /** {@code random.Random(seed)} for an arbitrarily large int seed. */
  public PythonRandom(BigInteger seed) {
    seed(seed);
  }

  /** {@code seed(a)} for an int {@code a}: re-initialises the state. */
  public void seed(long seed) {
    seed(BigInteger.valueOf(seed));
  }

  /**
   * {@code seed(a)} for an int {@code a}: the key is the little-endian 32-bit words of {@code |a|} (at
   * least one word), fed to the reference {@code init_by_array}.
   */
  public void seed(BigInteger seed) {
    BigInteger n = Objects.requireNonNull(seed, "seed").abs();
    int words = Math.max(1, (n.bitLength() + 31) / 32);
    int[] key = new int[words];
    for (int i = 0; i < words; i++) {
      key[i] = n.shiftRight(32 * i).intValue();
    }
    initByArray(key);
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    mti = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next raw 32-bit output of MT19937 ({@code genrand_uint32}), as an unsigned value in an int. */
  public int nextUint32() {
    if (mti >= N) {
      int kk;
      for (kk = 0; kk < N - M; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      }
      int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      mti = 0;
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** {@code random()}: a double in [0, 1) with 53 random bits. */
  public double random() {
    long a = (nextUint32() & 0xffffffffL) >>> 5;
    long b = (nextUint32() & 0xffffffffL) >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** {@code uniform(a, b)}: {@code a + (b - a) * random()}. */
  public double uniform(double a, double b) {
    return a + (b - a) * random();
  }

  /** {@code getrandbits(k)} for any {@code k >= 0}. */
  public BigInteger getrandbits(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("number of bits must be non-negative");
    }
    if (k <= 63) {
      return BigInteger.valueOf(getrandbitsLong(k));
    }
    int words = (k - 1) / 32 + 1;
    byte[] bigEndian = new byte[words * 4 + 1]; // leading zero byte keeps the value non-negative
    int remaining = k;
    for (int i = 0; i < words; i++, remaining -= 32) {
      int r = nextUint32();
      if (remaining < 32) {
        r >>>= 32 - remaining;
      }
      int at = bigEndian.length - 4 * (i + 1);
      bigEndian[at] = (byte) (r >>> 24);
      bigEndian[at + 1] = (byte) (r >>> 16);
      bigEndian[at + 2] = (byte) (r >>> 8);
      bigEndian[at + 3] = (byte) r;
    }
    return new BigInteger(bigEndian);
  }

  /** {@code getrandbits(k)} for {@code 0 <= k <= 63}, as a long; same draws as {@link #getrandbits}. */
  public long getrandbitsLong(int k) {
    if (k < 0 || k > 63) {
      throw new IllegalArgumentException("getrandbitsLong needs 0 <= k <= 63, got " + k);
    }
    if (k == 0) {
      return 0;
    }
    if (k <= 32) {
      return (nextUint32() & 0xffffffffL) >>> (32 - k);
    }
    long low = nextUint32() & 0xffffffffL;
    long high = (nextUint32() & 0xffffffffL) >>> (64 - k);
    return (high << 32) | low;
  }

  /** {@code _randbelow(n)} (the getrandbits-based one): a uniform int in [0, n), {@code n >= 1}. */
  public int randbelow(int n) {
    return (int) randbelow((long) n);
  }

  /** {@code _randbelow(n)} for a long bound. */
  public long randbelow(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("randbelow needs n >= 1, got " + n);
    }
    int k = 64 - Long.numberOfLeadingZeros(n);
    long r = getrandbitsLong(k);
    while (r >= n) {
      r = getrandbitsLong(k);
    }
    return r;
  }

  /** {@code _randbelow(n)} for an arbitrarily large bound. */
  public BigInteger randbelow(BigInteger n) {
    if (n.signum() <= 0) {
      throw new IllegalArgumentException("randbelow needs n >= 1, got " + n);
    }
    if (n.bitLength() <= 63) {
      return BigInteger.valueOf(randbelow(n.longValue()));
    }
    int k = n.bitLength();
    BigInteger r = getrandbits(k);
    while (r.compareTo(n) >= 0) {
      r = getrandbits(k);
    }
    return r;
  }

  /** {@code randrange(stop)}. */
  public long randrange(long stop) {
    if (stop > 0) {
      return randbelow(stop);
    }
    throw new IllegalArgumentException("empty range for randrange()");
  }

  /** {@code randrange(start, stop)}. */
  public long randrange(long start, long stop) {
    return randrange(start, stop, 1);
  }

  /** {@code randrange(start, stop, step)}, Python's arithmetic (floor division) on the width. */
  public long randrange(long start, long stop, long step) {
    BigInteger width = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start));
    if (step == 1) {
      if (width.signum() > 0) {
        return start + randbelow(width).longValueExact();
      }
      throw new IllegalArgumentException(
          "empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
    }
    BigInteger istep = BigInteger.valueOf(step);
    BigInteger n;
    if (step > 0) {
      n = floorDiv(width.add(istep).subtract(BigInteger.ONE), istep);
    } else if (step < 0) {
      n = floorDiv(width.add(istep).add(BigInteger.ONE), istep);
    } else {
      throw new IllegalArgumentException("zero step for randrange()");
    }
    if (n.signum() <= 0) {
      throw new IllegalArgumentException("empty range for randrange()");
    }
    return BigInteger.valueOf(start).add(istep.multiply(randbelow(n))).longValueExact();
  }

  private static BigInteger floorDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    if (qr[1].signum() != 0 && (qr[1].signum() != b.signum())) {
      return qr[0].subtract(BigInteger.ONE);
    }
    return qr[0];
  }

  /** {@code randint(a, b)} = {@code randrange(a, b + 1)}: a uniform int in [a, b]. */
  public long randint(long a, long b) {
    BigInteger width = BigInteger.valueOf(b).add(BigInteger.ONE).subtract(BigInteger.valueOf(a));
    if (width.signum() <= 0) {
      throw new IllegalArgumentException(
          "empty range for randrange() (" + a + ", " + BigInteger.valueOf(b).add(BigInteger.ONE)
              + ", " + width + ")");
    }
    return a + randbelow(width).longValueExact();
  }

  /** {@code choice(seq)}: {@code seq[_randbelow(len(seq))]}. */
  public <T> T choice(List<T> seq) {
    if (seq.isEmpty()) {
      throw new IllegalArgumentException("Cannot choose from an empty sequence");
    }
    return seq.get(randbelow(seq.size()));
  }

  /** {@code shuffle(x)} in place: for i from len-1 down to 1, swap x[i] with x[_randbelow(i + 1)]. */
  public void shuffle(List<?> x) {
    for (int i = x.size() - 1; i > 0; i--) {
      int j = randbelow(i + 1);
      Collections.swap(x, i, j);
    }
  }

  /**
   * {@code sample(population, k)}: k distinct positions of the population, in selection order. Uses the
   * pool algorithm when {@code len(population) <= setsize}, else the selected-set algorithm, exactly as
   * CPython decides ({@link #sampleSetSize(int)}).
   */
  public <T> List<T> sample(List<T> population, int k) {
    int n = population.size();
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("Sample larger than population or is negative");
    }
    List<T> result = new ArrayList<>(k);
    if (n <= sampleSetSize(k)) {
      List<T> pool = new ArrayList<>(population);
      for (int i = 0; i < k; i++) {
        int j = randbelow(n - i);
        result.add(pool.get(j));
        pool.set(j, pool.get(n - i - 1));
      }
    } else {
      Set<Integer> selected = new HashSet<>();
      for (int i = 0; i < k; i++) {
        int j = randbelow(n);
        while (selected.contains(j)) {
          j = randbelow(n);
        }
        selected.add(j);
        result.add(population.get(j));
      }
    }
    return result;
  }

  /** {@code sample(range(n), k)} without materialising the range. */
  public List<Integer> sampleRange(int n, int k) {
    return sample(new IntRange(n), k);
  }

  /**
   * CPython's {@code setsize} threshold in {@code sample}: {@code 21}, plus {@code 4 **
   * ceil(log(3k, 4))} when {@code k > 5}. Computed in exact integer arithmetic: {@code 3k} is never a
   * power of 4, so the smallest power of 4 above {@code 3k} is what the float expression yields.
   */
  public static long sampleSetSize(int k) {
    long setsize = 21;
    if (k > 5) {
      long p = 1;
      while (p < 3L * k) {
        p *= 4;
      }
      setsize += p;
    }
    return setsize;
  }

  /** {@code choices(population, k=k)} without weights: {@code population[floor(random() * n)]}. */
  public <T> List<T> choices(List<T> population, int k) {
    double n = population.size();
    List<T> result = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      result.add(population.get((int) Math.floor(random() * n)));
    }
    return result;
  }

  /**
   * {@code choices(population, weights, k=k)}: cumulative weights summed left to right as floats, then
   * {@code bisect_right(cum_weights, random() * total, 0, n - 1)}.
   */
  public <T> List<T> choices(List<T> population, double[] weights, int k) {
    int n = population.size();
    if (weights.length != n) {
      throw new IllegalArgumentException("The number of weights does not match the population");
    }
    if (n == 0) {
      throw new IllegalArgumentException("Cannot choose from an empty population");
    }
    double[] cum = new double[n];
    double acc = 0;
    for (int i = 0; i < n; i++) {
      acc = i == 0 ? weights[0] : acc + weights[i];
      cum[i] = acc;
    }
    double total = cum[n - 1];
    if (total <= 0.0) {
      throw new IllegalArgumentException("Total of weights must be greater than zero");
    }
    if (!Double.isFinite(total)) {
      throw new IllegalArgumentException("Total of weights must be finite");
    }
    List<T> result = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      double x = random() * total;
      int lo = 0;
      int hi = n - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (x < cum[mid]) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      result.add(population.get(lo));
    }
    return result;
  }

  /** {@code range(n)} as a read-only list. */
  private static final class IntRange extends java.util.AbstractList<Integer>
      implements java.util.RandomAccess {
    private final int n;

    IntRange(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("range size must be >= 0, got " + n);
      }
      this.n = n;
    }

    @Override
    public Integer get(int index) {
      Objects.checkIndex(index, n);
      return index;
    }

    @Override
    public int size() {
      return n;
    }
  }
}
