package org.flscale.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "derive", description = "Derive the critical scaling P_* of each .arch file.")
public final class DeriveCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
