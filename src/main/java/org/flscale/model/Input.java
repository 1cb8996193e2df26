package org.flscale.model;

/** The input {@code name : distribution(dimension)}; only isotropic gaussian inputs exist today. */
public record Input(String name, String distribution, String dimension, SourcePos pos) {}
