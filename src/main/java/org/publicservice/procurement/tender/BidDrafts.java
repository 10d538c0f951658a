package org.publicservice.procurement.tender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an organisation typed into its bid form but has not submitted (table {@code tender_bid_draft}): its saved
 * draft, the form it was typing when its login expired, and the content of a bid it withdrew. Sealed exactly as a
 * bid ({@link BidSealing}), bound to project, round, bidder and kind, so that it opens for nobody else and a row
 * copied onto another bidder's does not open. Only {@link BidBox} calls this, which checks who asks and that the
 * round still takes bids; the round's drafts are destroyed at its opening or closing, and the bidder's when it
 * submits.
 */
@Repository
class BidDrafts {

  /** The organisation's own unsent draft, or the bid it withdrew. */
  enum Kind { DRAFT, WITHDRAWN }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final BidSealing sealing;

  BidDrafts(JdbcClient jdbc, BidSealing sealing) {
    this.jdbc = jdbc;
    this.sealing = sealing;
  }

  /** Seals and keeps the form as the bidder's draft of this kind, replacing the one it had. */
  void keep(BidBox.CallRow call, String bidder, Kind kind, BidForm form, OffsetDateTime at) {
    BidSealing.Sealed sealed = sealing.seal(identity(call, bidder, kind), toJson(form));
    int updated = jdbc.sql("""
            UPDATE tender_bid_draft SET saved_at = :at, wrapped_key = :key, sealed_content = :content
            WHERE project_number = :project AND round_no = :round AND bidder = :bidder AND draft_kind = :kind""")
        .param("at", at).param("key", sealed.wrappedKey()).param("content", sealed.content())
        .param("project", call.projectNumber()).param("round", call.round()).param("bidder", bidder)
        .param("kind", kind.name()).update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO tender_bid_draft (project_number, round_no, bidder, draft_kind, saved_at, wrapped_key,
                                            sealed_content)
              VALUES (:project, :round, :bidder, :kind, :at, :key, :content)""")
          .param("project", call.projectNumber()).param("round", call.round()).param("bidder", bidder)
          .param("kind", kind.name()).param("at", at).param("key", sealed.wrappedKey())
          .param("content", sealed.content()).update();
    }
  }

  Optional<BidBox.SavedDraft> read(BidBox.CallRow call, String bidder, Kind kind) {
    return jdbc.sql("""
            SELECT saved_at, wrapped_key, sealed_content FROM tender_bid_draft
            WHERE project_number = :project AND round_no = :round AND bidder = :bidder AND draft_kind = :kind""")
        .param("project", call.projectNumber()).param("round", call.round()).param("bidder", bidder)
        .param("kind", kind.name())
        .query((rs, row) -> new BidBox.SavedDraft(
            fromJson(sealing.unseal(identity(call, bidder, kind), rs.getString("wrapped_key"),
                rs.getString("sealed_content"))),
            rs.getObject("saved_at", OffsetDateTime.class).atZoneSameInstant(ProcurementTime.ZONE)
                .toOffsetDateTime()))
        .optional();
  }

  /** Whether the bidder keeps a draft of this kind in the round (nothing is unsealed). */
  boolean exists(BidBox.CallRow call, String bidder, Kind kind) {
    return jdbc.sql("SELECT COUNT(*) FROM tender_bid_draft WHERE project_number = :project AND round_no = :round"
            + " AND bidder = :bidder AND draft_kind = :kind")
        .param("project", call.projectNumber()).param("round", call.round()).param("bidder", bidder)
        .param("kind", kind.name()).query(Integer.class).single() > 0;
  }

  /** Destroys the bidder's drafts of the round, of the kinds given. */
  void destroy(BidBox.CallRow call, String bidder, Kind... kinds) {
    for (Kind kind : kinds) {
      jdbc.sql("DELETE FROM tender_bid_draft WHERE project_number = :project AND round_no = :round"
              + " AND bidder = :bidder AND draft_kind = :kind")
          .param("project", call.projectNumber()).param("round", call.round()).param("bidder", bidder)
          .param("kind", kind.name()).update();
    }
  }

  /** Destroys every draft of the round: its bids are opened or returned, no draft may outlive the deadline. */
  void destroyRound(BidBox.CallRow call) {
    jdbc.sql("DELETE FROM tender_bid_draft WHERE project_number = :project AND round_no = :round")
        .param("project", call.projectNumber()).param("round", call.round()).update();
  }

  private static String identity(BidBox.CallRow call, String bidder, Kind kind) {
    return "draft:" + kind.name() + "|" + call.projectNumber() + "|" + call.round() + "|" + bidder;
  }

  private static String toJson(BidForm form) {
    ObjectNode node = JSON.createObjectNode();
    node.put("price", form.price());
    node.put("servicePlan", form.servicePlan());
    node.put("team", form.team());
    node.put("qualifications", form.qualifications());
    node.put("smeDeclaration", form.smeDeclaration());
    node.put("bondForm", form.bondForm());
    node.put("bondReference", form.bondReference());
    return node.toString();
  }

  private static BidForm fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return BidForm.sent(node.path("price").asText(), node.path("servicePlan").asText(),
          node.path("team").asText(), node.path("qualifications").asText(), node.path("smeDeclaration").asText(),
          node.path("bondForm").asText(), node.path("bondReference").asText());
    } catch (Exception e) {
      throw new IllegalStateException("An unsealed draft is not readable", e);
    }
  }
}
