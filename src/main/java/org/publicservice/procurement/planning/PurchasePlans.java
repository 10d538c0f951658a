package org.publicservice.procurement.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The approved purchase plans, one per project. */
@Repository
public class PurchasePlans {

  public record PurchasePlan(
      String projectNumber,
      String serviceName,
      String serviceCategory,
      String departmentGroup,
      String departmentName,
      BigDecimal budget,
      String procurementMethod,
      LocalDate servicePeriodStart,
      LocalDate servicePeriodEnd,
      String region,
      String requestedBy,
      String approvedBy,
      OffsetDateTime approvedAt,
      String processInstanceId) {
  }

  private final JdbcClient jdbc;

  public PurchasePlans(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(PurchasePlan plan) {
    jdbc.sql("""
            INSERT INTO purchase_plan (project_number, service_name, service_category, department_group,
              department_name, budget, procurement_method, service_period_start, service_period_end, region,
              requested_by, approved_by, approved_at, process_instance_id)
            VALUES (:projectNumber, :serviceName, :serviceCategory, :departmentGroup, :departmentName, :budget,
              :procurementMethod, :servicePeriodStart, :servicePeriodEnd, :region, :requestedBy, :approvedBy,
              :approvedAt, :processInstanceId)""")
        .paramSource(plan)
        .update();
  }

  public Optional<PurchasePlan> find(String projectNumber) {
    return jdbc.sql("SELECT * FROM purchase_plan WHERE project_number = :projectNumber")
        .param("projectNumber", projectNumber)
        .query(PurchasePlan.class)
        .optional();
  }
}
