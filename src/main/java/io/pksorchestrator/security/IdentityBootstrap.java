package io.pksorchestrator.security;

import io.pksorchestrator.operations.OperatorGroups;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates (idempotently, at every start) the users {@code admin}, {@code operator} and {@code ticketing}, the groups
 * camunda-admin, platform-operators, platform-leads and ticketing, their memberships, the authorizations of
 * {@link AccessPolicy} and a Tasklist filter. A configured password is (re)applied at every start; where none is
 * configured, a new user gets a random password that is printed once and never stored in configuration (an
 * existing user keeps its password). Several nodes starting at once may race: a failed creation is retried once
 * after re-reading, which then finds what the other node created.
 */
@Component
@Order(0)
public class IdentityBootstrap implements ApplicationRunner {

  static final String ADMIN = "admin";
  static final String OPERATOR = "operator";
  static final String TICKETING = "ticketing";
  static final String TASKLIST_FILTER = "Operations tasks";
  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where the password of a bootstrap user came from at this start (read by the start-up banner). */
  public enum PasswordOrigin {
    /** The user was new and no password was configured: a random one was printed once (PKSO-SEC012). */
    GENERATED,
    /** Set from {@code PKSO_<USER>_PASSWORD} / {@code pkso.security.<user>-password} at this start. */
    CONFIGURED,
    /** None configured: the user keeps the password it had (generated or set at an earlier start). */
    KEPT
  }

  /** A user this bootstrap manages, its group and where its password came from at this start. */
  public record BootstrapUser(String id, String group, PasswordOrigin passwordOrigin) {}

  private final ProcessEngine engine;
  private final SecurityProperties properties;
  private final List<BootstrapUser> users = new CopyOnWriteArrayList<>();

  public IdentityBootstrap(ProcessEngine engine, SecurityProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      apply();
    } catch (RuntimeException raceWithAnotherNode) {
      LOG.info("PKSO-SEC010 Identity bootstrap failed once ({}), retrying", raceWithAnotherNode.getMessage());
      apply();
    }
  }

  /** The users of the last {@link #run}, in creation order (empty before it). */
  public List<BootstrapUser> users() {
    return List.copyOf(users);
  }

  void apply() {
    users.clear();
    Map<String, String> groups = Map.of(OperatorGroups.ADMINS, "Camunda administrators",
        OperatorGroups.OPERATORS, "Platform operators", OperatorGroups.LEADS, "Platform leads",
        OperatorGroups.TICKETING, "Ticketing systems");
    groups.forEach(this::group);
    user(ADMIN, "Administrator", properties.adminPassword(), OperatorGroups.ADMINS);
    user(OPERATOR, "Operator", properties.operatorPassword(), OperatorGroups.OPERATORS);
    user(TICKETING, "Ticketing client", properties.ticketingPassword(), OperatorGroups.TICKETING);
    new AccessPolicy(engine.getAuthorizationService()).apply();
    tasklistFilter();
  }

  private void group(String id, String name) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void user(String id, String name, String configuredPassword, String groupId) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(id).singleResult();
    boolean configured = configuredPassword != null && !configuredPassword.isBlank();
    users.add(new BootstrapUser(id, groupId, configured ? PasswordOrigin.CONFIGURED
        : user == null ? PasswordOrigin.GENERATED : PasswordOrigin.KEPT));
    if (user == null) {
      user = identity.newUser(id);
      user.setFirstName(name);
      user.setLastName("(pks-orchestrator)");
      String password = configured ? configuredPassword : generatePassword();
      user.setPassword(password);
      identity.saveUser(user);
      if (!configured) {
        announce(id, password);
      }
    } else if (configured) {
      // Always re-applied (not compared first: a failed checkPassword would lock the user for a while).
      user.setPassword(configuredPassword);
      identity.saveUser(user);
      LOG.info("PKSO-SEC011 Password of user '{}' set from configuration", id);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }

  private void tasklistFilter() {
    FilterService filters = engine.getFilterService();
    if (filters.createFilterQuery().filterName(TASKLIST_FILTER).count() == 0) {
      var filter = filters.newTaskFilter(TASKLIST_FILTER);
      filter.setQuery(engine.getTaskService().createTaskQuery());
      filter.setProperties(Map.of("description", "Approval and failure tasks you may work on", "priority", 0,
          "refresh", true));
      filters.saveFilter(filter);
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void announce(String user, String password) {
    String line = "PKSO-SEC012 Generated password for user '" + user + "': " + password
        + "  (shown once; set PKSO_" + user.toUpperCase() + "_PASSWORD to choose your own)";
    // Printed to stdout on purpose, once, so that it reaches the console of the person who started the app
    // even when logs are shipped elsewhere.
    System.out.println(line);
  }
}
