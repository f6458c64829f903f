package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.filter.FilterFactory;

/**
 * lm-eval's built-in response filters (the {@code filters-core} plugin), and the filter classes of lm-eval's bbh
 * zero-shot task folders ({@link BbhUtilsFilters}).
 */
public final class FiltersPlugin implements Plugin {
  @Override
  public Collection<FilterFactory> filters() {
    List<FilterFactory> all = new ArrayList<>(List.of(
        new BuiltinFilterFactory(TakeFirstFilter.NAME, TakeFirstFilter::create),
        new BuiltinFilterFactory(TakeFirstKFilter.NAME, TakeFirstKFilter::create),
        new BuiltinFilterFactory(MajorityVoteFilter.NAME, MajorityVoteFilter::create),
        new BuiltinFilterFactory(MapFilter.NAME, MapFilter::create),
        new BuiltinFilterFactory(RegexFilter.NAME, RegexFilter::create),
        new BuiltinFilterFactory(MultiChoiceRegexFilter.NAME, MultiChoiceRegexFilter::create),
        new BuiltinFilterFactory(RegexPosFilter.NAME, RegexPosFilter::create),
        transform(StringTransformFilter.Transform.REMOVE_WHITESPACE),
        transform(StringTransformFilter.Transform.LOWERCASE),
        transform(StringTransformFilter.Transform.UPPERCASE)));
    all.addAll(BbhUtilsFilters.all());
    return all;
  }

  private static FilterFactory transform(StringTransformFilter.Transform t) {
    return new BuiltinFilterFactory(t.filterName(), kwargs -> StringTransformFilter.create(t, kwargs));
  }
}
