/**
 * The studio's analysis from the command line: {@code analyze beats|cuts|speech FILE} prints
 * what the analysis finds, and {@code bench analysis} measures its speed on generated media.
 */
package io.tunecut.studio.bench;
