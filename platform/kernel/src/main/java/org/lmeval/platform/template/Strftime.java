package org.lmeval.platform.template;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} in the C locale, for transformers' {@code strftime_now} (chat templates
 * print today's date with it, e.g. {@code strftime_now("%d %b %Y")}). Directives: {@code %a %A %b %B %d %m %y %Y
 * %H %I %M %S %p %j %%}; any other is an error.
 */
final class Strftime {
  private Strftime() {}

  static String format(String pattern, LocalDateTime t) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 == pattern.length()) {
        out.append(c);
        continue;
      }
      char d = pattern.charAt(++i);
      switch (d) {
        case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'b' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
        case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
        case 'y' -> out.append(String.format("%02d", t.getYear() % 100));
        case 'Y' -> out.append(t.getYear());
        case 'H' -> out.append(String.format("%02d", t.getHour()));
        case 'I' -> out.append(String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
        case 'M' -> out.append(String.format("%02d", t.getMinute()));
        case 'S' -> out.append(String.format("%02d", t.getSecond()));
        case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
        case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
        case '%' -> out.append('%');
        default -> throw PyException.valueError("strftime directive %" + d + " is not supported");
      }
    }
    return out.toString();
  }
}
