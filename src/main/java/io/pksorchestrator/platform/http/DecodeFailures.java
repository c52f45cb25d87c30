package io.pksorchestrator.platform.http;

import feign.InvocationHandlerFactory;
import feign.Target;
import feign.FeignException;
import feign.codec.EncodeException;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Keeps Feign's own exceptions out of the callers' view: a response body that cannot be read (an HTML error
 * page from a proxy, a truncated body) becomes retryable; a request that cannot be encoded is a rejection (a bug
 * on our side that retrying will not fix). The message never contains the body.
 */
final class DecodeFailures implements InvocationHandlerFactory {

  private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();
  private final String foundation;
  private final String component;

  DecodeFailures(String foundation, String component) {
    this.foundation = foundation;
    this.component = component;
  }

  @Override
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler handler = delegate.create(target, dispatch);
    return (proxy, method, args) -> {
      try {
        return handler.invoke(proxy, method, args);
      } catch (EncodeException e) {
        throw new FoundationRejectedException(foundation, 0, "Foundation '" + foundation + "' " + component
            + ": the request " + method.getName() + " could not be encoded (" + firstLine(e) + ")", firstLine(e));
      } catch (FeignException e) {
        // DecodeException, or errorReading for a body that is not JSON; error statuses never get here
        throw new RetryableFoundationException(foundation, e.status(), "Foundation '" + foundation + "' "
            + component + ": the response to " + method.getName() + " could not be read (" + firstLine(e)
            + "). Check that the " + component + " URL points at the API itself, not at a proxy page.", null);
      }
    };
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return ErrorBodies.truncate(nl < 0 ? m : m.substring(0, nl));
  }
}
