package org.corroborate.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's side of the append-only rule: any update or delete of an audit event is refused by the database. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit events are append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused", "45000");
    }
}
