package org.publicservice.procurement.review;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lot draws that ordered equal results (87号令第六十八条), kept with the file: seed, algorithm, the tied bids in the
 * order the draw took them and the order drawn, so that anyone can repeat a draw with {@link PanelDraw#drawOrder}.
 */
@Repository
public class LotDraws {

  /** A recorded draw. */
  public record Recorded(String projectNumber, int tiedRank, long seed, String algorithm, List<String> tiedBids,
      List<String> drawnOrder, OffsetDateTime drawnAt) {
  }

  private final JdbcClient jdbc;

  public LotDraws(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String projectNumber, String processInstanceId, Ranking.LotDraw draw, OffsetDateTime at) {
    jdbc.sql("""
            INSERT INTO ranking_lot_draw (project_number, process_instance_id, tied_rank, seed, algorithm, tied_bids,
              drawn_order, drawn_at)
            VALUES (:project, :instance, :rank, :seed, :algorithm, :tied, :drawn, :at)""")
        .param("project", projectNumber).param("instance", processInstanceId).param("rank", draw.rank())
        .param("seed", draw.seed()).param("algorithm", PanelDraw.ALGORITHM)
        .param("tied", String.join(",", draw.tiedBids())).param("drawn", String.join(",", draw.drawnOrder()))
        .param("at", at).update();
  }

  public List<Recorded> ofProject(String projectNumber) {
    return jdbc.sql("SELECT * FROM ranking_lot_draw WHERE project_number = :project ORDER BY id")
        .param("project", projectNumber)
        .query((rs, row) -> new Recorded(rs.getString("project_number"), rs.getInt("tied_rank"), rs.getLong("seed"),
            rs.getString("algorithm"), List.of(rs.getString("tied_bids").split(",")),
            List.of(rs.getString("drawn_order").split(",")), rs.getObject("drawn_at", OffsetDateTime.class)))
        .list();
  }
}
