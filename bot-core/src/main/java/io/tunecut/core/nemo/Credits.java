package io.tunecut.core.nemo;

public record Credits(double available, double frozen, double total) {}
