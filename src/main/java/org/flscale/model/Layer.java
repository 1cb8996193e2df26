package org.flscale.model;

/** A dense hidden layer {@code name = activation(weight input) width width}. */
public record Layer(String name, String activation, String weight, String input, String width, SourcePos pos) {}
