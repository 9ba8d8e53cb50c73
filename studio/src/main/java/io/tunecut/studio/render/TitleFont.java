package io.tunecut.studio.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The font file drawtext uses for titles. A system font when fontconfig knows one (and one
 * that covers Chinese when the text needs it); otherwise DejaVu Sans shipped in our jar and
 * extracted once, so titles work on a machine with no fonts installed.
 */
final class TitleFont {
  static final String BUNDLED = "fonts/DejaVuSans.ttf";
  private static final List<String> KNOWN = List.of(
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/TTF/DejaVuSans.ttf");

  private final Path extractDir;
  private final boolean useSystem;
  private volatile Path bundled;

  /** @param extractDir where the bundled font is written when needed */
  TitleFont(Path extractDir, boolean useSystem) {
    this.extractDir = extractDir;
    this.useSystem = useSystem;
  }

  Path fontFor(String text) throws IOException {
    if (useSystem) {
      boolean han = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
      Optional<Path> system = han ? fcMatch(":lang=zh") : fcMatch("DejaVu Sans");
      if (system.isPresent()) return system.get();
      for (String known : KNOWN) {
        Path p = Path.of(known);
        if (Files.isRegularFile(p)) return p;
      }
    }
    return bundled();
  }

  /** The font from our jar, written to disk once. */
  Path bundled() throws IOException {
    Path b = bundled;
    if (b != null && Files.isRegularFile(b)) return b;
    synchronized (this) {
      Path target = extractDir.resolve("DejaVuSans.ttf");
      if (!Files.isRegularFile(target)) {
        Files.createDirectories(extractDir);
        try (InputStream in = TitleFont.class.getResourceAsStream(BUNDLED)) {
          if (in == null) throw new IOException("the title font is missing from the build");
          Path tmp = Files.createTempFile(extractDir, "font", ".tmp");
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      bundled = target;
      return target;
    }
  }

  private static Optional<Path> fcMatch(String pattern) {
    try {
      Process p = new ProcessBuilder("fc-match", "-f", "%{file}", pattern).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) return Optional.empty();
      Path font = Path.of(out);
      String name = font.getFileName().toString().toLowerCase();
      boolean usable = name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc");
      return usable && Files.isRegularFile(font) ? Optional.of(font) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no fontconfig on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
