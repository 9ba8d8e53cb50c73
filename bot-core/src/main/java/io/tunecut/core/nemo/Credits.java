package io.tunecut.core.nemo;

/**
 * A balance.
 *
 * @param renderMinutes whether the units are render minutes of a tunecut studio's daily quota,
 *     rather than credits bought or earned by registering
 */
public record Credits(double available, double frozen, double total, boolean renderMinutes) {}
