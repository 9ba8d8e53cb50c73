package io.tunecut.app;

/** The one entry point: {@code java -jar tunecut.jar <command>}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("usage: tunecut console | studio | telegram | discord | run | bench | analyze");
  }
}
