package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.corroborate.audit.AuditChain;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Links the audit events recorded before the hash chain existed into the chain, in the order they were written. */
public class V4__Audit_chain_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String previous = AuditChain.GENESIS;
        long seq = 0;
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select id, occurred_at, actor, action, entity_type, entity_id, "
                     + "source_id, before_state, after_state, reason, origin from audit_event order by id");
             PreparedStatement update = connection.prepareStatement(
                     "update audit_event set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
            while (rows.next()) {
                seq++;
                long sourceValue = rows.getLong("source_id");
                Long sourceId = rows.wasNull() ? null : sourceValue;
                AuditChain.Fields fields = new AuditChain.Fields(seq,
                        rows.getObject("occurred_at", OffsetDateTime.class).toInstant(), rows.getString("actor"),
                        rows.getString("action"), rows.getString("entity_type"), rows.getString("entity_id"),
                        sourceId, rows.getString("before_state"), rows.getString("after_state"),
                        rows.getString("reason"), rows.getString("origin"));
                String hash = AuditChain.hash(previous, fields);
                update.setLong(1, seq);
                update.setString(2, previous);
                update.setString(3, hash);
                update.setLong(4, rows.getLong("id"));
                update.executeUpdate();
                previous = hash;
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "update audit_chain_head set seq = ?, hash = ? where id = 1")) {
            head.setLong(1, seq);
            head.setString(2, previous);
            head.executeUpdate();
        }
    }
}
