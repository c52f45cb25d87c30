package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.NotRetryableException;

/**
 * {@code stemcellSource} is not allowed by {@link StemcellSourcePolicy}. The message names the rule broken and
 * never says whether a path outside the stemcell directory exists.
 */
public class StemcellSourceRejectedException extends NotRetryableException {

  public StemcellSourceRejectedException(String message) {
    super(message);
  }
}
