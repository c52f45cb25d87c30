package io.pksorchestrator.security;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider with every password check of a request counted against its source: a
 * refused login (wrong password, unknown user, user in its short delay) counts for {@link LoginThrottle}; a source
 * that is throttled already is refused without checking (the account's delay is not touched). This is where every
 * login path meets (HTTP Basic on {@code /engine-rest} and {@code /api}, the webapps' login, {@code identity/verify}).
 *
 * <p>It is also where every identity change of the engine is written, so it empties the cache of verified
 * credentials ({@link VerifiedCredentials}, docs/security.md §7) on each: a saved user (a new password), a deleted
 * user, group or tenant, a saved group or tenant, a group or tenant membership created or deleted, a user locked, and
 * every refused password check (the account's delay starts or grows); at once, and again when the transaction
 * commits, so a request that read the old state meanwhile cannot keep it. Not an unlock: it only lets a user in
 * again (the engine calls it on every accepted password check), and a cached credential was verified unlocked.
 */
final class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;
  private final VerifiedCredentials credentials;

  ThrottledIdentityProvider(LoginThrottle throttle, VerifiedCredentials credentials) {
    this.throttle = throttle;
    this.credentials = credentials;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String source = LoginSource.current();
    if (source != null && throttle.retryAfterSeconds(source) > 0) {
      return false;
    }
    boolean accepted = super.checkPassword(userId, password);
    if (!accepted) {
      identityChanged();
      throttle.recordFailure(source, userId);
    }
    return accepted;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    identityChanged();
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    identityChanged();
    return super.deleteUser(userId);
  }

  @Override
  protected void lockUser(UserEntity user) {
    identityChanged();
    super.lockUser(user);
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    identityChanged();
    return super.saveGroup(group);
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    identityChanged();
    return super.deleteGroup(groupId);
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    identityChanged();
    return super.saveTenant(tenant);
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    identityChanged();
    return super.deleteTenant(tenantId);
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    identityChanged();
    return super.createMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    identityChanged();
    return super.deleteMembership(userId, groupId);
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    identityChanged();
    return super.createTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    identityChanged();
    return super.createTenantGroupMembership(tenantId, groupId);
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    identityChanged();
    return super.deleteTenantUserMembership(tenantId, userId);
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    identityChanged();
    return super.deleteTenantGroupMembership(tenantId, groupId);
  }

  /** Empties the credential cache now and once more when the change is committed. */
  private void identityChanged() {
    credentials.invalidateAll();
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> credentials.invalidateAll());
    }
  }

  /** Opens this provider as the engine's read-only and writable identity provider. */
  static final class Factory implements SessionFactory {

    private final LoginThrottle throttle;
    private final VerifiedCredentials credentials;

    Factory(LoginThrottle throttle, VerifiedCredentials credentials) {
      this.throttle = throttle;
      this.credentials = credentials;
    }

    @Override
    public Class<?> getSessionType() {
      return ThrottledIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new ThrottledIdentityProvider(throttle, credentials);
    }
  }
}
