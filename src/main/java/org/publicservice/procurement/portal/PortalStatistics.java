package org.publicservice.procurement.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.evaluation.Grade;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures of the statistics page, computed from what every purchase reliably leaves behind: the approved plans
 * ({@code purchase_plan}), the notices of the disclosure register (their types and dates per project), and the
 * stages' outputs that the main process passes on ({@code openedBids} of TenderStage, {@code evaluationGrade} of
 * EvaluationStage) as the engine's history keeps them. Only public facts: plans' public columns, published
 * notices, opened bids (public once opened) and published grades.
 */
@Repository
public class PortalStatistics {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An amount and how many plans make it. */
  public record Sum(String key, long plans, BigDecimal amount) {
  }

  /** Counts of tender rounds and failed tenders. */
  public record TenderOutcomes(long tenderNotices, long failedTenders, long awards) {
    /** Failed tenders per tender notice, in percent, or {@code null} without tenders. */
    public Double failedShare() {
      return tenderNotices == 0 ? null : 100.0 * failedTenders / tenderNotices;
    }
  }

  /** Number of tenders (opened rounds) by their number of opened bids; key 5 counts "5 or more". */
  public record Bidders(Map<Integer, Long> tendersByBidders, long tenders, long bids) {
    public Double average() {
      return tenders == 0 ? null : (double) bids / tenders;
    }
  }

  /** Calendar days from the filing of the request to the first contract notice, per project. */
  public record Duration(String projectNumber, String category, long days) {
  }

  private final JdbcClient jdbc;
  private final HistoryService history;

  public PortalStatistics(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /** Budgets of the plans approved in the year (all years: {@code null}), by service category. */
  public List<Sum> budgetsByCategory(Integer year) {
    return budgets("service_category", year);
  }

  /** Budgets of the plans approved in the year, by purchasing department. */
  public List<Sum> budgetsByDepartment(Integer year) {
    return budgets("department_name", year);
  }

  private List<Sum> budgets(String column, Integer year) {
    Range range = Range.of(year);
    return jdbc.sql("SELECT " + column + " AS grouping_key, COUNT(*) AS plans, SUM(budget) AS amount"
            + " FROM purchase_plan WHERE approved_at >= :from AND approved_at < :until"
            + " GROUP BY " + column + " ORDER BY amount DESC, grouping_key")
        .param("from", range.from).param("until", range.until)
        .query((rs, row) -> new Sum(rs.getString("grouping_key"), rs.getLong("plans"), rs.getBigDecimal("amount")))
        .list();
  }

  /** Tender notices (one per round), failed-tender notices and award notices published in the year. */
  public TenderOutcomes tenderOutcomes(Integer year) {
    Range range = Range.of(year);
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("""
            SELECT notice_type, COUNT(*) AS notices FROM disclosure_notice
            WHERE notice_type IN (:types) AND published_at >= :from AND published_at < :until
            GROUP BY notice_type""")
        .param("types", List.of(NoticeType.TENDER_NOTICE.name(), NoticeType.FAILED_TENDER.name(),
            NoticeType.AWARD_NOTICE.name()))
        .param("from", range.from).param("until", range.until)
        .query((rs, row) -> counts.put(rs.getString("notice_type"), rs.getLong("notices"))).list();
    return new TenderOutcomes(counts.getOrDefault(NoticeType.TENDER_NOTICE.name(), 0L),
        counts.getOrDefault(NoticeType.FAILED_TENDER.name(), 0L),
        counts.getOrDefault(NoticeType.AWARD_NOTICE.name(), 0L));
  }

  public Bidders biddersPerTender(Integer year) {
    return biddersPerTender(ProcessKeys.TENDER_STAGE, year);
  }

  /**
   * Opened bids per tender round: the size of each {@code openedBids} list the tender process (key given) set in
   * the year. A re-tender is a new round with its own list.
   */
  Bidders biddersPerTender(String tenderProcessKey, Integer year) {
    Range range = Range.of(year);
    Map<Integer, Long> histogram = new TreeMap<>();
    long tenders = 0;
    long bids = 0;
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processDefinitionKey(tenderProcessKey).variableName("openedBids").disableCustomObjectDeserialization()
        .list()) {
      if (!range.contains(variable.getCreateTime())) {
        continue;
      }
      int size = jsonListSize(variable.getTypedValue());
      if (size < 0) {
        continue;
      }
      tenders++;
      bids += size;
      histogram.merge(Math.min(size, 5), 1L, Long::sum);
    }
    return new Bidders(histogram, tenders, bids);
  }

  public Map<String, Long> evaluationGrades(Integer year) {
    return evaluationGrades(ProcessKeys.EVALUATION_STAGE, year);
  }

  /** Grades ({@code evaluationGrade}) the evaluation process (key given) reached in the year, by grade code. */
  Map<String, Long> evaluationGrades(String evaluationProcessKey, Integer year) {
    Range range = Range.of(year);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processDefinitionKey(evaluationProcessKey).variableName("evaluationGrade").list()) {
      Object grade = variable.getValue();
      if (grade != null && Grade.ofCode(grade.toString()).isPresent() && range.contains(variable.getCreateTime())) {
        counts.merge(grade.toString(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * For every project whose first contract notice was published in the year: calendar days from the filing of
   * its purchase request (the start of its PublicServicePurchase instance) to that notice.
   */
  public List<Duration> requestToContract(Integer year) {
    Range range = Range.of(year);
    record Contracted(String projectNumber, String category, String processInstanceId, OffsetDateTime contractAt) {
    }
    List<Contracted> contracted = jdbc.sql("""
            SELECT p.project_number, p.service_category, p.process_instance_id, MIN(n.published_at) AS contract_at
            FROM purchase_plan p JOIN disclosure_notice n ON n.project_number = p.project_number
            WHERE n.notice_type = :contract
            GROUP BY p.project_number, p.service_category, p.process_instance_id""")
        .param("contract", NoticeType.CONTRACT.name())
        .query((rs, row) -> new Contracted(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class)))
        .list().stream()
        .filter(c -> range.contains(Date.from(c.contractAt().toInstant())))
        .toList();
    if (contracted.isEmpty()) {
      return List.of();
    }
    Map<String, Date> filed = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(contracted.stream().map(Contracted::processInstanceId).collect(Collectors.toSet()))
        .list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getStartTime));
    List<Duration> durations = new ArrayList<>();
    for (Contracted c : contracted) {
      Date start = filed.get(c.processInstanceId());
      if (start != null) {
        LocalDate from = start.toInstant().atZone(ProcurementTime.ZONE).toLocalDate();
        LocalDate to = c.contractAt().atZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
        durations.add(new Duration(c.projectNumber(), c.category(), ChronoUnit.DAYS.between(from, to)));
      }
    }
    return durations;
  }

  /** The size of a JSON list variable however it was stored (Spin JSON, serialized object, text); -1 if none. */
  static int jsonListSize(TypedValue value) {
    try {
      String text;
      if (value instanceof ObjectValue object) {
        text = object.getValueSerialized();
      } else if (value.getValue() instanceof SpinJsonNode node) {
        text = node.toString();
      } else if (value.getValue() instanceof java.util.Collection<?> items) {
        return items.size();
      } else if (value.getValue() != null) {
        text = value.getValue().toString();
      } else {
        return -1;
      }
      JsonNode node = JSON.readTree(text);
      return node != null && node.isArray() ? node.size() : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** A year in Beijing time, or all time. */
  private record Range(OffsetDateTime from, OffsetDateTime until) {
    static Range of(Integer year) {
      if (year == null) {
        return new Range(OffsetDateTime.parse("1900-01-01T00:00:00+08:00"),
            OffsetDateTime.parse("9999-01-01T00:00:00+08:00"));
      }
      OffsetDateTime start = LocalDate.of(year, 1, 1).atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime();
      return new Range(start, start.plusYears(1));
    }

    boolean contains(Date time) {
      return time != null && !time.toInstant().isBefore(from.toInstant()) && time.toInstant().isBefore(until.toInstant());
    }
  }
}
