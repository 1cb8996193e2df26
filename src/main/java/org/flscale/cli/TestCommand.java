package org.flscale.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "test", description = "Run the regression suite: each NAME.arch against NAME.expected.json.")
public final class TestCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
