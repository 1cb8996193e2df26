package org.flscale.model;

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

  /**
   * A layer kind of rules/layers.m: its options (each names a scale), the options it takes from the
   * input statement (tokens), its weights, where it may stand, and, for a kind that is the whole
   * network ({@code f = attention(A w x) heads H}), the activation of its values (null otherwise).
   */
  public record LayerKind(String name, List<String> options, List<String> inputOptions, List<String> weights,
      boolean onlyLayer, String valueActivation) {
    public boolean wholeNetwork() {
      return valueActivation != null;
    }
  }

  /** The kind a layer has when its statement names none. */
  public static final String DEFAULT_KIND = "dense";
}
