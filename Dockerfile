# tunecut: the bot, the studio API and the render workers are one image; the command picks.
#   docker build -t tunecut .
#   docker run tunecut run | telegram | discord | studio --role api|worker|all

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first: the dependencies stay cached while only the sources change.
COPY pom.xml ./
COPY bot-core/pom.xml bot-core/
COPY studio/pom.xml studio/
COPY telegram/pom.xml telegram/
COPY discord/pom.xml discord/
COPY app/pom.xml app/
RUN mvn -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# ffmpeg renders; Noto CJK and Symbola draw titles in Chinese, Japanese and emoji; the
# General MIDI soundfont plays composed music.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ffmpeg fontconfig fonts-noto-cjk fonts-symbola fluid-soundfont-gm curl \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /var/lib/tunecut tunecut
COPY --from=build /src/app/target/tunecut.jar /opt/tunecut/tunecut.jar
USER tunecut
ENV TUNECUT_DATA_DIR=/var/lib/tunecut \
    TUNECUT_STUDIO_HOST=0.0.0.0 \
    TUNECUT_STUDIO_PORT=8750
VOLUME /var/lib/tunecut
EXPOSE 8750
ENTRYPOINT ["java", "-jar", "/opt/tunecut/tunecut.jar"]
CMD ["run"]
