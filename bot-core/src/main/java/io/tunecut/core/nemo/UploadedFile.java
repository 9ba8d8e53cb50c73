package io.tunecut.core.nemo;

/** One entry of {@code data.files[]} of an upload. Numbers the backend omitted are 0 / null. */
public record UploadedFile(
    String filename, String fileType, String cdnUrl, double duration, int width, int height, Double fps, String hash) {}
