package org.lmeval.api.support;

import java.util.Locale;

/**
 * Resolves the names of Python's {@code \N{...}} escapes (Unicode 14, as CPython 3.11): character
 * names (case-insensitive), the derived {@code HANGUL SYLLABLE ...} and {@code CJK UNIFIED
 * IDEOGRAPH-XXXX} names. Name aliases are not known (Java has no alias table).
 */
public final class UnicodeNames {
  private static final String[] JAMO_L = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "",
      "J", "JJ", "C", "K", "T", "P", "H"};
  private static final String[] JAMO_V = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA",
      "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
  private static final String[] JAMO_T = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM",
      "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};
  /** CJK unified ideograph ranges of Unicode 14 (CPython 3.11's unicodedata). */
  private static final int[][] UNIFIED = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0x20000, 0x2A6DF},
      {0x2A700, 0x2B738}, {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0},
      {0x30000, 0x3134A}};
  private static final String CJK = "CJK UNIFIED IDEOGRAPH-";

  private UnicodeNames() {}

  /** The code point named {@code name}, or -1. */
  public static int lookup(String name) {
    if (name.isEmpty() || !name.strip().equals(name)) {
      return -1;
    }
    if (name.regionMatches(true, 0, "HANGUL SYLLABLE ", 0, 16)) {
      return hangul(name.substring(16));
    }
    if (name.startsWith(CJK)) {
      String hex = name.substring(CJK.length());
      if ((hex.length() == 4 || hex.length() == 5) && hex.chars().allMatch(
          c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
        int cp = Integer.parseInt(hex, 16);
        for (int[] r : UNIFIED) {
          if (cp >= r[0] && cp <= r[1]) {
            return cp;
          }
        }
      }
      return -1;
    }
    int cp;
    try {
      cp = Character.codePointOf(name);
    } catch (IllegalArgumentException unknown) {
      return -1;
    }
    // Java also answers to its made-up "<BLOCK> <HEX>" names of unnamed code points: Python does not.
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    if (block != null && name.equalsIgnoreCase(block.toString().replace('_', ' ') + " "
        + Integer.toHexString(cp).toUpperCase(Locale.ROOT))) {
      return -1;
    }
    return cp;
  }

  private static int hangul(String jamo) {
    // longest-match split of the short jamo names, as unicodedata's find_syllable does
    for (int l = 0; l < JAMO_L.length; l++) {
      for (int v = 0; v < JAMO_V.length; v++) {
        for (int t = 0; t < JAMO_T.length; t++) {
          if (jamo.equals(JAMO_L[l] + JAMO_V[v] + JAMO_T[t])) {
            return 0xAC00 + (l * 21 + v) * 28 + t;
          }
        }
      }
    }
    return -1;
  }
}
