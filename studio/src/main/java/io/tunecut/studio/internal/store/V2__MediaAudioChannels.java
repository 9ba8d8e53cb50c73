package io.tunecut.studio.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code media.audio_channels}, for SQLite files written before it existed. Java because
 * neither SQLite nor a plain ALTER can add a column only when it is missing.
 */
// Flyway reads the version and description from the class name.
final class V2__MediaAudioChannels extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    if (hasColumn(c, "media", "audio_channels")) return;
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE media ADD COLUMN audio_channels INTEGER");
    }
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, null)) {
      while (rs.next()) {
        if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) return true;
      }
    }
    return false;
  }
}
