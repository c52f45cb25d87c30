package io.pksorchestrator.ticketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import io.pksorchestrator.security.OwnInstanceGrants;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts an operation's process at most once per (client, idempotency key): the key is claimed in the same
 * transaction as the process start, so a duplicate arriving at the same moment on another node waits for the
 * winner's commit and then gets the winner's operation. The product starts the process as itself (ticketing users
 * have no permission to start operations over {@code /engine-rest}) with {@code requestedBy} naming the
 * authenticated caller, which the engine then keeps unchanged (four-eyes rule, docs/security.md); a ticketing caller
 * is granted READ on the instance it asked for.
 */
@Service
public class OperationStarter {

  /** The operation a request maps to; {@code created} is false when an earlier request had started it. */
  public record Started(String operationId, String processKey, boolean created) {}

  /** A request to start, with its idempotency key (may be null: then it always starts). */
  public record StartCommand(
      String client, String idempotencyKey, Object request, String processKey, String businessKey,
      Map<String, Object> variables) {}

  private static final int MAX_ATTEMPTS = 100;
  private static final long WAIT_NANOS = 100_000_000L;

  private final RuntimeService runtimeService;
  private final IdempotencyRepository repository;
  private final TransactionTemplate transactions;
  private final ObjectMapper objectMapper;
  private final IdentityService identityService;
  private final OwnInstanceGrants grants;

  public OperationStarter(RuntimeService runtimeService, IdempotencyRepository repository,
      TransactionTemplate transactions, ObjectMapper objectMapper, IdentityService identityService,
      OwnInstanceGrants grants) {
    this.runtimeService = runtimeService;
    this.repository = repository;
    this.transactions = transactions;
    this.objectMapper = objectMapper;
    this.identityService = identityService;
    this.grants = grants;
  }

  /**
   * The operation an earlier request with this key started, if any ({@code created} false); a different request
   * under the same key answers 409. Nothing is read from the foundation for a repeated request.
   */
  public Optional<Started> repeated(String client, String idempotencyKey, Object request, String processKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    StartCommand command = new StartCommand(client, idempotencyKey, request, processKey, null, Map.of());
    return existing(command, hash(command));
  }

  public Started start(StartCommand command) {
    if (command.idempotencyKey() == null) {
      return new Started(startProcess(command), command.processKey(), true);
    }
    String hash = hash(command);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        return transactions.execute(status -> {
          repository.claim(command.client(), command.idempotencyKey(), hash, command.processKey());
          String id = startProcess(command);
          repository.recordOperation(command.client(), command.idempotencyKey(), id);
          return new Started(id, command.processKey(), true);
        });
      } catch (DataIntegrityViolationException | PessimisticLockingFailureException claimedElsewhere) {
        Optional<Started> existing = existing(command, hash);
        if (existing.isPresent()) {
          return existing.get();
        }
        // The winner has not committed yet (or rolled back): look again shortly.
        LockSupport.parkNanos(WAIT_NANOS);
      }
    }
    throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Duplicate request in progress", "A request with key '"
        + command.idempotencyKey() + "' is still being accepted elsewhere; send the request again.", null);
  }

  private Optional<Started> existing(StartCommand command, String hash) {
    return repository.find(command.client(), command.idempotencyKey())
        .filter(accepted -> accepted.operationId() != null)
        .map(accepted -> {
          if (!accepted.requestHash().equals(hash)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Idempotency key reused with a different request",
                "Key '" + command.idempotencyKey() + "' was already used for a different request (operation "
                    + accepted.operationId() + "). Use a new ticket id or Idempotency-Key for a new request.", null);
          }
          return new Started(accepted.operationId(), accepted.processKey(), false);
        });
  }

  private String startProcess(StartCommand command) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      String id = runtimeService.createProcessInstanceByKey(command.processKey())
          .businessKey(command.businessKey())
          .setVariables(command.variables())
          .execute()
          .getId();
      grants.grantToRequester(caller, id);
      return id;
    } catch (NullValueException notDeployed) {
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Process not deployed", "Process '"
          + command.processKey() + "' is not deployed on this engine: " + notDeployed.getMessage(), null);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private String hash(StartCommand command) {
    try {
      byte[] body = objectMapper.writeValueAsBytes(command.request());
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(command.processKey().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the request for idempotency", e);
    }
  }
}
