package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.lmeval.api.support.PythonStrings;

/**
 * {@code word2number.w2n.word_to_num} (word2number 1.1, which lm-eval's bbh filters call): English number words
 * to a number, as the text {@code str()} gives. Words outside its vocabulary are skipped; {@code -} counts as a
 * space. Its {@code ValueError}s (and the {@code IndexError} of an empty multiplier) are
 * {@link IllegalArgumentException}s with its messages.
 */
final class WordToNumber {
  private static final Map<String, Long> NUMBERS = Map.ofEntries(
      Map.entry("zero", 0L), Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L),
      Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L), Map.entry("seven", 7L),
      Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L), Map.entry("eleven", 11L),
      Map.entry("twelve", 12L), Map.entry("thirteen", 13L), Map.entry("fourteen", 14L), Map.entry("fifteen", 15L),
      Map.entry("sixteen", 16L), Map.entry("seventeen", 17L), Map.entry("eighteen", 18L),
      Map.entry("nineteen", 19L), Map.entry("twenty", 20L), Map.entry("thirty", 30L), Map.entry("forty", 40L),
      Map.entry("fifty", 50L), Map.entry("sixty", 60L), Map.entry("seventy", 70L), Map.entry("eighty", 80L),
      Map.entry("ninety", 90L), Map.entry("hundred", 100L), Map.entry("thousand", 1000L),
      Map.entry("million", 1000000L), Map.entry("billion", 1000000000L));
  private static final List<String> DECIMAL_WORDS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
  private static final String EXAMPLE = " (eg. two million twenty three thousand and forty nine)";

  private WordToNumber() {}

  /** {@code str(w2n.word_to_num(sentence))}. */
  static String wordToNum(String sentence) {
    String s = PythonStrings.lower(sentence.replace('-', ' '));
    if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new java.math.BigInteger(s).toString();
    }
    List<String> clean = new ArrayList<>();
    for (String w : PythonStrings.split(PythonStrings.strip(s))) {
      if (NUMBERS.containsKey(w) || w.equals("point")) {
        clean.add(w);
      }
    }
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("No valid number words found! Please enter a valid number word" + EXAMPLE);
    }
    if (Collections.frequency(clean, "thousand") > 1 || Collections.frequency(clean, "million") > 1
        || Collections.frequency(clean, "billion") > 1 || Collections.frequency(clean, "point") > 1) {
      throw new IllegalArgumentException("Redundant number word! Please enter a valid number word" + EXAMPLE);
    }
    List<String> decimals = List.of();
    int point = clean.indexOf("point");
    if (point >= 0) {
      decimals = clean.subList(point + 1, clean.size());
      clean = clean.subList(0, point);
    }
    int billion = clean.indexOf("billion");
    int million = clean.indexOf("million");
    int thousand = clean.indexOf("thousand");
    if ((thousand > -1 && (thousand < million || thousand < billion)) || (million > -1 && million < billion)) {
      throw new IllegalArgumentException("Malformed number! Please enter a valid number word" + EXAMPLE);
    }
    long total = 0;
    int n = clean.size();
    if (n == 1) {
      total += NUMBERS.get(clean.get(0));
    } else if (n > 1) {
      if (billion > -1) {
        total += formation(clean.subList(0, billion)) * 1000000000L;
      }
      if (million > -1) {
        total += formation(clean.subList(billion > -1 ? billion + 1 : 0, million)) * 1000000L;
      }
      if (thousand > -1) {
        int from = million > -1 ? million + 1 : billion > -1 ? billion + 1 : 0;
        total += formation(clean.subList(from, thousand)) * 1000L;
      }
      long hundreds;
      if (thousand > -1 && thousand != n - 1) {
        hundreds = formation(clean.subList(thousand + 1, n));
      } else if (million > -1 && million != n - 1) {
        hundreds = formation(clean.subList(million + 1, n));
      } else if (billion > -1 && billion != n - 1) {
        hundreds = formation(clean.subList(billion + 1, n));
      } else if (thousand == -1 && million == -1 && billion == -1) {
        hundreds = formation(clean);
      } else {
        hundreds = 0;
      }
      total += hundreds;
    }
    if (!decimals.isEmpty()) {
      Double fraction = decimalSum(decimals);
      // w2n adds the int 0 when a word after "point" is not a digit word: the sum stays an int
      return fraction == null ? Long.toString(total) : Double.toString(total + fraction);
    }
    return Long.toString(total);
  }

  /** w2n's {@code number_formation}. */
  private static long formation(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("list index out of range (a multiplier word with no number before it)");
    }
    List<Long> v = words.stream().map(NUMBERS::get).toList();
    return switch (v.size()) {
      case 4 -> v.get(0) * v.get(1) + v.get(2) + v.get(3);
      case 3 -> v.get(0) * v.get(1) + v.get(2);
      case 2 -> v.contains(100L) ? v.get(0) * v.get(1) : v.get(0) + v.get(1);
      default -> v.get(0);
    };
  }

  /** w2n's {@code get_decimal_sum}; null where it returns the int 0 (a word after "point" is not a digit word). */
  private static Double decimalSum(List<String> words) {
    StringBuilder digits = new StringBuilder("0.");
    for (String w : words) {
      if (!DECIMAL_WORDS.contains(w)) {
        return null;
      }
      digits.append(NUMBERS.get(w));
    }
    return Double.parseDouble(digits.toString());
  }
}
