package io.tunecut.core.nemo;

import java.io.IOException;

/**
 * Where the client gets the bearer token for one user, and how it gets a new one when the
 * backend answers 1001. The core backs this with the user directory, so a renewed token is
 * persisted before it is used.
 */
public interface TokenSource {
  String token() throws IOException;

  /** Obtains and stores a fresh token (anonymous token with the same client id); returns it. */
  String renew() throws IOException;
}
