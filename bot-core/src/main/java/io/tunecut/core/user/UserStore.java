package io.tunecut.core.user;

import io.tunecut.core.chat.ChatUser;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where user records live durably. It only ever sees sealed tokens, so another store (PostgreSQL,
 * for several bot instances) needs no cryptography of its own. Implementations are thread-safe;
 * the directory serialises writes per user.
 */
interface UserStore extends AutoCloseable {

  /** Random bytes made when the store was created and the same ever after: the key-derivation salt. */
  byte[] keySalt() throws IOException;

  Optional<StoredUser> find(ChatUser user) throws IOException;

  /** Inserts or replaces the user's row and renders in one transaction; durable when it returns. */
  void save(StoredUser user) throws IOException;

  /** Everyone with at least one pending render, read from durable storage. */
  List<StoredUser> withPendingRenders() throws IOException;

  @Override
  void close();
}
