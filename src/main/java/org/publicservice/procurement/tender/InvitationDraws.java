package org.publicservice.procurement.tender;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The written record of the random selection of an invited tender's suppliers (87号令第十四条第四款: 随机抽取 … 形成书面
 * 记录，随采购文件一并存档): the qualified list and where it came from, the seed and the order it gives (so anyone can
 * repeat the draw with {@code review.PanelDraw#drawOrder}), the suppliers invited and the two supervising staff.
 */
@Repository
public class InvitationDraws {

  public record Draw(long id, String projectNumber, String listSource, String listBasis, long seed, String algorithm,
      List<String> pool, List<String> drawOrder, List<String> invited, List<String> supervisors, String drawnBy,
      OffsetDateTime drawnAt) {
  }

  private final JdbcTemplate jdbc;

  InvitationDraws(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long record(String projectNumber, String processInstanceId, String listSource, String listBasis, long seed,
      String algorithm, List<String> pool, List<String> order, List<String> invited, List<String> supervisors,
      String drawnBy) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("INSERT INTO invitation_draw (project_number, "
          + "process_instance_id, list_source, list_basis, seed, algorithm, pool, draw_order, invited, supervisors, "
          + "drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, projectNumber);
      ps.setString(2, processInstanceId);
      ps.setString(3, listSource);
      ps.setString(4, listBasis);
      ps.setLong(5, seed);
      ps.setString(6, algorithm);
      ps.setString(7, String.join(",", pool));
      ps.setString(8, String.join(",", order));
      ps.setString(9, String.join(",", invited));
      ps.setString(10, String.join(",", supervisors));
      ps.setString(11, drawnBy);
      ps.setObject(12, ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime());
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public Draw find(long id) {
    return jdbc.queryForObject("SELECT * FROM invitation_draw WHERE id = ?", (rs, row) -> new Draw(rs.getLong("id"),
        rs.getString("project_number"), rs.getString("list_source"), rs.getString("list_basis"), rs.getLong("seed"),
        rs.getString("algorithm"), split(rs.getString("pool")), split(rs.getString("draw_order")),
        split(rs.getString("invited")), split(rs.getString("supervisors")), rs.getString("drawn_by"),
        rs.getObject("drawn_at", OffsetDateTime.class)), id);
  }

  private static List<String> split(String text) {
    return Arrays.asList(text.split(","));
  }
}
