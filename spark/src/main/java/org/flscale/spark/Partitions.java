package org.flscale.spark;

import java.io.Serializable;
import java.util.function.Consumer;
import org.flscale.verify.CellRecord;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The Scala pieces of SparkContext.runJob, which the Java API does not wrap: the function run on
 * each partition (its one record) and the driver-side handler of each partition's result.
 */
final class Partitions {
  private Partitions() {}

  /** The partition's first record (each partition holds one cell). */
  static Function1<Iterator<CellRecord>, CellRecord> first() {
    return new First();
  }

  private static final class First extends AbstractFunction1<Iterator<CellRecord>, CellRecord> implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public CellRecord apply(Iterator<CellRecord> it) {
      return it.next();
    }
  }

  /** Hands each partition's record to done (on the driver; not serialised). */
  static Function2<Object, CellRecord, BoxedUnit> handler(Consumer<CellRecord> done) {
    return new AbstractFunction2<>() {
      @Override
      public BoxedUnit apply(Object partition, CellRecord r) {
        done.accept(r);
        return BoxedUnit.UNIT;
      }
    };
  }
}
