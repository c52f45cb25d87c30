package io.pksorchestrator.platform.bosh;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.util.List;

/**
 * The BOSH Director API. Mutating and "full" reads answer {@code 302 Location: /tasks/<id>}; redirects are never
 * followed automatically, the gateway reads the Location header and polls the task itself.
 */
@Headers("Accept: application/json")
interface BoshApi {

  /** Unauthenticated. */
  @RequestLine("GET /info")
  BoshDtos.Info info();

  @RequestLine("GET /deployments")
  List<BoshDtos.Deployment> deployments();

  /** Immediate list without process state, with {@code expects_vm}. */
  @RequestLine("GET /deployments/{name}/instances")
  List<BoshDtos.Instance> instances(@Param("name") String deployment);

  /** Answers 302 to a task whose result has one instance JSON object per line; the raw response is returned. */
  @RequestLine("GET /deployments/{name}/instances?format=full")
  Response instancesFull(@Param("name") String deployment);

  @RequestLine("GET /tasks/{id}")
  BoshTask task(@Param("id") long id);

  /** {@code type=result}: the task's result; {@code event}: newline-separated event records. */
  @RequestLine("GET /tasks/{id}/output?type={type}")
  @Headers("Accept: text/plain, application/json")
  String taskOutput(@Param("id") long id, @Param("type") String type);

  /** Cancels one task; note the singular {@code /task}. */
  @RequestLine("DELETE /task/{id}")
  void cancelTask(@Param("id") long id);

  @RequestLine("GET /stemcells")
  List<BoshDtos.Stemcell> stemcells();
}
