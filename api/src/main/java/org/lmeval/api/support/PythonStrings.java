package org.lmeval.api.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Python 3.11 {@code str} methods over Java strings, code-point aware: lengths and indices count code
 * points (a character outside the BMP is one, not two), whitespace is Python's, case mappings are the
 * full Unicode ones Python uses (ß → SS, ﬁ → Fi in title case, final sigma in lower).
 *
 * <p>Character data come from Java's tables (Java 17: Unicode 13.0), completed with the Unicode facts
 * Java has no API for (Numeric_Type=Digit/Numeric beyond categories Nd/Nl/No, full title-case
 * mappings, Case_Ignorable). CPython 3.11 uses Unicode 14.0: the code points new in 14.0 behave as
 * unassigned here.
 *
 * <p>Python's errors map to {@link IllegalArgumentException} with Python's message ({@code "substring
 * not found"}, {@code "empty separator"}).
 */
public final class PythonStrings {

  /** Full title-case mappings that differ from {@link Character#toTitleCase(int)} (SpecialCasing). */
  private static final int[][] TITLE_FULL = {
      {0xDF, 0x53, 0x73}, {0x149, 0x2BC, 0x4E}, {0x1F0, 0x4A, 0x30C}, {0x390, 0x399, 0x308, 0x301},
      {0x3B0, 0x3A5, 0x308, 0x301}, {0x587, 0x535, 0x582}, {0x1E96, 0x48, 0x331},
      {0x1E97, 0x54, 0x308}, {0x1E98, 0x57, 0x30A}, {0x1E99, 0x59, 0x30A}, {0x1E9A, 0x41, 0x2BE},
      {0x1F50, 0x3A5, 0x313}, {0x1F52, 0x3A5, 0x313, 0x300}, {0x1F54, 0x3A5, 0x313, 0x301},
      {0x1F56, 0x3A5, 0x313, 0x342}, {0x1FB2, 0x1FBA, 0x345}, {0x1FB4, 0x386, 0x345},
      {0x1FB6, 0x391, 0x342}, {0x1FB7, 0x391, 0x342, 0x345}, {0x1FC2, 0x1FCA, 0x345},
      {0x1FC4, 0x389, 0x345}, {0x1FC6, 0x397, 0x342}, {0x1FC7, 0x397, 0x342, 0x345},
      {0x1FD2, 0x399, 0x308, 0x300}, {0x1FD3, 0x399, 0x308, 0x301}, {0x1FD6, 0x399, 0x342},
      {0x1FD7, 0x399, 0x308, 0x342}, {0x1FE2, 0x3A5, 0x308, 0x300}, {0x1FE3, 0x3A5, 0x308, 0x301},
      {0x1FE4, 0x3A1, 0x313}, {0x1FE6, 0x3A5, 0x342}, {0x1FE7, 0x3A5, 0x308, 0x342},
      {0x1FF2, 0x1FFA, 0x345}, {0x1FF4, 0x38F, 0x345}, {0x1FF6, 0x3A9, 0x342},
      {0x1FF7, 0x3A9, 0x342, 0x345}, {0xFB00, 0x46, 0x66}, {0xFB01, 0x46, 0x69}, {0xFB02, 0x46, 0x6C},
      {0xFB03, 0x46, 0x66, 0x69}, {0xFB04, 0x46, 0x66, 0x6C}, {0xFB05, 0x53, 0x74},
      {0xFB06, 0x53, 0x74}, {0xFB13, 0x544, 0x576}, {0xFB14, 0x544, 0x565}, {0xFB15, 0x544, 0x56B},
      {0xFB16, 0x54E, 0x576}, {0xFB17, 0x544, 0x56D}};

  /** Numeric_Type=Digit code points outside category Nd (superscripts, circled digits...), as ranges. */
  private static final int[] DIGIT_NOT_ND = {
      0xB2, 0xB3, 0xB9, 0xB9, 0x1369, 0x1371, 0x19DA, 0x19DA, 0x2070, 0x2070, 0x2074, 0x2079,
      0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247C, 0x2488, 0x2490, 0x24EA, 0x24EA, 0x24F5,
      0x24FD, 0x24FF, 0x24FF, 0x2776, 0x277E, 0x2780, 0x2788, 0x278A, 0x2792, 0x10A40, 0x10A43,
      0x10E60, 0x10E68, 0x11052, 0x1105A, 0x1F100, 0x1F10A};

  /** Numeric code points outside categories Nd/Nl/No (CJK numerals from Unihan), sorted. */
  private static final int[] NUMERIC_NOT_N = {
      0x3405, 0x3483, 0x382A, 0x3B4D, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94,
      0x4E96, 0x4EBF, 0x4EC0, 0x4EDF, 0x4EE8, 0x4F0D, 0x4F70, 0x5104, 0x5146, 0x5169, 0x516B,
      0x516D, 0x5341, 0x5343, 0x5344, 0x5345, 0x534C, 0x53C1, 0x53C2, 0x53C3, 0x53C4, 0x56DB,
      0x58F1, 0x58F9, 0x5E7A, 0x5EFE, 0x5EFF, 0x5F0C, 0x5F0D, 0x5F0E, 0x5F10, 0x62FE, 0x634C,
      0x67D2, 0x6F06, 0x7396, 0x767E, 0x8086, 0x842C, 0x8CAE, 0x8CB3, 0x8D30, 0x9621, 0x9646,
      0x964C, 0x9678, 0x96F6, 0xF96B, 0xF973, 0xF978, 0xF9B2, 0xF9D1, 0xF9D3, 0xF9FD, 0x20001,
      0x20064, 0x200E2, 0x20121, 0x2092A, 0x20983, 0x2098C, 0x2099C, 0x20AEA, 0x20AFD, 0x20B19,
      0x22390, 0x22998, 0x23B1B, 0x2626D, 0x2F890};

  /** Word_Break MidLetter, MidNumLet and Single_Quote: case-ignorable besides Mn Me Cf Lm Sk. */
  private static final int[] CASE_IGNORABLE_PUNCTUATION = {
      0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
      0xFE55, 0xFF07, 0xFF0E, 0xFF1A};

  private static final int CAPITAL_SIGMA = 0x3A3;

  private PythonStrings() {}

  // ------------------------------------------------------------------------------ character classes

  /** Python's whitespace ({@code str.isspace} of one code point): includes U+001C..U+001F, NBSP. */
  public static boolean isspace(int cp) {
    if (cp <= 0x20) {
      return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    if (cp < 0x85) {
      return false;
    }
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
  }

  /** {@code str.isdecimal} of one code point: category Nd. */
  public static boolean isdecimal(int cp) {
    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /** {@code str.isdigit} of one code point: Numeric_Type Decimal or Digit (superscripts count). */
  public static boolean isdigit(int cp) {
    if (isdecimal(cp)) {
      return true;
    }
    for (int i = 0; i < DIGIT_NOT_ND.length; i += 2) {
      if (cp >= DIGIT_NOT_ND[i] && cp <= DIGIT_NOT_ND[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** {@code str.isnumeric} of one code point: any Numeric_Type (½, Ⅻ, 五 count). */
  public static boolean isnumeric(int cp) {
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER || Arrays.binarySearch(NUMERIC_NOT_N, cp) >= 0;
  }

  /** {@code str.isalpha} of one code point: categories Lu Ll Lt Lm Lo. */
  public static boolean isalpha(int cp) {
    return Character.isLetter(cp);
  }

  /** {@code str.isalnum} of one code point. */
  public static boolean isalnum(int cp) {
    return isalpha(cp) || isnumeric(cp);
  }

  /** Unicode Cased (Lowercase, Uppercase or Lt), as Python's title() and final-sigma rule see it. */
  public static boolean isCased(int cp) {
    return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /** Unicode Case_Ignorable. */
  public static boolean isCaseIgnorable(int cp) {
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.FORMAT:
      case Character.MODIFIER_LETTER:
      case Character.MODIFIER_SYMBOL:
        return true;
      default:
        return Arrays.binarySearch(CASE_IGNORABLE_PUNCTUATION, cp) >= 0;
    }
  }

  // ------------------------------------------------------------------------------ is* predicates

  /** {@code s.isspace()}: non-empty and all whitespace. */
  public static boolean isspace(String s) {
    return all(s, 0);
  }

  /** {@code s.isdigit()}. */
  public static boolean isdigit(String s) {
    return all(s, 1);
  }

  /** {@code s.isnumeric()}. */
  public static boolean isnumeric(String s) {
    return all(s, 2);
  }

  /** {@code s.isdecimal()}. */
  public static boolean isdecimal(String s) {
    return all(s, 3);
  }

  /** {@code s.isalpha()}. */
  public static boolean isalpha(String s) {
    return all(s, 4);
  }

  /** {@code s.isalnum()}. */
  public static boolean isalnum(String s) {
    return all(s, 5);
  }

  private static boolean all(String s, int kind) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean ok;
      switch (kind) {
        case 0: ok = isspace(cp); break;
        case 1: ok = isdigit(cp); break;
        case 2: ok = isnumeric(cp); break;
        case 3: ok = isdecimal(cp); break;
        case 4: ok = isalpha(cp); break;
        default: ok = isalnum(cp);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code s.islower()}: some cased character and no upper- or title-case one. */
  public static boolean islower(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isLowerCase(cp);
    }
    return cased;
  }

  /** {@code s.isupper()}: some cased character and no lower- or title-case one. */
  public static boolean isupper(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isUpperCase(cp);
    }
    return cased;
  }

  // ------------------------------------------------------------------------------ case mapping

  /** {@code s.lower()}: full lowercase mapping, Σ → ς at the end of a word. */
  public static String lower(String s) {
    if (s.indexOf(CAPITAL_SIGMA) < 0) {
      return s.toLowerCase(Locale.ROOT);
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      appendLower(b, s, i, cp);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /** {@code s.upper()}: full uppercase mapping (ß → SS). */
  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** {@code s.capitalize()}: first character title-cased, the rest lower-cased (Python 3.8+). */
  public static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int first = s.codePointAt(0);
    appendTitle(b, first);
    for (int i = Character.charCount(first); i < s.length(); ) {
      int cp = s.codePointAt(i);
      appendLower(b, s, i, cp);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /**
   * {@code s.title()}: a character after a cased one is lower-cased, any other is title-cased (so
   * {@code "they're"} → {@code "They'Re"}, as in Python).
   */
  public static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean previousIsCased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (previousIsCased) {
        appendLower(b, s, i, cp);
      } else {
        appendTitle(b, cp);
      }
      previousIsCased = isCased(cp);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static void appendTitle(StringBuilder b, int cp) {
    if (cp >= 0xDF && cp <= 0xFB17) {
      for (int[] row : TITLE_FULL) {
        if (row[0] == cp) {
          for (int k = 1; k < row.length; k++) {
            b.appendCodePoint(row[k]);
          }
          return;
        }
      }
    }
    b.appendCodePoint(Character.toTitleCase(cp));
  }

  /** Python's lower_ucs4: full lowercase of one code point; Σ by the Final_Sigma context at {@code i}. */
  private static void appendLower(StringBuilder b, String s, int i, int cp) {
    if (cp == CAPITAL_SIGMA) {
      b.append(finalSigma(s, i) ? '\u03C2' : '\u03C3');
    } else if (cp < 0x80) {
      b.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp == 0x130) {
      b.append("i\u0307");
    } else {
      b.appendCodePoint(Character.toLowerCase(cp));
    }
  }

  /** Final_Sigma: a cased letter before (skipping case-ignorables), none after. */
  private static boolean finalSigma(String s, int i) {
    int j = i;
    int c = -1;
    while (j > 0) {
      c = s.codePointBefore(j);
      j -= Character.charCount(c);
      if (!isCaseIgnorable(c)) {
        break;
      }
      c = -1;
    }
    if (c < 0 || !isCased(c)) {
      return false;
    }
    j = i + 1;
    while (j < s.length()) {
      c = s.codePointAt(j);
      j += Character.charCount(c);
      if (!isCaseIgnorable(c)) {
        return !isCased(c);
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------ strip and split

  /** {@code s.strip()}: Python whitespace off both ends. */
  public static String strip(String s) {
    return strip(s, null, true, true);
  }

  /** {@code s.strip(chars)}; {@code chars == null} means whitespace. */
  public static String strip(String s, String chars) {
    return strip(s, chars, true, true);
  }

  /** {@code s.lstrip()}. */
  public static String lstrip(String s) {
    return strip(s, null, true, false);
  }

  /** {@code s.lstrip(chars)}; {@code chars == null} means whitespace. */
  public static String lstrip(String s, String chars) {
    return strip(s, chars, true, false);
  }

  /** {@code s.rstrip()}. */
  public static String rstrip(String s) {
    return strip(s, null, false, true);
  }

  /** {@code s.rstrip(chars)}; {@code chars == null} means whitespace. */
  public static String rstrip(String s, String chars) {
    return strip(s, chars, false, true);
  }

  private static String strip(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end) {
        int cp = s.codePointAt(start);
        if (!stripped(cp, chars)) {
          break;
        }
        start += Character.charCount(cp);
      }
    }
    if (right) {
      while (end > start) {
        int cp = s.codePointBefore(end);
        if (!stripped(cp, chars)) {
          break;
        }
        end -= Character.charCount(cp);
      }
    }
    return s.substring(start, end);
  }

  private static boolean stripped(int cp, String chars) {
    if (chars == null) {
      return isspace(cp);
    }
    return chars.indexOf(cp) >= 0;
  }

  /** {@code s.split()}: runs of whitespace separate, empty fields dropped. */
  public static List<String> split(String s) {
    return split(s, null, -1);
  }

  /** {@code s.split(sep)}; {@code sep == null} splits on whitespace. */
  public static List<String> split(String s, String sep) {
    return split(s, sep, -1);
  }

  /**
   * {@code s.split(sep, maxsplit)}: with a separator, every occurrence splits and empty fields stay;
   * with {@code sep == null}, whitespace runs split and the remainder after {@code maxsplit} splits
   * keeps its trailing whitespace. {@code maxsplit < 0} means no limit.
   */
  public static List<String> split(String s, String sep, int maxsplit) {
    int max = maxsplit < 0 ? Integer.MAX_VALUE : maxsplit;
    List<String> out = new ArrayList<>();
    if (sep == null) {
      int n = s.length();
      int i = 0;
      while (max-- > 0) {
        while (i < n && isspace(s.charAt(i))) {
          i++;
        }
        if (i == n) {
          break;
        }
        int j = i;
        i++;
        while (i < n && !isspace(s.charAt(i))) {
          i++;
        }
        out.add(s.substring(j, i));
      }
      if (i < n) {
        while (i < n && isspace(s.charAt(i))) {
          i++;
        }
        if (i != n) {
          out.add(s.substring(i));
        }
      }
      return out;
    }
    if (sep.isEmpty()) {
      throw new IllegalArgumentException("empty separator");
    }
    int i = 0;
    int j;
    while (max-- > 0 && (j = s.indexOf(sep, i)) >= 0) {
      out.add(s.substring(i, j));
      i = j + sep.length();
    }
    out.add(s.substring(i));
    return out;
  }

  /** {@code s.rsplit(sep, maxsplit)}: as {@link #split(String, String, int)}, from the right. */
  public static List<String> rsplit(String s, String sep, int maxsplit) {
    int max = maxsplit < 0 ? Integer.MAX_VALUE : maxsplit;
    List<String> out = new ArrayList<>();
    if (sep == null) {
      int i = s.length() - 1;
      while (max-- > 0) {
        while (i >= 0 && isspace(s.charAt(i))) {
          i--;
        }
        if (i < 0) {
          break;
        }
        int j = i;
        i--;
        while (i >= 0 && !isspace(s.charAt(i))) {
          i--;
        }
        out.add(s.substring(i + 1, j + 1));
      }
      if (i >= 0) {
        while (i >= 0 && isspace(s.charAt(i))) {
          i--;
        }
        if (i >= 0) {
          out.add(s.substring(0, i + 1));
        }
      }
      Collections.reverse(out);
      return out;
    }
    if (sep.isEmpty()) {
      throw new IllegalArgumentException("empty separator");
    }
    int end = s.length();
    int j;
    while (max-- > 0 && end >= sep.length() && (j = s.lastIndexOf(sep, end - sep.length())) >= 0) {
      out.add(s.substring(j + sep.length(), end));
      end = j;
    }
    out.add(s.substring(0, end));
    Collections.reverse(out);
    return out;
  }

  /** {@code s.rsplit()}. */
  public static List<String> rsplit(String s) {
    return rsplit(s, null, -1);
  }

  /** {@code sep.join(items)}. */
  public static String join(String sep, Iterable<? extends CharSequence> items) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (CharSequence item : items) {
      if (item == null) {
        throw new IllegalArgumentException(
            "sequence item " + i + ": expected str instance, NoneType found");
      }
      if (i++ > 0) {
        b.append(sep);
      }
      b.append(item);
    }
    return b.toString();
  }

  // ------------------------------------------------------------------------------ search, replace

  /** {@code len(s)}: code points. */
  public static int len(String s) {
    return s.codePointCount(0, s.length());
  }

  /** {@code s[start:end]} with Python's slice rules (negative indices count from the end, clamped). */
  public static String slice(String s, Integer start, Integer end) {
    int n = len(s);
    int a = start == null ? 0 : adjust(start, n);
    int z = end == null ? n : adjust(end, n);
    if (z <= a) {
      return "";
    }
    return s.substring(offset(s, a), offset(s, z));
  }

  private static int adjust(int index, int n) {
    if (index < 0) {
      index += n;
      return Math.max(index, 0);
    }
    return Math.min(index, n);
  }

  /** UTF-16 offset of code point index {@code cp} (0 ≤ cp ≤ len). */
  private static int offset(String s, int cp) {
    return s.offsetByCodePoints(0, cp);
  }

  /** Code point index of UTF-16 offset {@code off}. */
  private static int cpIndex(String s, int off) {
    return s.codePointCount(0, off);
  }

  /** {@code s.startswith(prefix)}. */
  public static boolean startswith(String s, String prefix) {
    return s.startsWith(prefix);
  }

  /** {@code s.endswith(suffix)}. */
  public static boolean endswith(String s, String suffix) {
    return s.endsWith(suffix);
  }

  /** {@code s.find(sub)}: code point index of the first occurrence, or -1. */
  public static int find(String s, String sub) {
    int off = s.indexOf(sub);
    return off < 0 ? -1 : cpIndex(s, off);
  }

  /** {@code s.find(sub, start, end)}; {@code null} bounds are omitted arguments. */
  public static int find(String s, String sub, Integer start, Integer end) {
    int[] r = range(s, start, end);
    if (r == null || r[1] - r[0] < sub.length()) {
      return -1;
    }
    int off = s.substring(0, r[1]).indexOf(sub, r[0]);
    return off < 0 ? -1 : cpIndex(s, off);
  }

  /** {@code s.rfind(sub)}. */
  public static int rfind(String s, String sub) {
    int off = s.lastIndexOf(sub);
    return off < 0 ? -1 : cpIndex(s, off);
  }

  /** {@code s.rfind(sub, start, end)}. */
  public static int rfind(String s, String sub, Integer start, Integer end) {
    int[] r = range(s, start, end);
    if (r == null || r[1] - r[0] < sub.length()) {
      return -1;
    }
    int off = s.substring(0, r[1]).lastIndexOf(sub);
    return off < r[0] ? -1 : cpIndex(s, off);
  }

  /** {@code s.index(sub)}: as find, but a missing substring raises. */
  public static int index(String s, String sub) {
    return found(find(s, sub));
  }

  /** {@code s.index(sub, start, end)}. */
  public static int index(String s, String sub, Integer start, Integer end) {
    return found(find(s, sub, start, end));
  }

  /** {@code s.rindex(sub)}. */
  public static int rindex(String s, String sub) {
    return found(rfind(s, sub));
  }

  private static int found(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("substring not found");
    }
    return i;
  }

  /** UTF-16 [from, to) of the slice [start:end] in code points, or null when start > len. */
  private static int[] range(String s, Integer start, Integer end) {
    int n = len(s);
    int a = start == null ? 0 : start < 0 ? Math.max(start + n, 0) : start;
    int z = end == null ? n : end < 0 ? Math.max(end + n, 0) : Math.min(end, n);
    if (a > n) {
      return null;
    }
    if (z < a) {
      return new int[] {0, -1};
    }
    return new int[] {offset(s, a), offset(s, z)};
  }

  /** {@code s.count(sub)}: non-overlapping occurrences; an empty {@code sub} counts len + 1. */
  public static int count(String s, String sub) {
    if (sub.isEmpty()) {
      return len(s) + 1;
    }
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
      n++;
    }
    return n;
  }

  /** {@code s.replace(old, new)}. */
  public static String replace(String s, String old, String replacement) {
    return replace(s, old, replacement, -1);
  }

  /**
   * {@code s.replace(old, new, count)}: at most {@code count} replacements ({@code < 0}: all). An empty
   * {@code old} inserts {@code new} before every code point and at the end.
   */
  public static String replace(String s, String old, String replacement, int count) {
    int max = count < 0 ? Integer.MAX_VALUE : count;
    if (max == 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    if (old.isEmpty()) {
      int i = 0;
      while (i < s.length() && max > 0) {
        b.append(replacement);
        max--;
        int cp = s.codePointAt(i);
        b.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      if (max > 0) {
        b.append(replacement);
      }
      return b.append(s, i, s.length()).toString();
    }
    int i = 0;
    int j;
    while (max > 0 && (j = s.indexOf(old, i)) >= 0) {
      b.append(s, i, j).append(replacement);
      i = j + old.length();
      max--;
    }
    return b.append(s, i, s.length()).toString();
  }

  /** {@code s.zfill(width)}: zeros on the left, after a leading sign. */
  public static String zfill(String s, int width) {
    int fill = width - len(s);
    if (fill <= 0) {
      return s;
    }
    String zeros = "0".repeat(fill);
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      return s.charAt(0) + zeros + s.substring(1);
    }
    return zeros + s;
  }

  /**
   * Python's order of {@code str} values: by code point ({@code String.compareTo} orders UTF-16 units, which
   * differs for characters outside the Basic Multilingual Plane).
   */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
