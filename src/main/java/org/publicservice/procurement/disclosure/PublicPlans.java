package org.publicservice.procurement.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts of an approved purchase plan that are public (they are in its procurement intention anyway). Reads only
 * these columns of {@code purchase_plan}, so that the portal and the open data cannot show who requested or
 * approved a plan.
 */
@Repository
public class PublicPlans {

  /** Columns of purchase_plan that may be shown to anyone; used by every public query. */
  public static final String PUBLIC_COLUMNS = """
      project_number, service_name, service_category, department_name, budget, procurement_method,
      service_period_start, service_period_end, region, approved_at""";

  public record PublicPlan(
      String projectNumber,
      String serviceName,
      String serviceCategory,
      String departmentName,
      BigDecimal budget,
      String procurementMethod,
      LocalDate servicePeriodStart,
      LocalDate servicePeriodEnd,
      String region,
      OffsetDateTime approvedAt) {
  }

  private final JdbcClient jdbc;

  public PublicPlans(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PublicPlan> find(String projectNumber) {
    return jdbc.sql("SELECT " + PUBLIC_COLUMNS + " FROM purchase_plan WHERE project_number = :projectNumber")
        .param("projectNumber", projectNumber)
        .query(PublicPlan.class)
        .optional();
  }

  public List<PublicPlan> findAll(Collection<String> projectNumbers) {
    if (projectNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + PUBLIC_COLUMNS + " FROM purchase_plan WHERE project_number IN (:projectNumbers)")
        .param("projectNumbers", projectNumbers)
        .query(PublicPlan.class)
        .list();
  }
}
