/**
 * The NemoVideo protocol client: {@link io.tunecut.core.nemo.NemoClient} and its values.
 *
 * <p>Failures are {@link io.tunecut.core.nemo.NemoException}s carrying the business code and
 * the HTTP status; a chat turn cut short after its message may have reached the backend is a
 * {@link io.tunecut.core.nemo.TurnInterruptedException} (read the state, never re-send).
 * The client retries only as the protocol says: 1001 once after renewing the token, 429 once
 * after the configured delay; a chat message only when the backend refused it before any
 * stream opened.
 */
package io.tunecut.core.nemo;
