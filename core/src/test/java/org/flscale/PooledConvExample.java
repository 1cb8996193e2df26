package org.flscale;

/** docs/extending.md's example kind, a CNN with global average pooling: its rule file and a network that uses it. */
public final class PooledConvExample {
  private PooledConvExample() {}

  public static final String RULES = """
      KindOptions["pooled_conv"] = {"width", "patch", "patches"};
      KindWeights["pooled_conv"] = {"filters"};
      KindOnlyLayer["pooled_conv"] = True;
      KindChecks["pooled_conv", dim_, o_] := {("patch" /. o) ("patches" /. o) == dim};
      KindDimension["pooled_conv", dim_, o_] := "patch" /. o;
      KindUnits["pooled_conv", o_] := "width" /. o;
      LazyDilution["pooled_conv", o_] := 1;
      SpikeDilution["pooled_conv", o_] := 1;
      """;

  public static final String ARCH = """
      model pooled_cnn
      scale d
      scale p = d^(1/2)
      scale n = d^(1/2)
      scale N = d
      input x : gaussian(d)
      target y = He3(w . x)
      network {
        h1 = pooled_conv erf(W1 x) width N patch p patches n
        f = a . h1
      }
      """;
}
