package dev.procession.scenario;

import dev.procession.runtime.Program;
import java.util.List;
import java.util.Map;

/**
 * A lesson: the program it runs (the runtime finds it by {@link #id()} in every child), its
 * texts in English and Simplified Chinese, its parameters, and the Python listing it mirrors.
 * Every runtime call of its code marks the listing line it corresponds to.
 */
public interface Scenario extends Program {
    /** Title and explanation by language tag: "en" and "zh-Hans". */
    Map<String, String> title();

    Map<String, String> explanation();

    List<Parameter> parameters();

    Listing listing();
}
