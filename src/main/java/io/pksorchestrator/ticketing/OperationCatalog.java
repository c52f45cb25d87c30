package io.pksorchestrator.ticketing;

import io.pksorchestrator.operations.OperationContract;
import java.util.List;
import org.springframework.stereotype.Component;

/** The processes an operation id may belong to: those whose package offers an {@link OperationContract}. */
@Component
public class OperationCatalog {

  private final List<String> processKeys;

  public OperationCatalog(List<OperationContract<?>> contracts) {
    this.processKeys = contracts.stream().map(OperationContract::processKey).sorted().toList();
  }

  /** Process definition keys of the operations. */
  public List<String> processKeys() {
    return processKeys;
  }

  /** Whether the process definition key is one of an operation. */
  public boolean isOperation(String processDefinitionKey) {
    return processKeys.contains(processDefinitionKey);
  }

  /** Whether the process definition id ({@code key:version:id}) is one of an operation. */
  public boolean isOperationDefinition(String processDefinitionId) {
    return processDefinitionId != null && processKeys.stream().anyMatch(k -> processDefinitionId.startsWith(k + ":"));
  }
}
