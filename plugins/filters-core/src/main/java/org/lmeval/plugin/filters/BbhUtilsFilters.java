package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;

/**
 * The filter classes of lm-eval's {@code bbh/zeroshot/utils.py} and {@code bbh/cot_zeroshot/utils.py} (the same
 * file in both folders), registered under the dotted names their {@code !function utils.<Class>} filter steps
 * resolve to: {@code bbh.zeroshot.utils.<Class>} and {@code bbh.cot_zeroshot.utils.<Class>}.
 */
final class BbhUtilsFilters {
  /** The task folders (under the task root) whose YAMLs reference these classes. */
  static final List<String> FOLDERS = List.of("bbh.zeroshot", "bbh.cot_zeroshot");

  private BbhUtilsFilters() {}

  static List<FilterFactory> all() {
    List<FilterFactory> out = new ArrayList<>();
    for (String folder : FOLDERS) {
      out.add(factory(folder, "MapRegexFilter", BbhMapRegexFilter::create));
      out.add(factory(folder, "NumberParseRegexFilter", BbhNumberParseRegexFilter::create));
      out.add(factory(folder, "WordSortFilter", BbhWordSortFilter::create));
      out.add(factory(folder, "MultiChoiceRegexFilter", BbhMultiChoiceRegexFilter::create));
    }
    return out;
  }

  private static FilterFactory factory(String folder, String cls, BiFunction<String, Options, Filter> create) {
    String name = folder + ".utils." + cls;
    return new BuiltinFilterFactory(name, kwargs -> create.apply(name, kwargs));
  }
}
