package org.flscale.dynamics;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * One neuron f(x) = a w . x on whitened data, eta_a = eta_w = 1: the exact (mu, phi) equations,
 * mu' = S (phi beta - mu), phi' = mu beta (1 - phi^2) / (eta_a |w|^2), S = Sqrt[delta^2 + 4 mu^2],
 * with eta_a |w|^2 = (S - delta)/2 written without cancellation; and the kernel M = eta_w a^2 I +
 * eta_a w w^T on the input space, whose cosine distance S(0, t) is the observable.
 */
final class NeuronFlow {
  record Point(double mu, double phi) {}

  /** The first time the loss is below {@code lossStop}, and the state then. */
  record Stop(double time, Point state) {}

  final double delta, beta;

  NeuronFlow(double delta, double beta) {
    this.delta = delta;
    this.beta = beta;
  }

  double s(double mu) {
    return Math.sqrt(delta * delta + 4 * mu * mu);
  }

  double isotropic(double mu) {
    double s = s(mu);
    return delta >= 0 ? (s + delta) / 2 : 2 * mu * mu / (s - delta);
  }

  double rankOne(double mu) {
    double s = s(mu);
    return delta <= 0 ? (s - delta) / 2 : 2 * mu * mu / (s + delta);
  }

  double loss(Point p) {
    return 0.5 * (p.mu * p.mu - 2 * p.mu * p.phi * beta + beta * beta);
  }

  /** S(0, t) = 1 - <M0, Mt>/(|M0||Mt|) on d dimensions; w turns in the plane of w0 and beta_*. */
  double kernelDistance(Point p0, Point p1, int d) {
    double a0 = isotropic(p0.mu), g0 = rankOne(p0.mu), a1 = isotropic(p1.mu), g1 = rankOne(p1.mu);
    double c = p0.phi * p1.phi + Math.sqrt(Math.max(0, 1 - p0.phi * p0.phi)) * Math.sqrt(Math.max(0, 1 - p1.phi * p1.phi));
    double inner = d * a0 * a1 + a0 * g1 + a1 * g0 + g0 * g1 * c * c;
    double n0 = d * a0 * a0 + 2 * a0 * g0 + g0 * g0, n1 = d * a1 * a1 + 2 * a1 * g1 + g1 * g1;
    return Math.max(0, 1 - inner / Math.sqrt(n0 * n1));
  }

  private final FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
    public int getDimension() {
      return 2;
    }

    public void computeDerivatives(double t, double[] y, double[] dy) {
      double mu = y[0], phi = Math.max(-1, Math.min(1, y[1])), s = s(mu);
      dy[0] = s * (phi * beta - mu);
      double muOverRank = delta > 0 ? (s + delta) / (2 * mu) : 2 * mu / (s - delta);
      dy[1] = beta * (1 - phi * phi) * muOverRank;
    }
  };

  /** Integrates from p to time t. */
  Point at(Point p, double t) {
    if (t <= 0) return p;
    double[] y = {p.mu, p.phi};
    new DormandPrince853Integrator(1e-14 * t, t, 1e-13, 1e-11).integrate(ode, 0, y, t, y);
    return new Point(y[0], y[1]);
  }

  /** Integrates from p until the loss falls below lossStop (or tMax). */
  Stop until(Point p, double lossStop, double tMax) {
    double[] y = {p.mu, p.phi};
    DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-14 * tMax, tMax / 50, 1e-13, 1e-11);
    dp.addEventHandler(new EventHandler() {
      public void init(double t0, double[] y0, double t) {}

      public double g(double t, double[] y) {
        return loss(new Point(y[0], y[1])) - lossStop;
      }

      public Action eventOccurred(double t, double[] y, boolean increasing) {
        return Action.STOP;
      }

      public void resetState(double t, double[] y) {}
    }, tMax / 1000, 1e-12 * tMax, 1000);
    double t = dp.integrate(ode, 0, y, tMax, y);
    return new Stop(t, new Point(y[0], y[1]));
  }
}
