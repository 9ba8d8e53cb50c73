package io.tunecut.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/** The slash commands the bot registers, and how one reads as an inbound message. */
final class SlashCommands {
  static final List<String> CLIP_OPTIONS = List.of("clip", "clip2", "clip3", "clip4");
  static final String TRACK_OPTION = "track";
  static final String INSTRUCTION_OPTION = "instruction";
  private static final Set<String> PLAIN = Set.of("export", "preview", "status", "credits", "new", "cancel", "help");

  private SlashCommands() {}

  static List<CommandData> all() {
    var music = Commands.slash("music", "Put music under your clips");
    for (int i = 0; i < CLIP_OPTIONS.size(); i++) {
      music.addOption(OptionType.ATTACHMENT, CLIP_OPTIONS.get(i), i == 0 ? "A video clip" : "Another video clip");
    }
    music.addOption(OptionType.ATTACHMENT, TRACK_OPTION, "The music track (audio)");
    music.addOption(OptionType.STRING, INSTRUCTION_OPTION, "What you want, e.g. \"sync it to the cuts, fade out at the end\"");
    List<CommandData> commands = new ArrayList<>();
    commands.add(music);
    commands.add(Commands.slash("edit", "Change the video in plain words")
        .addOption(OptionType.STRING, INSTRUCTION_OPTION, "e.g. \"music at 35%\", \"make it vertical\"", true));
    commands.add(Commands.slash("export", "Render the video and send it"));
    commands.add(Commands.slash("preview", "A quick 360p look at the video, free"));
    commands.add(Commands.slash("status", "Show what the bot is working on"));
    commands.add(Commands.slash("credits", "Show your remaining credits"));
    commands.add(Commands.slash("new", "Start a new project"));
    commands.add(Commands.slash("cancel", "Stop what is running"));
    commands.add(Commands.slash("help", "How to use the bot"));
    for (CommandData command : commands) {
      command.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }
    return commands;
  }

  static boolean isOurs(String name) {
    return name.equals("music") || name.equals("edit") || PLAIN.contains(name);
  }

  /** What the person asked for, as the core reads typed text ("/export", or an instruction). */
  static String text(SlashCommandInteraction interaction) {
    String name = interaction.getName();
    String instruction = interaction.getOption(INSTRUCTION_OPTION, null, OptionMapping::getAsString);
    if (name.equals("music") || name.equals("edit")) {
      if (instruction != null && !instruction.isBlank()) return instruction.strip();
      return name.equals("music") && !files(interaction).isEmpty() ? "" : "/" + name;
    }
    return "/" + name;
  }

  /** Clips first, in option order, then the track. */
  static List<Message.Attachment> files(SlashCommandInteraction interaction) {
    List<Message.Attachment> files = new ArrayList<>();
    for (String option : CLIP_OPTIONS) {
      Message.Attachment file = interaction.getOption(option, null, OptionMapping::getAsAttachment);
      if (file != null) files.add(file);
    }
    Message.Attachment track = interaction.getOption(TRACK_OPTION, null, OptionMapping::getAsAttachment);
    if (track != null) files.add(track);
    return files;
  }
}
