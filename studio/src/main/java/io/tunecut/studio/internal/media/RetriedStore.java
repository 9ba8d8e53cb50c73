package io.tunecut.studio.internal.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** A store elsewhere, each call under {@link StoreRetries}. */
final class RetriedStore implements MediaStore {
  private final MediaStore store;

  RetriedStore(MediaStore store) {
    this.store = store;
  }

  @Override
  public void save(Path file) throws IOException {
    StoreRetries.run(() -> {
      store.save(file);
      return null;
    });
  }

  @Override
  public boolean copy(Path file, Path copy) throws IOException {
    return StoreRetries.run(() -> store.copy(file, copy));
  }

  @Override
  public Optional<Kept> find(Path file) throws IOException {
    Optional<Kept> found = StoreRetries.run(() -> store.find(file));
    // Opening the stream at an offset is a call of its own (a ranged GET).
    return found.map(kept -> new Kept(kept.size(), offset -> StoreRetries.run(() -> kept.reader().from(offset))));
  }

  @Override
  public void list(Path directory, Consumer<Listed> each) throws IOException {
    store.list(directory, each); // a listing is read once: a clean-up that fails runs again at its next turn
  }

  @Override
  public void delete(Path file) throws IOException {
    StoreRetries.run(() -> {
      store.delete(file);
      return null;
    });
  }

  @Override
  public boolean isDataDirectory() {
    return store.isDataDirectory();
  }

  @Override
  public void check() throws MediaStoreException {
    store.check();
  }

  @Override
  public void close() {
    store.close();
  }
}
