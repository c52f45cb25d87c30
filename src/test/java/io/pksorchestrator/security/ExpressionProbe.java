package io.pksorchestrator.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * TEST ONLY: a bean whose method records every call, so a test can prove that an expression such as
 * {@code ${expressionProbe.touch()}} was never evaluated. Registered into a running context as {@value #NAME} (which
 * leaves the cached context's key unchanged); the engine's Spring expression manager resolves it like any bean.
 */
public final class ExpressionProbe {

  public static final String NAME = "expressionProbe";
  public static final String EXPRESSION = "${" + NAME + ".touch()}";
  private static final AtomicInteger CALLS = new AtomicInteger();

  /** Called by an evaluated expression; returns a user id nobody has. */
  public String touch() {
    return "probe-" + CALLS.incrementAndGet();
  }

  /** How often any expression called {@link #touch()} in this JVM. */
  public static int calls() {
    return CALLS.get();
  }

  /** Registers the probe in the context unless it is there already. */
  public static void register(ConfigurableApplicationContext context) {
    if (!context.containsBean(NAME)) {
      context.getBeanFactory().registerSingleton(NAME, new ExpressionProbe());
    }
  }
}
