package io.pksorchestrator.platform;

/** The foundation answered 404: the addressed cluster, task, deployment or installation does not exist. */
public class FoundationNotFoundException extends FoundationException {

  public FoundationNotFoundException(String foundation, String message) {
    super(foundation, 404, message, null);
  }
}
