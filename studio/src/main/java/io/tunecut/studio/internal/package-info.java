/**
 * How the studio works inside: the agent, analysis, composing, rendering, media and the store.
 * Nothing here is an API. Other modules start the studio through {@code io.tunecut.studio.server}
 * (the server and its settings) and run ffmpeg through {@code io.tunecut.studio.ffmpeg}; only the
 * benchmarks reach in here, to time the parts on their own.
 */
package io.tunecut.studio.internal;
