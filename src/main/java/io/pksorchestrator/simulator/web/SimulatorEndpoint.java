package io.pksorchestrator.simulator.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a simulator controller. Deliberately NOT a Spring stereotype: the application's component scan
 * covers this package, and {@code @RestController} classes would be served on the application's own port.
 * Only the simulator's web context, whose handler mapping looks for this annotation, serves them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SimulatorEndpoint {}
