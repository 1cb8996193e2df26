package org.flscale.model;

/** The parametrization name as written (e.g. standard, mean_field) and where. */
public record Parametrization(String name, SourcePos pos) {}
