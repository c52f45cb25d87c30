package io.pksorchestrator.ticketing;

import io.pksorchestrator.operations.ClusterLease;
import org.springframework.http.HttpStatus;

/** 409: the request names a cluster another operation holds; nothing was started. */
public class ClusterBusyProblem extends ApiProblem {

  private final ClusterLease lease;

  public ClusterBusyProblem(ClusterLease lease) {
    super(HttpStatus.CONFLICT, "Cluster busy", "Cluster " + lease.key() + " is held by " + lease.describeHolder()
        + " since " + lease.acquiredAt() + ": one operation changes a cluster at a time. Nothing was started; send"
        + " the request again once that operation has ended (follow it at "
        + OperationLinks.operation(lease.holderId()) + ").", null);
    this.lease = lease;
  }

  public ClusterLease lease() {
    return lease;
  }
}
