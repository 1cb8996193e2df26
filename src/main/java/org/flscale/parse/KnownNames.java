package org.flscale.parse;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names the rule set defines, against which a file is checked: activations, patterns,
 * parametrizations, input distributions, layer kinds and the readings of lazy layers (the first is
 * the default). They come from rules/, not from the grammar.
 */
public record KnownNames(
    Set<String> activations, List<String> patterns, Set<String> parametrizations, Set<String> distributions,
    Map<String, LayerKind> kinds, List<String> lazyReadings, int maxDegree) {

  /** A layer kind of rules/layers.m: its options (each names a scale), its weights, where it may stand. */
  public record LayerKind(String name, List<String> options, List<String> weights, boolean onlyLayer) {}

  /** The kind a layer has when its statement names none. */
  public static final String DEFAULT_KIND = "dense";
}
