package io.pksorchestrator.ticketing;

/** Relative URLs of an operation in this API and in the Camunda webapps. */
public final class OperationLinks {

  private OperationLinks() {}

  public static String operation(String id) {
    return "/api/v1/operations/" + id;
  }

  public static String cockpit(String processInstanceId) {
    return "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
  }

  public static String tasklist(String taskId) {
    return "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
