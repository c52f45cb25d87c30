package io.pksorchestrator.platform.pks;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/** The PKS / TKGI API ({@code /v1}); every call carries a PKS UAA bearer token. DTOs in {@link PksDtos}. */
@Headers("Accept: application/json")
interface PksApi {

  @RequestLine("GET /v1/plans")
  List<PksDtos.Plan> plans();

  @RequestLine("GET /v1/clusters")
  List<PksDtos.Cluster> clusters();

  @RequestLine("GET /v1/clusters/{name}")
  PksDtos.Cluster cluster(@Param("name") String name);

  /** Same as {@link #cluster} with the {@code kubernetes_setting_*} details populated. */
  @RequestLine("GET /v1/clusterdetails/{name}")
  PksDtos.Cluster clusterDetails(@Param("name") String name);

  @RequestLine("POST /v1/clusters")
  @Headers("Content-Type: application/json")
  PksDtos.Cluster createCluster(PksDtos.ClusterRequest request);

  /** Asynchronous UPDATE; the status code is 202 on PKS 1.5+ ([unconfirmed] for others: any 2xx is accepted). */
  @RequestLine("PATCH /v1/clusters/{name}")
  @Headers("Content-Type: application/json")
  void updateCluster(@Param("name") String name, PksDtos.UpdateCluster update);

  @RequestLine("DELETE /v1/clusters/{name}")
  void deleteCluster(@Param("name") String name);

  /** Returns a kubeconfig (with a token): the gateway keeps only the server address. */
  @RequestLine("POST /v1/clusters/{name}/binds")
  @Headers("Content-Type: application/json")
  JsonNode bind(@Param("name") String name, java.util.Map<String, Object> body);

  @RequestLine("PATCH /v1/clusters")
  @Headers("Content-Type: application/json")
  PksDtos.Task upgradeClusters(PksDtos.UpgradeClusters request);

  @RequestLine("GET /v1/tasks?limit={limit}")
  List<PksDtos.Task> tasks(@Param("limit") int limit);

  @RequestLine("GET /v1/tasks/{id}")
  PksDtos.Task task(@Param("id") String id);

  /** Cancels the clusters of the task that have not started. */
  @RequestLine("PUT /v1/tasks/{id}")
  PksDtos.Task cancelTask(@Param("id") String id);
}
