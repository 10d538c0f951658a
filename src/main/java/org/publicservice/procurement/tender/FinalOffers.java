package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.publicservice.procurement.purchase.Money;

/**
 * Final offers (最后报价) at the end of a consultation or negotiation (214号; 74号令第三十三条): every supplier
 * still in offers once more, by a deadline, and the offers stay sealed like bids until then ({@link BidSealing}: a
 * fresh key per offer, wrapped with the server's sealing key; the price never enters a process variable or a column
 * in clear). Only the invited suppliers may offer; an offer may be replaced before the deadline (the earlier one is
 * destroyed); after the deadline the panel's review opens them all at once. Refusals are
 * {@link org.publicservice.procurement.purchase.SubmissionRejectedException} in Chinese, before anything is written.
 */
@Component
public class FinalOffers {

  static final String OPEN = "OPEN";
  static final String OPENED = "OPENED";
  static final String ACTIVE = "ACTIVE";
  static final String SUPERSEDED = "SUPERSEDED";
  static final int MAX_NOTE = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A supplier still in the consultation or negotiation. */
  public record Invitee(String bidder, String bidderName, String bidId) {
  }

  /** A call for final offers, as a supplier sees it on the portal. */
  public record Call(long id, String projectNumber, String serviceName, String departmentName, String procurementMethod,
      BigDecimal budget, OffsetDateTime deadline, boolean open, OffsetDateTime offeredAt) {
  }

  /** An offer as the opening reveals it. */
  public record Offer(String bidder, String bidderName, String bidId, BigDecimal price, String note,
      OffsetDateTime submittedAt) {
  }

  private final JdbcTemplate jdbc;
  private final BidSealing sealing;

  FinalOffers(JdbcTemplate jdbc, BidSealing sealing) {
    this.jdbc = jdbc;
    this.sealing = sealing;
  }

  /** Opens the call for the suppliers given; returns its id. */
  @Transactional
  public long open(String projectNumber, String processInstanceId, String serviceName, String departmentName,
      String procurementMethod, BigDecimal budget, OffsetDateTime deadline, List<Invitee> invitees) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement("INSERT INTO final_offer_call (project_number, "
          + "process_instance_id, service_name, department_name, procurement_method, budget, deadline, call_status) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, projectNumber);
      ps.setString(2, processInstanceId);
      ps.setString(3, serviceName);
      ps.setString(4, departmentName);
      ps.setString(5, procurementMethod);
      ps.setBigDecimal(6, budget);
      ps.setObject(7, deadline);
      ps.setString(8, OPEN);
      return ps;
    }, key);
    long id = key.getKey().longValue();
    for (Invitee invitee : invitees) {
      jdbc.update("INSERT INTO final_offer_invitee (call_id, bidder, bidder_name, bid_id) VALUES (?, ?, ?, ?)", id,
          invitee.bidder(), invitee.bidderName(), invitee.bidId());
    }
    return id;
  }

  /** Seals and stores the supplier's final offer; an earlier offer of it in this call is destroyed. */
  @Transactional
  public void submit(long callId, String bidderUserId, BigDecimal price, String note) {
    Call call = callFor(callId, bidderUserId)
        .orElseThrow(() -> reject(null, "贵单位不是本次最后报价的受邀供应商。"));
    OffsetDateTime now = now();
    if (!call.open() || !now.isBefore(call.deadline())) {
      throw reject(null, "提交最后报价的截止时间（" + ProcurementTime.MINUTE_IN_WORDS.format(call.deadline()) + "）已过。");
    }
    if (price == null) {
      throw reject("price", "请填写最后报价。");
    }
    if (price.signum() <= 0) {
      throw reject("price", "最后报价必须大于零。");
    }
    if (price.stripTrailingZeros().scale() > 2) {
      throw reject("price", "最后报价最多保留两位小数（分）。");
    }
    if (price.compareTo(call.budget()) > 0) {
      // 74号令第三十七条第三项: an offer above the budget does not count
      throw reject("price", "最后报价" + Money.yuan(price) + "超过采购预算" + Money.yuan(call.budget()) + "，不能提交。");
    }
    String text = note == null ? "" : note.strip();
    if (text.length() > MAX_NOTE) {
      throw reject("note", "报价说明不能超过" + MAX_NOTE + "个字。");
    }
    jdbc.update("UPDATE final_offer SET offer_status = ?, wrapped_key = NULL, sealed_content = NULL "
        + "WHERE call_id = ? AND bidder = ? AND offer_status = ?", SUPERSEDED, callId, bidderUserId, ACTIVE);
    String id = UUID.randomUUID().toString();
    ObjectNode content = JSON.createObjectNode();
    content.put("price", price.setScale(2).toPlainString());
    content.put("note", text);
    BidSealing.Sealed sealed = sealing.seal(identity(id, callId, bidderUserId), content.toString());
    jdbc.update("INSERT INTO final_offer (id, call_id, bidder, submitted_at, offer_status, wrapped_key, "
        + "sealed_content) VALUES (?, ?, ?, ?, ?, ?, ?)", id, callId, bidderUserId, now, ACTIVE, sealed.wrappedKey(),
        sealed.content());
  }

  /** The calls the supplier is invited to, newest first, with when it offered (never what). */
  public List<Call> callsOf(String bidderUserId) {
    return jdbc.query("SELECT c.*, (SELECT MAX(o.submitted_at) FROM final_offer o WHERE o.call_id = c.id "
        + "AND o.bidder = i.bidder AND o.offer_status = 'ACTIVE') AS offered_at FROM final_offer_call c "
        + "JOIN final_offer_invitee i ON i.call_id = c.id WHERE i.bidder = ? ORDER BY c.id DESC",
        (rs, row) -> call(rs), bidderUserId);
  }

  /** The supplier's own offer, unsealed for it alone. */
  public Optional<Offer> ownOffer(long callId, String bidderUserId) {
    return activeOffers(callId).stream().filter(row -> row.bidder.equals(bidderUserId)).findFirst()
        .map(this::unseal);
  }

  /**
   * Opens every offer of the call at its deadline, in order of the invitees; refused before the deadline by the
   * engine clock. Suppliers without an offer are absent from the result.
   */
  @Transactional
  public List<Offer> openOffers(long callId) {
    Call call = jdbc.queryForObject("SELECT c.*, NULL AS offered_at FROM final_offer_call c WHERE id = ? FOR UPDATE",
        (rs, row) -> call(rs), callId);
    if (now().isBefore(call.deadline())) {
      throw new IllegalStateException("Final offers of call " + callId + " stay sealed until " + call.deadline());
    }
    jdbc.update("UPDATE final_offer_call SET call_status = ?, opened_at = ? WHERE id = ?", OPENED, now(), callId);
    return activeOffers(callId).stream().map(this::unseal).toList();
  }

  /** How many suppliers have offered so far: all anybody may know before the deadline. */
  public int countOffers(long callId) {
    return activeOffers(callId).size();
  }

  private record OfferRow(String id, long callId, String bidder, String bidderName, String bidId,
      OffsetDateTime submittedAt, String wrappedKey, String sealedContent) {
  }

  private List<OfferRow> activeOffers(long callId) {
    return jdbc.query("SELECT o.*, i.bidder_name, i.bid_id FROM final_offer o JOIN final_offer_invitee i "
        + "ON i.call_id = o.call_id AND i.bidder = o.bidder WHERE o.call_id = ? AND o.offer_status = ? "
        + "ORDER BY i.bid_id", (rs, row) -> new OfferRow(rs.getString("id"), rs.getLong("call_id"),
            rs.getString("bidder"), rs.getString("bidder_name"), rs.getString("bid_id"),
            inChina(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getString("wrapped_key"),
            rs.getString("sealed_content")), callId, ACTIVE);
  }

  private Offer unseal(OfferRow row) {
    try {
      JsonNode content = JSON.readTree(sealing.unseal(identity(row.id(), row.callId(), row.bidder()),
          row.wrappedKey(), row.sealedContent()));
      return new Offer(row.bidder(), row.bidderName(), row.bidId(), new BigDecimal(content.get("price").asText()),
          content.get("note").asText(), row.submittedAt());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("An unsealed final offer is not readable", e);
    }
  }

  private Optional<Call> callFor(long callId, String bidderUserId) {
    return jdbc.query("SELECT c.*, NULL AS offered_at FROM final_offer_call c JOIN final_offer_invitee i "
        + "ON i.call_id = c.id WHERE c.id = ? AND i.bidder = ?", (rs, row) -> call(rs), callId, bidderUserId)
        .stream().findFirst();
  }

  private static Call call(java.sql.ResultSet rs) throws java.sql.SQLException {
    OffsetDateTime deadline = inChina(rs.getObject("deadline", OffsetDateTime.class));
    return new Call(rs.getLong("id"), rs.getString("project_number"), rs.getString("service_name"),
        rs.getString("department_name"), rs.getString("procurement_method"), rs.getBigDecimal("budget"), deadline,
        OPEN.equals(rs.getString("call_status")) && now().isBefore(deadline),
        inChina(rs.getObject("offered_at", OffsetDateTime.class)));
  }

  private static String identity(String offerId, long callId, String bidder) {
    return "final-offer|" + offerId + "|" + callId + "|" + bidder;
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
  }

  private static OffsetDateTime inChina(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(ProcurementTime.ZONE).toOffsetDateTime();
  }
}
