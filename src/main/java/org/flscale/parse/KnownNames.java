package org.flscale.parse;

import java.util.List;
import java.util.Set;

/**
 * The names the rule set defines, against which a file is checked: activations, patterns,
 * parametrizations and input distributions. They come from rules/, not from the grammar.
 */
public record KnownNames(
    Set<String> activations, List<String> patterns, Set<String> parametrizations, Set<String> distributions,
    int maxDegree) {}
