/**
 * The benchmarks behind {@code tunecut bench …}: each times one part of the product against a
 * baseline measured in the same run. The studio's benchmarks reach into its internal packages
 * on purpose, to time a part on its own; nothing else outside the studio does.
 */
package io.tunecut.app.bench;
